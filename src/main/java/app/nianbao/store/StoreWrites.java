package app.nianbao.store;

import java.util.concurrent.atomic.AtomicLong;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A number that moves whenever a write becomes visible to readers: after the commit of a
 * transaction that wrote, or after a write outside a transaction. What readers cache is filed
 * under the number it was read at, so nothing read before a write is served after it. It is
 * moved after the commit, not before: a reader that starts between a write and its commit reads
 * the old rows and files them under the old number, which the commit then leaves behind.
 */
@Component
public class StoreWrites implements ExecuteListener {

    private final AtomicLong generation = new AtomicLong();
    private final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> false);

    public long generation() {
        return generation.get();
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        // anything but a read counts: a plain-SQL statement jOOQ cannot classify may have written
        if (ctx.type() != ExecuteType.READ) {
            wrote();
        }
    }

    /** A write not seen as a statement, such as rows through DuckDB's appender; the statements call it themselves. */
    public void wrote() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            writing.set(true);
        } else {
            generation.incrementAndGet();
        }
    }

    /** The transaction on this thread has committed: its writes, if any, are visible now. */
    void committed() {
        if (writing.get()) {
            generation.incrementAndGet();
        }
        writing.remove();
    }

    /** The transaction on this thread rolled back: nothing it wrote is visible. */
    void rolledBack() {
        writing.remove();
    }
}
