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

    public static int of(long errors, long warnings, long blankCells, long adjustedCells) {
        return (int) Math.max(0, 100 - 10 * errors - 2 * warnings - Math.min(MAX_BLANK_PENALTY, blankCells) - adjustedCells);
    }
}
