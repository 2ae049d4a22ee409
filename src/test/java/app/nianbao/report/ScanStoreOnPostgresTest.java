package app.nianbao.report;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.nianbao.OnPostgres;
import app.nianbao.PostgresStore;

/** {@link ScanStoreTest} against PostgreSQL, where the page images are bytea. */
@OnPostgres
class ScanStoreOnPostgresTest extends ScanStoreTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresStore.store(registry);
    }
}
