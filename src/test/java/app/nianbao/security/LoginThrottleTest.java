package app.nianbao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class LoginThrottleTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(new InMemoryUserDetailsManager(
            User.withUsername("li").password(encoder.encode("correct-password")).roles("VIEWER").build()), encoder, clock);

    @Test
    void the_right_password_signs_in() {
        assertThat(throttle.authenticate(attempt("li", "correct-password", "10.0.0.1")).isAuthenticated()).isTrue();
    }

    @Test
    void after_five_failures_in_a_minute_even_the_right_password_is_refused_until_the_minute_is_over() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> throttle.authenticate(attempt("li", "guess", "10.0.0.1"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> throttle.authenticate(attempt("li", "correct-password", "10.0.0.1")))
                .isInstanceOf(LockedException.class).hasMessageContaining("一分钟");
        // another address is not held up by someone else's guessing
        assertThat(throttle.authenticate(attempt("li", "correct-password", "10.0.0.2")).isAuthenticated()).isTrue();
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.authenticate(attempt("li", "correct-password", "10.0.0.1")).isAuthenticated()).isTrue();
    }

    @Test
    void four_failures_do_not_lock() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            assertThatThrownBy(() -> throttle.authenticate(attempt("li", "guess", "10.0.0.1"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(throttle.authenticate(attempt("li", "correct-password", "10.0.0.1")).isAuthenticated()).isTrue();
    }

    @Test
    void a_password_checked_once_is_not_checked_with_bcrypt_again_until_the_account_changes() {
        int[] checks = {0};
        PasswordEncoder counting = new PasswordEncoder() {
            public String encode(CharSequence raw) {
                return encoder.encode(raw);
            }

            public boolean matches(CharSequence raw, String encoded) {
                checks[0]++;
                return encoder.matches(raw, encoded);
            }
        };
        AccountChanges changes = new AccountChanges(clock);
        LoginThrottle cached = new LoginThrottle(new InMemoryUserDetailsManager(
                User.withUsername("li").password(encoder.encode("correct-password")).roles("VIEWER").build()), counting, clock, changes);

        for (int i = 0; i < 20; i++) {
            assertThat(cached.authenticate(attempt("li", "correct-password", "10.0.0.1")).isAuthenticated()).isTrue();
        }
        assertThat(checks[0]).isEqualTo(1);
        // a wrong password is never taken from the cache
        assertThatThrownBy(() -> cached.authenticate(attempt("li", "correct-passwore", "10.0.0.1"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks[0]).isEqualTo(2);
        // any change of the account, and the end of the interval, send the next sign-in through bcrypt again
        changes.changed("li", false);
        cached.authenticate(attempt("li", "correct-password", "10.0.0.1"));
        assertThat(checks[0]).isEqualTo(3);
        clock.advance(LoginThrottle.VERIFIED_FOR.plusSeconds(1));
        cached.authenticate(attempt("li", "correct-password", "10.0.0.1"));
        assertThat(checks[0]).isEqualTo(4);
    }

    private static Authentication attempt(String user, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
