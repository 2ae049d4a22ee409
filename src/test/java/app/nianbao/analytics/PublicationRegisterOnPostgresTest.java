package app.nianbao.analytics;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.nianbao.OnPostgres;
import app.nianbao.PostgresStore;

/** {@link PublicationRegisterTest} against PostgreSQL. */
@OnPostgres
class PublicationRegisterOnPostgresTest extends PublicationRegisterTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresStore.store(registry);
    }
}
