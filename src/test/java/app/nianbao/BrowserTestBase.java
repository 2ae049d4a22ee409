package app.nianbao;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The real server over a fresh store with the bundled reports only, as the tests count them. */
public abstract class BrowserTestBase extends BrowserSession {

    private static final Path DB = temp("nianbao-browser").resolve("browser.duckdb");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        SpringTestBase.freshStore(registry, DB, ADMIN_PASSWORD);
    }
}
