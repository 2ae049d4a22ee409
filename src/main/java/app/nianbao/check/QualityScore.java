package app.nianbao.check;

/**
 * A report's quality score, 0–100: 100 − 10 per error finding − 2 per warning other than a
 * blank cell − 1 per blank cell (at most 30: a report that leaves cells empty is defective, but
 * what it does print is still read) − 1 per repaired or inferred cell, never below 0.
 * Information findings cost nothing.
 */
public final class QualityScore {

    static final int MAX_BLANK_PENALTY = 30;

    private QualityScore() {
    }

    /** The same score computed by the store, for lists sorted by it. */
    public static org.jooq.Field<Integer> of(org.jooq.Field<Integer> errors, org.jooq.Field<Integer> warnings,
                                             org.jooq.Field<Integer> blankCells, org.jooq.Field<Integer> adjustedCells) {
        return org.jooq.impl.DSL.greatest(org.jooq.impl.DSL.inline(0), org.jooq.impl.DSL.inline(100).minus(errors.times(10))
                .minus(warnings.times(2)).minus(org.jooq.impl.DSL.least(org.jooq.impl.DSL.inline(MAX_BLANK_PENALTY), blankCells))
                .minus(adjustedCells));
    }

    public static int of(long errors, long warnings, long blankCells, long adjustedCells) {
        return (int) Math.max(0, 100 - 10 * errors - 2 * warnings - Math.min(MAX_BLANK_PENALTY, blankCells) - adjustedCells);
    }
}
