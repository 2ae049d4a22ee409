package app.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.nianbao.OnPostgres;
import app.nianbao.PostgresStore;
import app.nianbao.Samples;

/** The command line on a PostgreSQL store: import, then check and bench the same store. */
@OnPostgres
class CommandsOnPostgresTest {

    @TempDir
    Path dir;

    private final String url = PostgresStore.ownSchema("cli_test");

    private String url() {
        return url;
    }

    @Test
    void import_check_and_bench_queries_work_on_a_postgresql_store() throws Exception {
        Path report = dir.resolve("2021_pingtan.html");
        Files.write(report, Samples.bytes("2021_pingtan.html"));
        var imported = NianbaoCommandTest.run("import", report.toString(), "--db-url", url(), "--db-user", "postgres", "--json");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("\"imported\" : 1").contains("\"failed\" : [ ]");

        var checked = NianbaoCommandTest.run("check", "--db-url", url(), "--db-user", "postgres", "--json");
        assertThat(checked.exit()).as(checked.err()).isZero();

        var bench = NianbaoCommandTest.run("bench", "queries", "--db", dir.resolve("side.duckdb").toString(), "--db-url", url(), "--db-user", "postgres",
                "--runs", "2");
        assertThat(bench.exit()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("PostgreSQL").contains("DuckDB side.duckdb");
    }
}
