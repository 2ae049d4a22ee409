package app.nianbao.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/**
 * When each account last changed (role, password, enabled), in this process: what lets an open
 * session or a cached sign-in notice at once that the rights it carries are no longer the
 * account's.
 */
@Component
public class AccountChanges {

    /** The last change of an account, and whether it ends the account's sessions (disabled, new password). */
    public record Change(Instant at, boolean endsSessions) {
    }

    private final Map<String, Change> changed = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public AccountChanges() {
        this(Clock.systemUTC());
    }

    AccountChanges(Clock clock) {
        this.clock = clock;
    }

    public void changed(String username, boolean endsSessions) {
        changed.put(username, new Change(clock.instant(), endsSessions));
        listeners.forEach(l -> l.accept(username));
    }

    /** The account's change after the given time (a session's sign-in or last refresh), if any. */
    public Optional<Change> since(String username, Instant since) {
        Change c = changed.get(username);
        return c != null && !c.at().isBefore(since) ? Optional.of(c) : Optional.empty();
    }

    public void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    public Instant now() {
        return clock.instant();
    }
}
