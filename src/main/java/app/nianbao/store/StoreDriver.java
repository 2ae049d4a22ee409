package app.nianbao.store;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Picks the JDBC driver from the store's URL — the DuckDB file by default, a PostgreSQL server
 * when nianbao.db.url says so — because Spring Boot does not recognise DuckDB URLs by itself.
 */
public class StoreDriver implements EnvironmentPostProcessor {

    private static final String DRIVER = "spring.datasource.driver-class-name";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // answered when asked, not now: a test or a later property source may still set the URL
        environment.getPropertySources().addLast(new PropertySource<Object>("nianbao-store-driver") {
            @Override
            public Object getProperty(String name) {
                if (!DRIVER.equals(name)) {
                    return null;
                }
                String url = environment.getProperty("spring.datasource.url", "");
                return url.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : "org.duckdb.DuckDBDriver";
            }
        });
    }
}
