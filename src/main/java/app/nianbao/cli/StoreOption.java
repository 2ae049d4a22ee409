package app.nianbao.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import app.nianbao.store.Store;

/** The `--db FILE` every command that touches the store takes, or a store server by `--db-url`. */
class StoreOption {

    @Option(names = "--db", paramLabel = "FILE", description = "the DuckDB store (default: ${DEFAULT-VALUE})")
    Path db = Store.defaultPath();

    @Option(names = "--db-url", paramLabel = "JDBC-URL", defaultValue = "${env:NIANBAO_DB_URL}",
            description = "a PostgreSQL store instead of the file, e.g. jdbc:postgresql://localhost/nianbao (env NIANBAO_DB_URL)")
    String url;

    @Option(names = "--db-user", defaultValue = "${env:NIANBAO_DB_USER}", description = "user of --db-url (env NIANBAO_DB_USER)")
    String user;

    @Option(names = "--db-password", defaultValue = "${env:NIANBAO_DB_PASSWORD}",
            description = "password of --db-url (env NIANBAO_DB_PASSWORD)")
    String password;

    /** The server when --db-url is given, the file otherwise. */
    Store open() {
        return url != null && !url.isBlank() ? openServer() : openFile();
    }

    Store openFile() {
        return Store.open(db);
    }

    Store openServer() {
        return Store.connect(url, user, password);
    }

    boolean hasServer() {
        return url != null && !url.isBlank();
    }
}
