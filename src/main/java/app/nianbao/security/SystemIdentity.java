package app.nianbao.security;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The product itself as the one who writes, for the work nobody signs in for: seeding the
 * bundled reports at start-up and the collector's schedule. Services guard every write with a
 * role, so such work runs under this name with the analyst's authorities, and whatever it writes
 * carries the name {@value #NAME}.
 */
public final class SystemIdentity {

    public static final String NAME = "nianbao";

    private SystemIdentity() {
    }

    /** Runs the work as the product, restoring whoever the thread ran as before. */
    public static <T> T call(Supplier<T> work) {
        return callAs(NAME, Role.ANALYST, work);
    }

    /** Runs the work as this name with this role, restoring whoever the thread ran as before. */
    public static <T> T callAs(String name, Role role, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
                AuthorityUtils.createAuthorityList(role.authorities())));
        SecurityContextHolder.setContext(signedIn);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
