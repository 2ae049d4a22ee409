package app.nianbao.store;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Picks the JDBC driver from the store's URL — the DuckDB file by default, a PostgreSQL server
 * when nianbao.db.url says so — because Spring Boot does not recognise DuckDB URLs by itself.
 */
public class StoreDriver implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.driver-class-name")) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url", "");
        String driver = url.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : "org.duckdb.DuckDBDriver";
        environment.getPropertySources().addLast(new MapPropertySource("nianbao-store-driver",
                Map.of("spring.datasource.driver-class-name", driver)));
    }
}
