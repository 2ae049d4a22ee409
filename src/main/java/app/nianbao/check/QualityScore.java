package app.nianbao.check;

/**
 * A report's quality score, 0–100: 100 − 10 per error finding − 2 per warning − 1 per cell
 * that was repaired or inferred, never below 0. Information findings cost nothing.
 * Errors are broken identities, lost rows and unreadable cells; warnings are mostly blank cells.
 */
public final class QualityScore {

    private QualityScore() {
    }

    public static int of(long errors, long warnings, long adjustedCells) {
        return (int) Math.max(0, 100 - 10 * errors - 2 * warnings - adjustedCells);
    }
}
