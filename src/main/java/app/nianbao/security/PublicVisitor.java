package app.nianbao.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The transparency-portal mode ({@code nianbao.security.public-read=true}): a visitor who has not
 * signed in acts as this viewer for the one request. Spring's own anonymous token would not do,
 * because servlet requests hide anonymous principals and Vaadin then sees nobody at all.
 * Nothing is stored in the session, so signing in replaces the visitor at once.
 */
public class PublicVisitor extends OncePerRequestFilter {

    /** Not a valid user name, so no account can be mistaken for the visitor. */
    public static final String NAME = "公众访客";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var context = SecurityContextHolder.getContext();
        if (context.getAuthentication() == null) {
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(NAME, null,
                    AuthorityUtils.createAuthorityList(Role.VIEWER.authorities())));
        }
        chain.doFilter(request, response);
    }

    public static boolean is(String username) {
        return NAME.equals(username);
    }
}
