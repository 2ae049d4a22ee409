package app.nianbao.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.SpringTestBase;

/**
 * The V3 migration restates codes.csv three times by hand: the wide current_cells table's
 * columns, the query that fills them, and template_cell. Each is held here, cell by cell, to
 * codes.csv as read by this test itself (rows × columns of tables 3 and 4, table 2 as listed,
 * "both" meaning either template), not through the Codebook the product reads it with.
 */
class MigrationsFollowCodesTest extends SpringTestBase {

    @Autowired
    DSLContext dsl;

    /** "2021 t3 granted natural", every cell of each template, from codes.csv alone. */
    private static Set<String> cellsOfCodesCsv() throws IOException {
        List<CSVRecord> lines;
        try (InputStream in = MigrationsFollowCodesTest.class.getResourceAsStream("/spec/codes.csv")) {
            lines = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        }
        Set<String> cells = new TreeSet<>();
        for (String template : List.of("2019", "2021")) {
            List<CSVRecord> here = lines.stream().filter(l -> l.get("template").equals("both") || l.get("template").equals(template))
                    .toList();
            for (CSVRecord l : here) {
                String table = l.get("table");
                if (table.equals("t2")) {
                    cells.add(String.join(" ", template, table, l.get("row"), l.get("col")));
                } else if (!l.get("row").equals("*") && l.get("col").equals("*")) {
                    here.stream().filter(c -> c.get("table").equals(table) && c.get("row").equals("*"))
                            .forEach(c -> cells.add(String.join(" ", template, table, l.get("row"), c.get("col"))));
                }
            }
        }
        return cells;
    }

    private static String v3() throws IOException {
        try (InputStream in = MigrationsFollowCodesTest.class.getResourceAsStream("/db/migration/V3__national_scale.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void template_cell_lists_exactly_the_cells_of_codes_csv_each_with_its_column_name() throws IOException {
        Set<String> stored = new TreeSet<>();
        dsl.fetch("select template, tbl, row_code, col_code, cell from template_cell").forEach(r -> {
            String code = String.join(" ", r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class));
            assertThat(r.get(4, String.class)).as(code).isEqualTo(String.join("__", r.get(1, String.class), r.get(2, String.class),
                    r.get(3, String.class)));
            stored.add(code);
        });

        assertThat(stored).isEqualTo(cellsOfCodesCsv());
    }

    @Test
    void current_cells_has_a_column_for_every_cell_of_either_template_and_v3_filled_each_from_its_own_cell() throws IOException {
        Set<String> columns = new TreeSet<>(dsl.fetch("select column_name from information_schema.columns where table_name = 'current_cells' "
                + "and column_name like 't%\\_\\_%' escape '\\'").getValues(0, String.class));
        Set<String> byCode = new TreeSet<>();
        cellsOfCodesCsv().forEach(c -> {
            String[] p = c.split(" ");
            byCode.add(p[1] + "__" + p[2] + "__" + p[3]);
        });

        assertThat(columns).isEqualTo(byCode);
        // V3's fill query names, column by column in the table's order, the cell it reads
        String sql = v3();
        String create = sql.substring(sql.indexOf("create table current_cells"), sql.indexOf(");", sql.indexOf("create table current_cells")));
        List<String> declared = new ArrayList<>();
        Matcher column = Pattern.compile("\\n\\s+(t[234]__\\w+) double precision").matcher(create);
        while (column.find()) {
            declared.add(column.group(1));
        }
        String fill = sql.substring(sql.indexOf("insert into current_cells"), sql.indexOf("create table template_cell"));
        List<String> filled = new ArrayList<>();
        Matcher cell = Pattern.compile("f\\.tbl = '(\\w+)' and f\\.row_code = '(\\w+)' and f\\.col_code = '(\\w+)'").matcher(fill);
        while (cell.find()) {
            filled.add(cell.group(1) + "__" + cell.group(2) + "__" + cell.group(3));
        }
        assertThat(filled).isEqualTo(declared);
        assertThat(new TreeSet<>(declared)).isEqualTo(byCode);
    }
}
