package app.nianbao.figures;


import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.nianbao.Samples;
import app.nianbao.catalog.CellCode;
import app.nianbao.figures.Cell;
import app.nianbao.figures.CellKind;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;
import app.nianbao.figures.Severity;
import app.nianbao.parse.ReadOptions;
import app.nianbao.parse.ReportReader;

/** Each rule on a real report (平潭 2021, whose figures add up) with one cell changed. */
public class ReportRulesTest {

    public static Figures pingtan2021() throws Exception {
        return ReportReader.read(Samples.bytes("2021_pingtan.html"), "2021_pingtan.html", ReadOptions.none()).figures();
    }

    public static void set(Figures figures, String table, String row, String col, String value) {
        CellCode code = new CellCode(table, row, col);
        figures.put(value == null ? new Cell(code, null, CellKind.BLANK, null, "test")
                : Cell.number(code, new BigDecimal(value), value, "test"));
    }

    static List<Finding> of(List<Finding> findings, String rule, Severity severity) {
        return findings.stream().filter(f -> f.rule().equals(rule) && f.severity() == severity).toList();
    }

    @Test
    void a_report_whose_figures_add_up_has_no_errors_and_no_warnings() throws Exception {
        List<Finding> findings = ReportRules.check(pingtan2021());

        assertThat(findings).isEmpty();
    }

    @Test
    void r1_fires_when_new_plus_carried_over_differs_from_processed_plus_carried_forward() throws Exception {
        Figures figures = pingtan2021();
        set(figures, "t3", "carried_forward", "natural", "2");

        List<Finding> r1 = of(ReportRules.check(figures), "R1", Severity.ERROR);

        assertThat(r1).singleElement().satisfies(f -> {
            assertThat(f.col()).isEqualTo("natural");
            assertThat(f.expected()).isEqualByComparingTo("64");
            assertThat(f.actual()).isEqualByComparingTo("65");
            assertThat(f.message()).isEqualTo("第一列（自然人）：新收 64 + 上年结转 0 = 64，但办理总计 63 + 结转下年度 2 = 65，相差 1");
        });
    }

    @Test
    void r2_fires_when_a_row_total_is_not_the_sum_of_its_applicants() throws Exception {
        Figures figures = pingtan2021();
        set(figures, "t3", "new_received", "total", "71");

        List<Finding> r2 = of(ReportRules.check(figures), "R2", Severity.ERROR);

        assertThat(r2).singleElement().satisfies(f -> {
            assertThat(f.row()).isEqualTo("new_received");
            assertThat(f.expected()).isEqualByComparingTo("71");
            assertThat(f.actual()).isEqualByComparingTo("70");
            assertThat(f.message()).contains("总计 71").contains("自然人 64").contains("= 70").contains("相差 1");
        });
    }

    @Test
    void r3_fires_when_the_outcomes_do_not_sum_to_the_processed_total() throws Exception {
        Figures figures = pingtan2021();
        set(figures, "t3", "granted", "research", "1");
        set(figures, "t3", "granted", "total", "31");

        List<Finding> r3 = of(ReportRules.check(figures), "R3", Severity.ERROR);

        assertThat(r3).extracting(Finding::col).containsExactlyInAnyOrder("research", "total");
        assertThat(r3).filteredOn(f -> f.col().equals("total")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("办理总计 69").contains("各办理结果之和 = 70"));
    }

    @Test
    void r4_fires_when_a_review_total_is_not_the_sum_of_its_results() throws Exception {
        Figures figures = pingtan2021();
        set(figures, "t4", "review", "total", "4");

        List<Finding> r4 = of(ReportRules.check(figures), "R4", Severity.ERROR);

        assertThat(r4).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("行政复议：总计 4，但结果维持 1 + 结果纠正 0 + 其他结果 2 + 尚未审结 0 = 3，相差 1"));
    }

    @Test
    void r7_fires_on_a_negative_or_fractional_count_but_not_on_money() throws Exception {
        Figures figures = pingtan2021();
        set(figures, "t3", "granted", "legal", "-1");
        set(figures, "t2", "licensing", "decisions", "2293.5");

        List<Finding> r7 = of(ReportRules.check(figures), "R7", Severity.ERROR);

        assertThat(r7).extracting(Finding::row).containsExactlyInAnyOrder("granted", "licensing");
        assertThat(figures.cell("t2", "fees", "amount_10k_yuan").value()).isEqualByComparingTo("24252.311082");
    }

    @Test
    void r8_flags_a_blank_cell_and_the_identities_it_leaves_unevaluable_say_so() throws Exception {
        Figures figures = pingtan2021();
        set(figures, "t3", "partial", "natural", null);

        List<Finding> findings = ReportRules.check(figures);

        assertThat(of(findings, "R8", Severity.WARNING)).singleElement().satisfies(f -> {
            assertThat(f.expected()).isEqualByComparingTo("5");
            assertThat(f.message()).contains("表三「三(二)部分公开」行「自然人」列").contains("空白");
        });
        assertThat(of(findings, "R2", Severity.INFO)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("无法核对").contains("自然人"));
        assertThat(of(findings, "R3", Severity.INFO)).singleElement();
        assertThat(findings).noneMatch(f -> f.severity() == Severity.ERROR);
    }
}
