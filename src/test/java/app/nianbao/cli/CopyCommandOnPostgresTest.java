package app.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.nianbao.OnPostgres;
import app.nianbao.PostgresStore;
import app.nianbao.Samples;
import app.nianbao.generate.GenerateOptions;
import app.nianbao.generate.SyntheticStore;
import app.nianbao.store.Store;

/** `copy` moves a DuckDB store into an empty PostgreSQL store, every row as it was, and refuses a store that holds data. */
@OnPostgres
class CopyCommandOnPostgresTest {

    @TempDir
    Path dir;

    private final String url = PostgresStore.ownSchema("copy_test");

    /** Plain-SQL views of the store, each compared between the two sides as text rows. */
    private static final List<String> FINGERPRINTS = List.of(
            "select id, name, normalized_name, level, region_code, parent_id, synthetic from agency order by id",
            "select id, agency_id, year, version, template, format, sha256, source_name, md5(source_text) from report order by id",
            "select count(*), count(value), sum(value), count(distinct report_id) from figure",
            "select report_id, tbl, row_code, col_code, value, kind, raw, source from figure where report_id = (select max(id) from report) order by tbl, row_code, col_code",
            "select agency_id, year, report_id, template, t3__new_received__total from current_cells order by agency_id, year",
            "select unit, year, name, total, n from rollup order by unit, year, name",
            "select id, report_id, rule, severity, message from finding order by id",
            "select report_id, page, width, height, image from scan_page order by report_id, page",
            "select report_id, tbl, row_code, col_code, confidence, read_as from cell_box order by report_id, tbl, row_code, col_code",
            "select count(*) from template_cell");

    @Test
    void copy_moves_every_row_and_the_sequences_then_the_target_takes_imports() throws Exception {
        Path source = dir.resolve("source.duckdb");
        try (Store store = Store.open(source)) {
            // 1,050 reports, 209,000 figure rows: more than one of the slices the copy reads DuckDB in
            SyntheticStore.generate(store.connection(), GenerateOptions.sevenYears(150, 3, 0.1), done -> { });
        }
        Path page = dir.resolve("2021_pingtan.html");
        Files.write(page, Samples.bytes("2021_pingtan.html"));
        assertThat(NianbaoCommandTest.run("import", page.toString(), "--db", source.toString()).exit()).isZero();
        try (Connection duck = DriverManager.getConnection(Store.url(source)); Statement st = duck.createStatement()) {
            // a blob with every awkward byte, and text with the CSV's own characters, an empty string and a null
            try (PreparedStatement scan = duck.prepareStatement("insert into scan_page values (1, 1, 10, 20, ?)")) {
                scan.setBytes(1, new byte[] {0, 1, '"', ',', '\n', (byte) 0xff});
                scan.execute();
            }
            st.execute("insert into cell_box values (1, 't3', 'new_received', 'total', 1, 0.1, 0.2, 0.3, 0.4, 87, '1,2\"3\n4'),"
                    + " (1, 't3', 'new_received', 'natural', 1, 0.1, 0.2, 0.3, 0.4, null, ''),"
                    + " (1, 't3', 'new_received', 'legal', 1, 0.1, 0.2, 0.3, 0.4, 12, null)");
        }

        var copied = NianbaoCommandTest.run("copy", "--db", source.toString(), "--to-url", url, "--to-user", PostgresStore.user(),
                "--to-password", PostgresStore.password(), "--json");

        assertThat(copied.exit()).as(copied.err()).isZero();
        assertThat(copied.out()).contains("\"table\" : \"figure\"");
        try (Connection duck = DriverManager.getConnection(Store.url(source));
             Connection pg = DriverManager.getConnection(url, PostgresStore.user(), PostgresStore.password())) {
            for (String sql : FINGERPRINTS) {
                assertThat(rows(pg, sql)).as(sql).isEqualTo(rows(duck, sql)).isNotEmpty();
            }
            assertThat(rows(pg, "select read_as from cell_box order by col_code")).containsExactly("[null]", "[]", "[1,2\"3\n4]");
        }

        Path another = dir.resolve("2023_pingtan.html");
        Files.write(another, Samples.bytes("2023_pingtan.html"));
        var imported = NianbaoCommandTest.run("import", another.toString(), "--db-url", url, "--db-user", PostgresStore.user(), "--json");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("\"imported\" : 1");
    }

    @Test
    void copy_into_a_store_that_holds_reports_is_refused_and_changes_nothing() throws Exception {
        Path page = dir.resolve("2021_pingtan.html");
        Files.write(page, Samples.bytes("2021_pingtan.html"));
        assertThat(NianbaoCommandTest.run("import", page.toString(), "--db-url", url, "--db-user", PostgresStore.user()).exit()).isZero();
        Path source = dir.resolve("source.duckdb");
        try (Store store = Store.open(source)) {
            SyntheticStore.generate(store.connection(), GenerateOptions.sevenYears(5, 3, 0), done -> { });
        }
        List<String> before;
        try (Connection pg = DriverManager.getConnection(url, PostgresStore.user(), PostgresStore.password())) {
            before = rows(pg, "select (select count(*) from agency), (select count(*) from report), (select count(*) from figure)");
        }

        var copied = NianbaoCommandTest.run("copy", "--db", source.toString(), "--to-url", url, "--to-user", PostgresStore.user());

        assertThat(copied.exit()).isEqualTo(NianbaoCommand.BAD_INPUT);
        assertThat(copied.err()).contains("目标数据库已有数据").contains("the target already holds data");
        try (Connection pg = DriverManager.getConnection(url, PostgresStore.user(), PostgresStore.password())) {
            assertThat(rows(pg, "select (select count(*) from agency), (select count(*) from report), (select count(*) from figure)"))
                    .isEqualTo(before);
        }
    }

    /** Each row as text, numbers normalised so that DOUBLE and NUMERIC print alike. */
    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object value = rs.getObject(i) instanceof Blob blob ? blob.getBytes(1, (int) blob.length()) : rs.getObject(i);
                    row.add(value instanceof byte[] bytes ? Arrays.toString(bytes)
                            : value instanceof Number number ? String.valueOf(Math.round(number.doubleValue() * 1e6) / 1e6)
                            : String.valueOf(value));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
