package app.nianbao.analytics;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.nianbao.OnPostgres;
import app.nianbao.PostgresStore;

/** {@link PanelChangeTest} against PostgreSQL. */
@OnPostgres
class PanelChangeOnPostgresTest extends PanelChangeTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresStore.store(registry);
    }
}
