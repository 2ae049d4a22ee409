package app.nianbao.report;

import static app.nianbao.store.jooq.Tables.FINDING;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import app.nianbao.figures.ReviewStatus;
import app.nianbao.figures.Rule;
import app.nianbao.figures.Severity;

/**
 * A report's quality score, 0–100: 100 − 10 per error finding − 2 per warning other than a
 * blank cell − 1 per blank cell (at most 30: a report that leaves cells empty is defective, but
 * what it does print is still read) − 1 per repaired or inferred cell, never below 0.
 * Information findings cost nothing, and neither does a finding an auditor dismissed: a
 * dismissed blank-cell warning (R8) no longer counts as a blank cell either.
 */
public final class QualityScore {

    static final int MAX_BLANK_PENALTY = 30;

    /** The rule whose warnings are the report's blank cells, one each. */
    public static final String BLANK_CELL_RULE = Rule.R8.id();

    private QualityScore() {
    }

    public static int of(long errors, long warnings, long blankCells, long adjustedCells) {
        return (int) Math.max(0, 100 - 10 * errors - 2 * warnings - Math.min(MAX_BLANK_PENALTY, blankCells) - adjustedCells);
    }

    /**
     * Per report (column {@code report_id}): the errors and warnings that count ({@code errors},
     * {@code warnings}: not dismissed) and the dismissed ones ({@code dismissed_errors},
     * {@code dismissed_warnings}, and of these the blank-cell warnings, {@code dismissed_blank}).
     */
    public static Table<?> findingCounts(Condition reports) {
        Condition dismissed = FINDING.REVIEW_STATUS.eq(ReviewStatus.DISMISSED.code());
        Condition error = FINDING.SEVERITY.eq(Severity.ERROR.code());
        Condition warning = FINDING.SEVERITY.eq(Severity.WARNING.code());
        return DSL.select(FINDING.REPORT_ID,
                        DSL.count().filterWhere(error.andNot(dismissed)).as("errors"),
                        DSL.count().filterWhere(warning.andNot(dismissed)).as("warnings"),
                        DSL.count().filterWhere(error.and(dismissed)).as("dismissed_errors"),
                        DSL.count().filterWhere(warning.and(dismissed)).as("dismissed_warnings"),
                        DSL.count().filterWhere(warning.and(dismissed).and(FINDING.RULE.eq(BLANK_CELL_RULE))).as("dismissed_blank"))
                .from(FINDING).where(reports).groupBy(FINDING.REPORT_ID).asTable("counts");
    }

    /** One count of {@link #findingCounts}, 0 for a report without findings (outer-joined). */
    public static Field<Integer> count(Table<?> counts, String name) {
        return DSL.coalesce(counts.field(name, Integer.class), DSL.inline(0));
    }

    /** The score computed by the store, from {@link #findingCounts} and the report's stored blank and adjusted cells. */
    public static Field<Integer> of(Table<?> counts, Field<Integer> blankCells, Field<Integer> adjustedCells) {
        Field<Integer> blank = blankCells.minus(count(counts, "dismissed_blank"));
        return DSL.greatest(DSL.inline(0), DSL.inline(100).minus(count(counts, "errors").times(DSL.inline(10)))
                .minus(count(counts, "warnings").minus(blank).times(DSL.inline(2)))
                .minus(DSL.least(DSL.inline(MAX_BLANK_PENALTY), blank))
                .minus(adjustedCells));
    }
}
