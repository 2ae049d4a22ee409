package app.nianbao.agency;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Imports and merges in this process take turns: imports store side by side, a merge waits for
 * the running ones and holds new ones back until it is done (the lock is fair). A DuckDB store
 * has one process, so this alone keeps a merge from meeting an import; on PostgreSQL, with
 * servers side by side, {@link AgencyService#claim} makes the store itself serialise them.
 */
public final class AgencyWrites {

    private static final ReentrantReadWriteLock TURNS = new ReentrantReadWriteLock(true);

    private AgencyWrites() {
    }

    /** Runs a write of reports, beside other such writes but never during a merge. */
    public static <T> T besideOthers(Supplier<T> write) {
        TURNS.readLock().lock();
        try {
            return write.get();
        } finally {
            TURNS.readLock().unlock();
        }
    }

    /** Runs a merge once every running write of reports has finished, with none starting meanwhile. */
    static <T> T alone(Supplier<T> merge) {
        TURNS.writeLock().lock();
        try {
            return merge.get();
        } finally {
            TURNS.writeLock().unlock();
        }
    }
}
