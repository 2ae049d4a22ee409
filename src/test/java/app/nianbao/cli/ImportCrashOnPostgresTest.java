package app.nianbao.cli;

import java.util.List;

import app.nianbao.OnPostgres;
import app.nianbao.PostgresStore;
import app.nianbao.store.Store;

/** The same kills of a batched import, on a PostgreSQL store: its transactions keep batches whole too. */
@OnPostgres
class ImportCrashOnPostgresTest extends ImportCrashTest {

    private final String url = PostgresStore.ownSchema("crash_test");

    @Override
    List<String> storeArguments() {
        return List.of("--db-url", url, "--db-user", PostgresStore.user(), "--db-password", PostgresStore.password());
    }

    @Override
    Store openStore() {
        return Store.connect(url, PostgresStore.user(), PostgresStore.password());
    }
}
