package app.nianbao.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The trend of one series over years: least squares with its 95 % confidence interval,
 * Mann-Kendall with Sen's slope (robust to one odd year), and the compound annual growth rate.
 * Definitions match SciPy's linregress and the usual Mann-Kendall test with tie-corrected
 * variance and continuity correction.
 */
public record Trend(int points, boolean assessable, Ols ols, MannKendall mannKendall, OptionalDouble cagr) {

    /** Fewer years than this and the trend is "not assessable": two or three points say little. */
    public static final int MIN_YEARS = 4;

    public record Ols(double slope, double intercept, double rSquared, double pValue, double slopeCi95Low,
                      double slopeCi95High) {
    }

    public record MannKendall(long s, double varS, double z, double pValue, double senSlope) {
    }

    public static Trend of(int[] years, double[] values) {
        if (years.length != values.length || years.length < 3) {
            throw new IllegalArgumentException("a trend needs at least three years, each with a value");
        }
        return new Trend(years.length, years.length >= MIN_YEARS, ols(years, values), mannKendall(years, values),
                cagr(years, values));
    }

    static Ols ols(int[] years, double[] values) {
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < years.length; i++) {
            regression.addData(years[i], values[i]);
        }
        double t = new TDistribution(years.length - 2).inverseCumulativeProbability(0.975);
        double slope = regression.getSlope();
        double stderr = regression.getSlopeStdErr();
        double r2 = regression.getRSquare();
        double p = slope == 0 ? 1.0 : regression.getSignificance();
        return new Ols(slope, regression.getIntercept(), Double.isNaN(r2) ? 0 : r2, p, slope - t * stderr, slope + t * stderr);
    }

    static MannKendall mannKendall(int[] years, double[] values) {
        int n = values.length;
        long s = 0;
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                s += (long) Math.signum(values[j] - values[i]);
                slopes.add((values[j] - values[i]) / (years[j] - years[i]));
            }
        }
        Map<Double, Integer> ties = new HashMap<>();
        for (double v : values) {
            ties.merge(v, 1, Integer::sum);
        }
        double tieTerm = 0;
        for (int t : ties.values()) {
            tieTerm += t * (t - 1.0) * (2.0 * t + 5);
        }
        double var = (n * (n - 1.0) * (2.0 * n + 5) - tieTerm) / 18.0;
        double z = s > 0 ? (s - 1) / Math.sqrt(var) : s < 0 ? (s + 1) / Math.sqrt(var) : 0;
        double p = 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(z)));
        double sen = new Median().evaluate(slopes.stream().mapToDouble(Double::doubleValue).toArray());
        return new MannKendall(s, var, z, p, sen);
    }

    /** Compound annual growth between the first and last year; none when the series starts at 0. */
    static OptionalDouble cagr(int[] years, double[] values) {
        double first = values[0];
        double last = values[values.length - 1];
        int span = years[years.length - 1] - years[0];
        if (first <= 0 || last < 0 || span <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.pow(last / first, 1.0 / span) - 1);
    }
}
