package app.nianbao;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The PostgreSQL server of {@link OnPostgres}, its public schema emptied once per test run. */
public final class PostgresStore {

    private static boolean emptied;

    private PostgresStore() {
    }

    /** Points the application at the server. */
    public static void store(DynamicPropertyRegistry registry) {
        registry.add("nianbao.db.url", PostgresStore::fresh);
        registry.add("nianbao.db.user", PostgresStore::user);
        registry.add("nianbao.db.password", PostgresStore::password);
    }

    /**
     * A schema of its own, emptied now, for tests that open the store outside the Spring
     * context (the command line): its URL, which makes it the connection's default schema.
     */
    public static String ownSchema(String name) {
        String url = System.getenv(OnPostgres.ENV);
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + name + " cascade");
            s.execute("create schema " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the PostgreSQL server of " + OnPostgres.ENV + ": " + url, e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    public static String user() {
        return System.getenv().getOrDefault("NIANBAO_TEST_POSTGRES_USER", "postgres");
    }

    public static String password() {
        return System.getenv().getOrDefault("NIANBAO_TEST_POSTGRES_PASSWORD", "");
    }

    private static synchronized String fresh() {
        String url = System.getenv(OnPostgres.ENV);
        if (!emptied) {
            try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement()) {
                s.execute("drop schema if exists public cascade");
                s.execute("create schema public");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reach the PostgreSQL server of " + OnPostgres.ENV + ": " + url, e);
            }
            emptied = true;
        }
        return url;
    }
}
