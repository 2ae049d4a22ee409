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

    @Test
    void a_workbook_opens_with_a_sheet_saying_what_its_numbers_are_of() throws Exception {
        DataTable table = new DataTable("申请量", List.of("年度", "值"), List.of(List.of(2019, 705), List.of(2020, 713)));
        DataTable.About about = new DataTable.About("说明", List.of(List.of("范围", "平潭综合实验区"), List.of("年份", "2019-2020")));

        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(table.xlsx(about)))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("说明");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("平潭综合实验区");
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("申请量");
            assertThat(workbook.getSheetAt(1).getRow(2).getCell(1).getNumericCellValue()).isEqualTo(713);
        }
        try (var plain = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(table.xlsx()))) {
            assertThat(plain.getNumberOfSheets()).isEqualTo(1);
        }
    }

    @Test
    void whole_numbers_are_stored_as_integers_so_that_readers_do_not_see_2019_point_0() throws Exception {
        DataTable table = new DataTable("年度", List.of("年度", "比率"), List.of(Arrays.asList(2019, 0.25), Arrays.asList(2020, 12.0)));

        // read as the XML a reader such as openpyxl parses: "2019", not "2019.0"
        String sheet;
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(table.xlsx()))) {
            java.util.zip.ZipEntry entry;
            while (!(entry = zip.getNextEntry()).getName().equals("xl/worksheets/sheet1.xml")) {
                // skip to the sheet
            }
            sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(sheet).contains("<v>2019</v>").contains("<v>2020</v>").contains("<v>0.25</v>").contains("<v>12</v>")
                .doesNotContain("2019.0");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(table.xlsx()))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getNumericCellValue()).isEqualTo(2019);
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getNumericCellValue()).isEqualTo(0.25);
        }
    }
}
