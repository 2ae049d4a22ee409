package app.nianbao.store;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes that lost a race with another writer of the same rows — two analysts confirming one
 * agency-year, a merge while an import stores that agency's reports. The store lets one commit
 * and refuses the other whole, which is therefore right to try again: the next attempt reads
 * what the winner wrote (the version it numbered, the agency it moved).
 */
public final class Conflicts {

    /** Attempts at a write before it is given up and reported. */
    static final int ATTEMPTS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(Conflicts.class);
    private static final List<String> SQL_STATES = List.of("40001", "40P01", "23505");

    private Conflicts() {
    }

    /** Runs a whole transaction, again after a pause while it loses to another writer, at most {@link #ATTEMPTS} times. */
    public static <T> T retrying(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                LOG.info("a write met another writer of the same rows, trying again ({} of {}): {}", attempt + 1, ATTEMPTS, e.getMessage());
                pause(attempt);
            }
        }
    }

    /**
     * Whether the store refused a write because another transaction wrote the same rows: DuckDB
     * says "Conflict" (its concurrency is optimistic) or reports a duplicate key; PostgreSQL
     * gives a serialization failure, a deadlock or a unique violation; a service throws
     * {@link Lost} where it finds the rows it read changed under it.
     */
    public static boolean isConflict(Throwable e) {
        return Causes.of(e).anyMatch(t -> t instanceof Lost
                || t instanceof SQLException sql && sql.getSQLState() != null && SQL_STATES.contains(sql.getSQLState())
                || t.getMessage() != null && (t.getMessage().contains("Conflict") || t.getMessage().contains("Duplicate key")));
    }

    /** A transaction that found what it read changed by another writer before it could write. */
    public static final class Lost extends RuntimeException {
        public Lost(String message) {
            super(message);
        }
    }

    private static void pause(int attempt) {
        try {
            // random, so that two writers that collided do not collide again in step
            Thread.sleep(ThreadLocalRandom.current().nextLong(50, 150) * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
