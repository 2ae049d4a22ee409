package app.nianbao.analytics;

import java.util.List;

import app.nianbao.statistics.Trend;

/** A trend said in plain words, for management who read sentences, not test statistics. */
public final class TrendWords {

    private TrendWords() {
    }

    /** The trend of a yearly series in Chinese, or in English when {@code english}. */
    public static List<String> describe(String what, int[] years, double[] values, boolean english) {
        if (english) {
            return english(what, years, values);
        }
        if (years.length < 3) {
            return List.of("只有 %d 个年度的数据，趋势无法评估。".formatted(years.length));
        }
        Trend trend = Trend.of(years, values);
        String span = "%d–%d 年".formatted(years[0], years[years.length - 1]);
        Trend.Ols ols = trend.ols();
        String direction = ols.slope() > 0 ? "增加" : ols.slope() < 0 ? "减少" : "持平";
        String first = "%s%s平均每年%s %.1f（95%% 置信区间 %.1f 至 %.1f，R² = %.2f）。".formatted(span, what, direction,
                Math.abs(ols.slope()), ols.slopeCi95Low(), ols.slopeCi95High(), ols.rSquared());
        Trend.MannKendall mk = trend.mannKendall();
        String second = mk.pValue() < 0.05
                ? "Mann-Kendall 检验显示%s趋势显著（p = %.3f），稳健斜率（Sen）每年 %.1f。".formatted(mk.s() > 0 ? "上升" : "下降", mk.pValue(), mk.senSlope())
                : "Mann-Kendall 检验未发现显著的单调趋势（p = %.3f）。".formatted(mk.pValue());
        String third = trend.cagr().isPresent() ? "年均复合增长率 %.1f%%。".formatted(trend.cagr().getAsDouble() * 100)
                : "首年为 0，无法计算年均复合增长率。";
        if (!trend.assessable()) {
            return List.of("只有 %d 个年度的数据（少于 %d 年），趋势无法可靠评估；以下仅供参考。".formatted(years.length, Trend.MIN_YEARS), first);
        }
        return List.of(first, second, third);
    }

    private static List<String> english(String what, int[] years, double[] values) {
        if (years.length < 3) {
            return List.of("Only %d years of data: the trend cannot be assessed.".formatted(years.length));
        }
        Trend trend = Trend.of(years, values);
        Trend.Ols ols = trend.ols();
        String direction = ols.slope() > 0 ? "rose" : ols.slope() < 0 ? "fell" : "stayed level";
        String first = "%d–%d: %s %s by %.1f a year on average (95%% confidence interval %.1f to %.1f, R² = %.2f).".formatted(
                years[0], years[years.length - 1], what, direction, Math.abs(ols.slope()), ols.slopeCi95Low(), ols.slopeCi95High(),
                ols.rSquared());
        Trend.MannKendall mk = trend.mannKendall();
        String second = mk.pValue() < 0.05
                ? "The Mann-Kendall test finds a significant %s trend (p = %.3f); Sen's robust slope is %.1f a year."
                        .formatted(mk.s() > 0 ? "rising" : "falling", mk.pValue(), mk.senSlope())
                : "The Mann-Kendall test finds no significant monotonic trend (p = %.3f).".formatted(mk.pValue());
        String third = trend.cagr().isPresent() ? "Compound annual growth rate %.1f%%.".formatted(trend.cagr().getAsDouble() * 100)
                : "The first year is 0, so there is no compound annual growth rate.";
        if (!trend.assessable()) {
            return List.of("Only %d years of data (fewer than %d): the trend cannot be assessed reliably; for reference only."
                    .formatted(years.length, Trend.MIN_YEARS), first);
        }
        return List.of(first, second, third);
    }
}
