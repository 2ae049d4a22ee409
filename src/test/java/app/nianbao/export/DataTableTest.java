package app.nianbao.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class DataTableTest {

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_written_with_a_leading_apostrophe() {
        for (String hostile : List.of("=HYPERLINK(\"http://x\",\"点击\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\tx", "\rx")) {
            assertThat(DataTable.quote(hostile)).startsWith("\"'");
        }
        assertThat(DataTable.quote("平潭综合实验区")).isEqualTo("\"平潭综合实验区\"");
    }

    @Test
    void a_chart_export_neutralises_hostile_names_but_leaves_numbers_as_numbers() {
        DataTable table = new DataTable("t", List.of("机构", "值"), List.of(Arrays.asList("=1+1", -2L), Arrays.asList("甲", 3L)));

        String csv = new String(table.csv(), StandardCharsets.UTF_8);

        assertThat(csv.lines()).containsExactly("\uFEFF\"机构\",\"值\"", "\"'=1+1\",-2", "\"甲\",3");
    }
}
