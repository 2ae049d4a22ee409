package app.nianbao;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a fresh DuckDB file of its own, with the bundled sample reports imported
 * at start as on a user's first run. One context serves every test that extends this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
public abstract class SpringTestBase {

    protected static final String ADMIN_PASSWORD = "test-admin-password";
    private static final Path DB = tempStore();

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.ApplicationContext springContext;

    /**
     * Runs a service call as this account, as method security sees it, and then as whoever the
     * thread ran as before. Method security reads the holder strategy of this test's own Spring
     * context, which a context started since (a test with other settings) may have replaced
     * globally; so it is set back first.
     */
    protected void as(String username, app.nianbao.security.Role role, Runnable call) {
        callAs(username, role, () -> {
            call.run();
            return null;
        });
    }

    /** {@link #as}, answering what the call answers. */
    protected <T> T callAs(String username, app.nianbao.security.Role role, java.util.function.Supplier<T> call) {
        springContext.getBeanProvider(org.springframework.security.core.context.SecurityContextHolderStrategy.class)
                .ifAvailable(org.springframework.security.core.context.SecurityContextHolder::setContextHolderStrategy);
        return app.nianbao.security.SystemIdentity.callAs(username, role, call);
    }

    private static Path tempStore() {
        try {
            return Files.createTempDirectory("nianbao-test").resolve("test.duckdb");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        freshStore(registry, DB, ADMIN_PASSWORD);
    }

    /** A store of its own with the bundled samples and nothing generated, and a known admin password. */
    public static void freshStore(DynamicPropertyRegistry registry, Path db, String adminPassword) {
        registry.add("nianbao.db.path", db::toString);
        registry.add("nianbao.bundled-reports", () -> "data/reports");
        // the tests count the real samples exactly; the generated demo province is tested on its own
        registry.add("nianbao.demo.synthetic-agencies", () -> "0");
        registry.add("nianbao.security.admin-password", () -> adminPassword);
    }
}
