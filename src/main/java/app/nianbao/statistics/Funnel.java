package app.nianbao.statistics;

import java.util.List;

/**
 * A funnel plot for a proportion (e.g. a correction or disclosure rate) across units of very
 * different size: control limits around the pooled rate narrow as n grows, so a small agency is
 * not called an outlier for noise. Binomial normal approximation, limits clipped to [0, 1].
 */
public record Funnel(double pooledRate, List<Point> points) {

    public static final double Z95 = 1.959963984540054;
    public static final double Z998 = 3.090232306167813;

    /** One unit: its count of events out of n. */
    public record Unit(String name, long events, long n) {
    }

    /** Where a unit sits: its rate, z-score and the limits at its n. */
    public record Point(Unit unit, double rate, double z, double lower95, double upper95, double lower998, double upper998) {

        public boolean outside95() {
            return rate < lower95 || rate > upper95;
        }

        public boolean outside998() {
            return rate < lower998 || rate > upper998;
        }
    }

    public static Funnel of(List<Unit> units) {
        long events = units.stream().mapToLong(Unit::events).sum();
        long n = units.stream().mapToLong(Unit::n).sum();
        if (n == 0) {
            throw new IllegalArgumentException("a funnel needs at least one case");
        }
        double p0 = (double) events / n;
        List<Point> points = units.stream().filter(u -> u.n() > 0).map(u -> {
            double se = Math.sqrt(p0 * (1 - p0) / u.n());
            double rate = (double) u.events() / u.n();
            return new Point(u, rate, se == 0 ? 0 : (rate - p0) / se, clip(p0 - Z95 * se), clip(p0 + Z95 * se),
                    clip(p0 - Z998 * se), clip(p0 + Z998 * se));
        }).toList();
        return new Funnel(p0, points);
    }

    /** The lower and upper limit at a unit size n, for drawing the funnel's curves. */
    public double[] limitsAt(double n, double z) {
        double se = Math.sqrt(pooledRate * (1 - pooledRate) / n);
        return new double[]{clip(pooledRate - z * se), clip(pooledRate + z * se)};
    }

    private static double clip(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
