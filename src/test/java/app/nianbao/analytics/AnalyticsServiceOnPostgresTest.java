package app.nianbao.analytics;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.nianbao.OnPostgres;
import app.nianbao.PostgresStore;

/** {@link AnalyticsServiceTest} against PostgreSQL. */
@OnPostgres
class AnalyticsServiceOnPostgresTest extends AnalyticsServiceTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresStore.store(registry);
    }
}
