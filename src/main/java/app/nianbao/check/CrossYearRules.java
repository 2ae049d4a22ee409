package app.nianbao.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Codebook;
import app.nianbao.catalog.Template;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;
import app.nianbao.figures.Identities;
import app.nianbao.figures.ReportRules;
import app.nianbao.figures.Rule;
import app.nianbao.figures.Severity;

/**
 * Rules between one agency's reports of consecutive years: R5 carry-over, R6 stock of
 * documents (2021 template), R10 year-over-year jumps.
 */
public final class CrossYearRules {

    /** R10 flags a figure that grows or shrinks by more than this factor … */
    public static final BigDecimal JUMP_FACTOR = BigDecimal.valueOf(5);
    /** … when the larger of the two years is at least this big (small counts jump by nature). */
    public static final BigDecimal JUMP_MINIMUM = BigDecimal.valueOf(50);

    private static final List<String[]> R10_CELLS = List.of(
            new String[]{"t3", "new_received", "total"},
            new String[]{"t3", "granted", "total"},
            new String[]{"t3", "total_processed", "total"},
            new String[]{"t4", "review", "total"},
            new String[]{"t4", "suit_direct", "total"});

    private CrossYearRules() {
    }

    /** Findings on {@code current} (year N) against {@code previous} (year N−1) of the same agency. */
    public static List<Finding> check(int year, Figures current, Figures previous) {
        List<Finding> findings = new ArrayList<>();
        carryOver(year, current, previous, findings);
        documentStock(year, current, previous, findings);
        jumps(year, current, previous, findings);
        return findings;
    }

    private static void carryOver(int year, Figures current, Figures previous, List<Finding> findings) {
        for (String col : Codebook.get().t3Columns()) {
            BigDecimal now = current.cell("t3", "carried_over", col).value();
            BigDecimal before = previous.cell("t3", "carried_forward", col).value();
            String column = Identities.columnName(col);
            if (now == null || before == null) {
                findings.add(new Finding(Rule.R5.id(), Severity.INFO, "t3", "carried_over", col, before, now,
                        "「%s」列：无法核对跨年结转，%s".formatted(column,
                                now == null ? "本年上年结转为空" : (year - 1) + " 年结转下年度为空")));
            } else if (now.compareTo(before) != 0) {
                findings.add(new Finding(Rule.R5.id(), Severity.WARNING, "t3", "carried_over", col, before, now,
                        "「%s」列：%d 年上年结转 %s，但 %d 年报告的结转下年度为 %s，相差 %s".formatted(column, year,
                                ReportRules.plain(now), year - 1, ReportRules.plain(before),
                                ReportRules.plain(now.subtract(before).abs()))));
            }
        }
    }

    private static void documentStock(int year, Figures current, Figures previous, List<Finding> findings) {
        if (current.template() != Template.T2021 || previous.template() != Template.T2021) {
            return;
        }
        for (String row : List.of("rules", "normative_docs")) {
            BigDecimal before = previous.cell("t2", row, "in_force").value();
            BigDecimal issued = current.cell("t2", row, "issued").value();
            BigDecimal repealed = current.cell("t2", row, "repealed").value();
            BigDecimal now = current.cell("t2", row, "in_force").value();
            String name = Codebook.get().rowLabel("t2", row).zh();
            if (before == null || issued == null || repealed == null || now == null) {
                findings.add(Finding.of(Rule.R6.id(), Severity.INFO, "t2", row, "in_force",
                        "「%s」现行有效件数：缺少数值，无法核对".formatted(name)));
                continue;
            }
            BigDecimal expected = before.add(issued).subtract(repealed);
            if (expected.compareTo(now) != 0) {
                findings.add(new Finding(Rule.R6.id(), Severity.WARNING, "t2", row, "in_force", expected, now,
                        "「%s」现行有效件数：上年 %s + 本年制发 %s − 本年废止 %s = %s，但报告为 %s".formatted(name,
                                ReportRules.plain(before), ReportRules.plain(issued), ReportRules.plain(repealed),
                                ReportRules.plain(expected), ReportRules.plain(now))));
            }
        }
    }

    private static void jumps(int year, Figures current, Figures previous, List<Finding> findings) {
        for (String[] c : R10_CELLS) {
            BigDecimal now = current.cell(c[0], c[1], c[2]).value();
            BigDecimal before = previous.cell(c[0], c[1], c[2]).value();
            if (now == null || before == null || now.max(before).compareTo(JUMP_MINIMUM) < 0) {
                continue;
            }
            BigDecimal low = now.min(before);
            BigDecimal high = now.max(before);
            if (low.multiply(JUMP_FACTOR).compareTo(high) < 0) {
                findings.add(new Finding(Rule.R10.id(), Severity.INFO, c[0], c[1], c[2], before, now,
                        "%s：%d 年 %s，%d 年 %s，变化超过 %s 倍，请核实".formatted(ReportRules.cellName(
                                new CellCode(c[0], c[1], c[2])), year - 1, ReportRules.plain(before),
                                year, ReportRules.plain(now), JUMP_FACTOR)));
            }
        }
    }
}
