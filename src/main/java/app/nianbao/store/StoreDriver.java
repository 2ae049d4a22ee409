package app.nianbao.store;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Picks the JDBC driver from the store's URL — the DuckDB file by default, a PostgreSQL server
 * when nianbao.db.url says so — because Spring Boot does not recognise DuckDB URLs by itself;
 * and the migrations: the common ones, and each store's own (on PostgreSQL the indexes a row store
 * needs; on DuckDB the table rebuilds it needs where PostgreSQL alters a constraint).
 */
public class StoreDriver implements EnvironmentPostProcessor {

    private static final String DRIVER = "spring.datasource.driver-class-name";
    private static final String MIGRATIONS = "spring.flyway.locations";

    /** The migrations of a store at this URL, as the command line's Store applies them too. */
    public static String[] migrations(String url) {
        return url.startsWith("jdbc:postgresql:") ? new String[] {"classpath:db/migration", "classpath:db/vendor/postgresql"}
                : new String[] {"classpath:db/migration", "classpath:db/vendor/duckdb"};
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // answered when asked, not now: a test or a later property source may still set the URL
        environment.getPropertySources().addLast(new PropertySource<Object>("nianbao-store-driver") {
            @Override
            public Object getProperty(String name) {
                if (!DRIVER.equals(name) && !MIGRATIONS.equals(name)) {
                    return null;
                }
                String url = environment.getProperty("spring.datasource.url", "");
                if (MIGRATIONS.equals(name)) {
                    return String.join(",", migrations(url));
                }
                return url.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : "org.duckdb.DuckDBDriver";
            }
        });
    }
}
