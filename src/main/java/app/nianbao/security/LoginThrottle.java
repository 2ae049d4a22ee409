package app.nianbao.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password checks with a brake: after {@value #MAX_FAILURES} failed logins within a minute for
 * one user name from one address, further attempts are refused until the minute has passed,
 * whatever the password. Every failure is logged with the name and address.
 */
public class LoginThrottle implements AuthenticationProvider {

    public static final int MAX_FAILURES = 5;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final AuthenticationProvider passwords;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec cacheKey = randomKey();

    /** How long a checked password is taken without bcrypt again; any change of the account ends it sooner. */
    static final Duration VERIFIED_FOR = Duration.ofMinutes(5);

    /** A sign-in that passed bcrypt: a keyed hash of the password (never the password) and what it granted. */
    private record Verified(byte[] mac, Authentication granted, Instant until) {
    }

    public LoginThrottle(UserDetailsService users, PasswordEncoder encoder, Clock clock) {
        this(users, encoder, clock, new AccountChanges(clock));
    }

    /**
     * API scripts sign in on every request with HTTP Basic; bcrypt costs tens of milliseconds by
     * design, so a password checked once is remembered for a few minutes as an HMAC under a key
     * that lives only in this process, and forgotten when the account changes.
     */
    public LoginThrottle(UserDetailsService users, PasswordEncoder encoder, Clock clock, AccountChanges changes) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        this.passwords = dao;
        this.clock = clock;
        changes.onChange(verified::remove);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "local";
        String key = attempt.getName() + "@" + address;
        if (recentFailures(key) >= MAX_FAILURES) {
            log.warn("登录被限流 / login throttled: user={} address={}", attempt.getName(), address);
            throw new LockedException("登录失败次数过多，请一分钟后再试 / too many failed logins, try again in a minute");
        }
        byte[] mac = mac(attempt);
        Verified known = verified.get(attempt.getName());
        if (known != null && clock.instant().isBefore(known.until()) && MessageDigest.isEqual(known.mac(), mac)) {
            return known.granted();
        }
        try {
            Authentication accepted = passwords.authenticate(attempt);
            failures.remove(key);
            verified.put(attempt.getName(), new Verified(mac, accepted, clock.instant().plus(VERIFIED_FOR)));
            return accepted;
        } catch (AuthenticationException e) {
            failures.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(clock.instant());
            log.warn("登录失败 / failed login: user={} address={} reason={}", attempt.getName(), address, e.getClass().getSimpleName());
            throw e;
        }
    }

    private byte[] mac(Authentication attempt) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(cacheKey);
            hmac.update(attempt.getName().getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            hmac.update(String.valueOf(attempt.getCredentials()).getBytes(StandardCharsets.UTF_8));
            return hmac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKeySpec randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private int recentFailures(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant horizon = clock.instant().minus(WINDOW);
            while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
                times.removeFirst();
            }
            return times.size();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
