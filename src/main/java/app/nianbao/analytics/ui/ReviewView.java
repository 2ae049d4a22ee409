package app.nianbao.analytics.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import software.xdev.chartjs.model.charts.BarChart;
import software.xdev.chartjs.model.charts.LineChart;
import software.xdev.chartjs.model.data.BarData;
import software.xdev.chartjs.model.data.LineData;
import software.xdev.chartjs.model.dataset.BarDataset;
import software.xdev.chartjs.model.dataset.LineDataset;
import software.xdev.chartjs.model.options.BarOptions;
import software.xdev.chartjs.model.options.LineOptions;

import app.nianbao.agency.AgencyService;
import app.nianbao.agency.GroupService;
import app.nianbao.analytics.AnalyticsService;
import app.nianbao.analytics.AnalyticsService.Series;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.export.DataTable;
import app.nianbao.export.Palette;
import app.nianbao.shell.ui.Axes;
import app.nianbao.shell.ui.ChartCard;
import app.nianbao.shell.ui.ChartMeta;

/** 复议诉讼: reviews and lawsuits by year, how often they went against the agency, and disputes per 100 applications. */
@Route("review")
@RolesAllowed("VIEWER")
class ReviewView extends AnalysisView {

    private static final List<Metric> CASES = List.of(Metric.REVIEWS, Metric.LAWSUITS);
    private static final List<Metric> RATES = List.of(Metric.REVIEW_CORRECTION_RATE, Metric.LITIGATION_CORRECTION_RATE,
            Metric.CORRECTION_RATE);

    private final ChartCard cases = new ChartCard(getTranslation("review.cases"), MetricNames.definition(Metric.REVIEWS) + "; "
            + MetricNames.definition(Metric.LAWSUITS), "reviews-lawsuits");
    private final ChartCard correction = new ChartCard(getTranslation("review.correction"), MetricNames.definition(Metric.CORRECTION_RATE), "correction-rate");
    private final ChartCard disputes = new ChartCard(getTranslation("review.disputes"), MetricNames.definition(Metric.DISPUTES_PER_100), "disputes-per-100");

    ReviewView(AnalyticsService analytics, AgencyService agencies, GroupService groups, ChartNotes notes) {
        super("nav.review", analytics, agencies, groups, notes, ReviewView.class);
        addContent(cases, correction, disputes);
    }

    @Override
    protected boolean render(Scope scope) {
        List<Series> counts = analytics.marked(CASES, scope, filters.from(), filters.to());
        List<Integer> years = counts.get(0).years();
        if (years.isEmpty()) {
            return false;
        }
        List<String> labels = yearLabels(counts.get(0));
        drillByYear(cases, years, Metric.REVIEWS);
        annotate(cases, years, Metric.LAWSUITS);
        drillByYear(correction, years, Metric.CORRECTION_RATE);
        drillByYear(disputes, years, Metric.DISPUTES_PER_100);
        BarData bars = new BarData().setLabels(labels);
        List<List<Object>> rows = DataTable.yearRows(years);
        for (int i = 0; i < CASES.size(); i++) {
            Number[] values = values(counts.get(i), years, 1);
            BarDataset set = new BarDataset().setLabel(MetricNames.of(CASES.get(i))).setBackgroundColor(Palette.series(i));
            set.setData(values);
            bars.addDataset(set);
            DataTable.addColumn(rows, values);
        }
        cases.show(new BarChart(bars, new BarOptions().setScales(Axes.fromZero())), false, new DataTable(getTranslation("nav.review"), List.of(getTranslation("common.year"), MetricNames.of(Metric.REVIEWS),
                MetricNames.of(Metric.LAWSUITS)), rows));
        showLines(correction, RATES, scope, years, labels, 100, getTranslation("review.correction"));
        showLines(disputes, List.of(Metric.DISPUTES_PER_100), scope, years, labels, 1, getTranslation("review.disputes"));
        return true;
    }

    private void showLines(ChartCard card, List<Metric> metrics, Scope scope, List<Integer> years, List<String> labels,
                           double scale, String title) {
        LineData data = new LineData().setLabels(labels);
        List<List<Object>> rows = DataTable.yearRows(years);
        List<String> columns = new ArrayList<>(List.of(getTranslation("common.year")));
        List<Series> series = analytics.levels(metrics, scope, filters.from(), filters.to());
        for (int i = 0; i < metrics.size(); i++) {
            Number[] values = values(series.get(i), years, scale);
            LineDataset line = new LineDataset().setLabel(MetricNames.of(metrics.get(i))).setBorderColor(Palette.series(i)).setBackgroundColor(Palette.series(i));
            line.setData(values);
            data.addDataset(line);
            DataTable.addColumn(rows, values);
            columns.add(MetricNames.of(metrics.get(i)));
        }
        card.show(new LineChart(data, new LineOptions().setScales(scale == 100 ? Axes.percent() : Axes.fromZero()).setSpanGaps(false)), false,
                new DataTable(title, columns, rows), ChartMeta.unit(scale == 100 ? "%" : ""));
    }

    /** The series' value in each year (null where it has none), rounded to one decimal after scaling. */
    private static Number[] values(Series series, List<Integer> years, double scale) {
        return years.stream().map(series::valueIn).map(v -> v == null ? null : (Number) (Math.round(v * scale * 10) / 10.0))
                .toArray(Number[]::new);
    }
}
