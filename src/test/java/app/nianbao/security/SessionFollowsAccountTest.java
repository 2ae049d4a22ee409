package app.nianbao.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** An open session follows its account: demoted, it loses the role at once; disabled, it ends. */
class SessionFollowsAccountTest {

    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
            User.withUsername("ana").password("{noop}x").roles("ANALYST", "VIEWER").build());
    private final AccountChanges changes = new AccountChanges();
    private final SessionFollowsAccount filter = new SessionFollowsAccount(users, changes);
    private final MockHttpSession session = new MockHttpSession();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private void request() throws Exception {
        UserDetails signedIn = User.withUsername("ana").password("x").roles("ANALYST", "VIEWER").build();
        if (SecurityContextHolder.getContext().getAuthentication() == null) {
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities()));
        }
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    }

    private java.util.List<String> roles() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void a_demoted_account_loses_the_role_on_its_next_request() throws Exception {
        request();
        assertThat(roles()).contains("ROLE_ANALYST");

        users.updateUser(User.withUsername("ana").password("{noop}x").roles("VIEWER").build());
        changes.changed("ana", false);
        request();

        assertThat(roles()).containsExactly("ROLE_VIEWER");
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void a_disabled_account_loses_its_session_on_its_next_request() throws Exception {
        request();

        users.updateUser(User.withUsername("ana").password("{noop}x").roles("ANALYST", "VIEWER").disabled(true).build());
        changes.changed("ana", true);
        request();

        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void an_unchanged_account_keeps_its_session_as_it_is() throws Exception {
        request();
        request();
        assertThat(roles()).contains("ROLE_ANALYST");
        assertThat(session.isInvalid()).isFalse();
    }
}
