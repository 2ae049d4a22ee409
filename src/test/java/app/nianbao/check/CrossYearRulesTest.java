package app.nianbao.check;

import static app.nianbao.figures.ReportRulesTest.pingtan2021;
import static app.nianbao.figures.ReportRulesTest.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;
import app.nianbao.figures.Severity;

/**
 * Cross-year rules on 平潭 2021 as year N−1 and, as year N, the same report carrying its
 * figures forward (then one cell changed).
 */
class CrossYearRulesTest {

    /** Year N: last year's carried-forward carried over, last year's stock in force plus this year's changes. */
    private static Figures followingYear(Figures previous) throws Exception {
        Figures next = pingtan2021();
        for (String col : List.of("natural", "commercial", "research", "social", "legal", "other_org", "total")) {
            set(next, "t3", "carried_over", col, previous.cell("t3", "carried_forward", col).value().toPlainString());
        }
        set(next, "t2", "normative_docs", "in_force", "731"); // 665 + 69 − 3
        set(next, "t2", "rules", "in_force", "0");
        return next;
    }

    @Test
    void consecutive_years_that_carry_over_exactly_pass_r5_and_r6() throws Exception {
        Figures previous = pingtan2021();

        List<Finding> findings = CrossYearRules.check(2022, followingYear(previous), previous);

        assertThat(findings).noneMatch(f -> f.rule().equals("R5") || f.rule().equals("R6"));
    }

    @Test
    void r5_fires_when_carried_over_differs_from_last_years_carried_forward() throws Exception {
        Figures previous = pingtan2021();
        Figures current = followingYear(previous);
        set(current, "t3", "carried_over", "natural", "3");

        List<Finding> r5 = CrossYearRules.check(2022, current, previous).stream().filter(f -> f.rule().equals("R5")).toList();

        assertThat(r5).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.col()).isEqualTo("natural");
            assertThat(f.message()).isEqualTo("「自然人」列：2022 年上年结转 3，但 2021 年报告的结转下年度为 1，相差 2");
        });
    }

    @Test
    void r6_fires_when_the_stock_in_force_does_not_follow_from_last_year() throws Exception {
        Figures previous = pingtan2021();
        Figures current = followingYear(previous);
        set(current, "t2", "normative_docs", "in_force", "700");

        List<Finding> r6 = CrossYearRules.check(2022, current, previous).stream().filter(f -> f.rule().equals("R6")).toList();

        assertThat(r6).singleElement().satisfies(f -> {
            assertThat(f.expected()).isEqualByComparingTo("731");
            assertThat(f.message()).contains("上年 665 + 本年制发 69 − 本年废止 3 = 731，但报告为 700");
        });
    }

    @Test
    void r10_notes_a_figure_that_jumps_more_than_fivefold_above_the_minimum_size() throws Exception {
        Figures previous = pingtan2021();
        Figures current = followingYear(previous);
        set(current, "t3", "new_received", "total", "400");

        List<Finding> r10 = CrossYearRules.check(2022, current, previous).stream().filter(f -> f.rule().equals("R10")).toList();

        assertThat(r10).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("2021 年 70").contains("2022 年 400");
        });
        assertThat(CrossYearRules.check(2022, followingYear(previous), previous)).noneMatch(f -> f.rule().equals("R10"));
    }
}
