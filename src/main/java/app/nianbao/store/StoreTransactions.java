package app.nianbao.store;

import java.sql.Connection;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Transactions whose connection is let go of when they did not commit cleanly. After a failed
 * commit DuckDB's driver loses track of its transaction ("cannot commit - no transaction is
 * active" for every later transaction on that connection), so a pooled connection that saw a
 * store refuse a write once would refuse every write after it, long after the store is writable
 * again. A rolled-back connection is evicted from the pool instead and a fresh one opened when
 * next needed; rollbacks are rare, so this costs nothing in the common case. Commits tell
 * {@link StoreWrites}, so that cached reads end with the write that outdates them.
 */
@Configuration(proxyBeanMethods = false)
public class StoreTransactions {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, StoreWrites writes) {
        return new HealingTransactionManager(dataSource, writes);
    }

    /** Every jOOQ statement tells {@link StoreWrites} whether it wrote. */
    @Bean
    ExecuteListenerProvider storeWritesListener(StoreWrites writes) {
        return new DefaultExecuteListenerProvider(writes);
    }

    static final class HealingTransactionManager extends JdbcTransactionManager {

        private final transient StoreWrites writes;

        HealingTransactionManager(DataSource dataSource, StoreWrites writes) {
            super(dataSource);
            this.writes = writes;
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) throws TransactionException {
            try {
                super.doCommit(status);
            } catch (RuntimeException e) {
                spoil(status.getTransaction());
                writes.rolledBack();
                throw e;
            }
            writes.committed();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) throws TransactionException {
            spoil(status.getTransaction());
            writes.rolledBack();
            super.doRollback(status);
        }

        @Override
        protected void doCleanupAfterCompletion(Object transaction) {
            ConnectionHolder holder = ((JdbcTransactionObjectSupport) transaction).getConnectionHolder();
            boolean spoiled = holder.isRollbackOnly();
            Connection connection = holder.getConnection();
            super.doCleanupAfterCompletion(transaction);
            // returned to the pool by now, so the pool closes it at once rather than when it comes back
            if (spoiled && getDataSource() instanceof HikariDataSource pool) {
                pool.evictConnection(connection);
            }
        }

        private static void spoil(Object transaction) {
            ((JdbcTransactionObjectSupport) transaction).getConnectionHolder().setRollbackOnly();
        }
    }
}
