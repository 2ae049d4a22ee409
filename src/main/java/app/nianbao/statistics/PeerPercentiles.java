package app.nianbao.statistics;

import java.util.Arrays;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentiles of a metric within a peer group (R-7, NumPy's "linear") and each member's
 * percentile rank (below + half of equal, SciPy's percentileofscore kind "mean").
 */
public record PeerPercentiles(double p10, double p25, double p50, double p75, double p90, double[] sorted) {

    public static PeerPercentiles of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("percentiles need at least one value");
        }
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new PeerPercentiles(percentile.evaluate(10), percentile.evaluate(25), percentile.evaluate(50),
                percentile.evaluate(75), percentile.evaluate(90), sorted);
    }

    public double rankOf(double x) {
        // binary searches on the sorted values: a national peer group ranks 100,000 agencies
        int below = firstIndexNotBelow(x, false);
        int equal = firstIndexNotBelow(x, true) - below;
        return (below + 0.5 * equal) / sorted.length * 100;
    }

    /** Units with fewer cases than this are "样本不足": shown, never ranked. */
    public static final int DEFAULT_MIN_N = 30;

    public static boolean rankable(long n, int minN) {
        return n >= minN;
    }

    /** The first index whose value is ≥ x (or > x when {@code strictlyAbove}), in the sorted values. */
    private int firstIndexNotBelow(double x, boolean strictlyAbove) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < x || (strictlyAbove && sorted[mid] == x)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
