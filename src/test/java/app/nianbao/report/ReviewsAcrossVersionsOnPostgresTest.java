package app.nianbao.report;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.nianbao.OnPostgres;
import app.nianbao.PostgresStore;

/** {@link ReviewsAcrossVersionsTest} against PostgreSQL. */
@OnPostgres
class ReviewsAcrossVersionsOnPostgresTest extends ReviewsAcrossVersionsTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresStore.store(registry);
    }
}
