package app.nianbao.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The store opened outside Spring, for the command line: one connection (a DuckDB file, or a
 * PostgreSQL server), migrated, with a jOOQ context over it in the matching dialect. The server
 * gets the same through Spring Boot's auto-configuration.
 */
public final class Store implements AutoCloseable {

    public static final String DEFAULT_PATH = "data/nianbao.duckdb";

    private final Connection connection;
    private final DSLContext dsl;

    private Store(Connection connection, SQLDialect dialect) {
        this.connection = connection;
        this.dsl = DSL.using(connection, dialect);
    }

    /** Opens (creating if needed) and migrates the store file. */
    public static Store open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection connection = DriverManager.getConnection(url(file));
            // Flyway borrows the command line's one connection; Spring's single-connection source keeps it from closing it
            Flyway.configure().dataSource(new SingleConnectionDataSource(connection, true)).locations(StoreDriver.migrations(url(file)))
                    .load().migrate();
            return new Store(connection, SQLDialect.DUCKDB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException | RuntimeException e) {
            throw StoreLockedException.from(file, e).orElseThrow(() -> new IllegalStateException(
                    "无法打开数据库文件 %s / cannot open the store %s: %s".formatted(file, file, e.getMessage()), e));
        }
    }

    /** Connects to and migrates a store server, such as jdbc:postgresql://host/db. */
    public static Store connect(String url, String user, String password) {
        try {
            Connection connection = DriverManager.getConnection(url, user, password);
            Flyway.configure().dataSource(new SingleConnectionDataSource(connection, true)).locations(StoreDriver.migrations(url))
                    .load().migrate();
            return new Store(connection, JDBCUtils.dialect(connection));
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("无法连接数据库 %s / cannot connect to the store %s: %s".formatted(url, url, e.getMessage()), e);
        }
    }

    public static String url(Path file) {
        return "jdbc:duckdb:" + file.toAbsolutePath();
    }

    /** The store file the command line uses when none is given: the server's default. */
    public static Path defaultPath() {
        String configured = System.getProperty("nianbao.db.path", System.getenv("NIANBAO_DB_PATH"));
        return Path.of(configured != null && !configured.isBlank() ? configured : DEFAULT_PATH);
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** For bulk writers that need DuckDB's appender on the store's one connection. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
