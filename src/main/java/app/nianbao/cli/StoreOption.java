package app.nianbao.cli;

import java.nio.file.Path;

import app.nianbao.store.Store;
import picocli.CommandLine.Option;

/** The `--db FILE` every command that touches the store takes. */
class StoreOption {

    @Option(names = "--db", paramLabel = "FILE", description = "the DuckDB store (default: ${DEFAULT-VALUE})")
    Path db = Store.defaultPath();

    Store open() {
        return Store.open(db);
    }
}
