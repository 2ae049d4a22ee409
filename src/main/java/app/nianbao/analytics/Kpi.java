package app.nianbao.analytics;

import java.util.List;

import app.nianbao.analytics.AnalyticsService.Change;
import app.nianbao.analytics.AnalyticsService.Point;
import app.nianbao.catalog.Metric;

/**
 * One headline figure of the overview: its value in the latest year of the range that has one,
 * the like-for-like change against the calendar year before it, and the yearly values behind its
 * sparkline.
 */
public record Kpi(Metric metric, Point latest, List<Point> history) {

    public static Kpi of(AnalyticsService.Series series) {
        List<Point> known = series.points().stream().filter(p -> p.value() != null).toList();
        return new Kpi(series.metric(), known.isEmpty() ? null : known.get(known.size() - 1), series.points());
    }

    public Integer year() {
        return latest == null ? null : latest.year();
    }

    public Double value() {
        return latest == null ? null : latest.value();
    }

    /** The change in words, over the matched panel, or why there is none. */
    public String change(boolean english) {
        return latest == null || latest.change() == null ? (english ? "nothing to compare" : "无可比数据")
                : changeSentence(metric, latest.change(), english);
    }

    /**
     * A change said honestly: over the agencies in both years, against the calendar year before,
     * with the panel's size and who joined or left; rates in percentage points, counts in per
     * cent; and, when it cannot be computed, why.
     */
    public static String changeSentence(Metric metric, Change change, boolean english) {
        if (!change.fromYearReported()) {
            return english ? "no reports for %d: no comparison with an earlier year".formatted(change.fromYear())
                    : "%d 年无报告，不与更早年份比较".formatted(change.fromYear());
        }
        if (!change.comparable()) {
            return english ? "no agency has comparable reports in both %d and %d".formatted(change.fromYear(), change.fromYear() + 1)
                    : "没有机构在 %d 与 %d 年都有可比报告，无法计算变化".formatted(change.fromYear(), change.fromYear() + 1);
        }
        String amount;
        if (metric.isRate()) {
            double points = change.difference() * (metric.scale() == 1 ? 100 : 1);
            amount = (english ? "%+.1f percentage points" : "%+.1f 个百分点").formatted(points);
        } else if (change.previous() == 0) {
            amount = change.current() == 0 ? (english ? "level" : "持平") : (english ? "from 0" : "上年为 0");
        } else {
            amount = "%+.1f%%".formatted(change.ratio() * 100);
        }
        return english
                ? "like-for-like vs %d: %s (%d agencies in both years; %d joined, %d left)".formatted(change.fromYear(), amount,
                        change.panelAgencies(), change.entered(), change.left())
                : "同口径较 %d 年 %s（%d 个机构两年均有报告；新增 %d、退出 %d）".formatted(change.fromYear(), amount,
                        change.panelAgencies(), change.entered(), change.left());
    }

    public String formatted() {
        Double value = value();
        if (value == null) {
            return "—";
        }
        if (metric.isRate() && metric.scale() == 1) {
            return "%.1f%%".formatted(value * 100);
        }
        return value == Math.rint(value) ? "%,d".formatted(value.longValue()) : "%.1f".formatted(value);
    }
}
