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
        long below = Arrays.stream(sorted).filter(v -> v < x).count();
        long equal = Arrays.stream(sorted).filter(v -> v == x).count();
        return (below + 0.5 * equal) / sorted.length * 100;
    }

    /** Units with fewer cases than this are "样本不足": shown, never ranked. */
    public static final int DEFAULT_MIN_N = 30;

    public static boolean rankable(long n, int minN) {
        return n >= minN;
    }
}
