package app.nianbao.figures;

import java.math.BigDecimal;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Codebook;

/**
 * A rule's verdict on a report, or a reader's warning: the rule, how serious, the cell it
 * concerns (row or column may be null when it concerns a whole column or row), the value the
 * rule expected and the one the report gives, and a message an auditor reads without a manual.
 */
public record Finding(String rule, Severity severity, String table, String row, String col,
                      BigDecimal expected, BigDecimal actual, String message) {

    public static Finding of(String rule, Severity severity, String table, String row, String col, String message) {
        return new Finding(rule, severity, table, row, col, null, null, message);
    }

    /** Whether this is the reader's own finding (a P rule) rather than a check of the stored report. */
    public boolean fromReader() {
        return Rule.of(rule).map(Rule::fromReader).orElse(false);
    }

    /**
     * Whether a report's list of findings shows it: every error and warning, and the reader's
     * notes; a rule's "could not be checked" information is counted apart instead.
     */
    public boolean listed() {
        return severity != Severity.INFO || fromReader();
    }

    /**
     * What makes two findings the same statement about a report (rule, cell and message): a
     * review given to one holds for the other, across a re-check or a new version.
     */
    public String statement() {
        return String.join("\u0000", rule, String.valueOf(table), String.valueOf(row), String.valueOf(col), message);
    }

    /**
     * The finding as a reader of one language sees it. The rules write Chinese messages; in
     * English the rule's meaning is given with the cell and the expected and found values.
     */
    public String text(boolean english) {
        if (!english) {
            return message;
        }
        StringBuilder text = new StringBuilder(Rule.of(rule).map(r -> r.label(true)).orElse(rule));
        if (table != null && row != null && col != null) {
            CellCode cell = new CellCode(table, row, col);
            text.append(" · ").append(Codebook.get().cellName(cell, true)).append(" (").append(cell).append(')');
        } else if (table != null) {
            text.append(" · Table ").append(table.substring(1));
        }
        if (expected != null) {
            text.append(" · expected ").append(expected.stripTrailingZeros().toPlainString());
        }
        if (actual != null) {
            text.append(" · found ").append(actual.stripTrailingZeros().toPlainString());
        }
        return text.toString();
    }
}
