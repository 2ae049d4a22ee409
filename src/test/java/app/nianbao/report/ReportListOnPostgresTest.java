package app.nianbao.report;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.nianbao.OnPostgres;
import app.nianbao.PostgresStore;

/** {@link ReportListTest} against PostgreSQL. */
@OnPostgres
class ReportListOnPostgresTest extends ReportListTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresStore.store(registry);
    }
}
