package app.nianbao.figures;

import java.math.BigDecimal;

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
}
