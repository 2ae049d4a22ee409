package app.nianbao.analytics;

import java.util.List;

import app.nianbao.analytics.AnalyticsService.Point;

/**
 * One headline figure of the overview: its value in the latest year of the range, the change
 * against the previous year that has a value, and the yearly values behind its sparkline.
 */
public record Kpi(Metric metric, Integer year, Double value, Double previous, List<Point> history) {

    public static Kpi of(AnalyticsService.Series series) {
        List<Point> known = series.points().stream().filter(p -> p.value() != null).toList();
        if (known.isEmpty()) {
            return new Kpi(series.metric(), null, null, null, series.points());
        }
        Point last = known.get(known.size() - 1);
        Double previous = known.size() > 1 ? known.get(known.size() - 2).value() : null;
        return new Kpi(series.metric(), last.year(), last.value(), previous, series.points());
    }

    /** Rates change in percentage points, counts in per cent; null when there is nothing to compare. */
    public String change(boolean english) {
        if (value == null || previous == null) {
            return english ? "nothing to compare" : "无上年可比";
        }
        if (metric.isRate()) {
            double points = (value - previous) * (metric.scale() == 1 ? 100 : 1);
            return (english ? "%+.1f percentage points" : "%+.1f 个百分点").formatted(points);
        }
        if (previous == 0) {
            return value == 0 ? (english ? "level" : "持平") : (english ? "previous year 0" : "上年为 0");
        }
        return "%+.1f%%".formatted((value - previous) / previous * 100);
    }

    public String formatted() {
        if (value == null) {
            return "—";
        }
        if (metric.isRate() && metric.scale() == 1) {
            return "%.1f%%".formatted(value * 100);
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : "%.1f".formatted(value);
    }
}
