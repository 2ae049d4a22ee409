package app.nianbao.security;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An open session carries the rights its account had at sign-in; this makes it follow the
 * account instead. On the first request after the account changed, a demoted or promoted
 * account gets its new roles, and a disabled account or one whose password was reset loses its
 * session — at once, not when the session times out.
 */
public class SessionFollowsAccount extends OncePerRequestFilter {

    private static final String CHECKED_AT = SessionFollowsAccount.class.getName() + ".checkedAt";
    private static final Logger log = LoggerFactory.getLogger(SessionFollowsAccount.class);

    private final UserDetailsService users;
    private final AccountChanges changes;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    public SessionFollowsAccount(UserDetailsService users, AccountChanges changes) {
        this.users = users;
        this.changes = changes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && signedIn instanceof UsernamePasswordAuthenticationToken && signedIn.isAuthenticated()) {
            Instant checked = (Instant) session.getAttribute(CHECKED_AT);
            if (checked == null) {
                session.setAttribute(CHECKED_AT, changes.now());
            } else {
                changes.since(signedIn.getName(), checked).ifPresent(change -> follow(signedIn.getName(), change, request, response, session));
            }
        }
        chain.doFilter(request, response);
    }

    private void follow(String username, AccountChanges.Change change, HttpServletRequest request, HttpServletResponse response,
                        HttpSession session) {
        UserDetails account = null;
        try {
            account = users.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            // treated as disabled
        }
        if (account == null || !account.isEnabled() || change.endsSessions()) {
            log.info("会话已结束：账户 {} 已停用或已重设密码 / ended the session of {}: account disabled or password reset", username, username);
            SecurityContextHolder.clearContext();
            session.invalidate();
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        session.setAttribute(CHECKED_AT, changes.now());
        log.info("会话权限已更新 / the session of {} now has {}", username, account.getAuthorities());
    }
}
