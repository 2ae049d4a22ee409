package app.nianbao.analytics.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import software.xdev.chartjs.model.charts.BarChart;
import software.xdev.chartjs.model.charts.LineChart;
import software.xdev.chartjs.model.data.BarData;
import software.xdev.chartjs.model.data.LineData;
import software.xdev.chartjs.model.dataset.BarDataset;
import software.xdev.chartjs.model.dataset.LineDataset;

import app.nianbao.agency.AgencyService;
import app.nianbao.agency.GroupService;
import app.nianbao.analytics.AnalyticsService;
import app.nianbao.analytics.AnalyticsService.Point;
import app.nianbao.analytics.AnalyticsService.Series;
import app.nianbao.analytics.Metric;
import app.nianbao.analytics.Scope;
import app.nianbao.analytics.TrendWords;
import app.nianbao.export.DataTable;
import app.nianbao.shell.ui.ChartCard;
import app.nianbao.shell.ui.Labels;
import app.nianbao.shell.ui.Language;

/**
 * 申请量: new applications by year and by applicant type, with the trend in words.
 */
@Route("volumes")
@RolesAllowed("VIEWER")
class VolumesView extends AnalysisView {

    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};

    private final ChartCard total = new ChartCard(Labels.metric(Metric.NEW_APPLICATIONS),
            Labels.definition(Metric.NEW_APPLICATIONS), "new-applications");
    private final ChartCard byApplicant = new ChartCard(getTranslation("volumes.by-applicant"),
            getTranslation("volumes.by-applicant.definition"), "new-by-applicant");
    private final ChartCard proactive = new ChartCard(getTranslation("volumes.proactive"),
            getTranslation("volumes.proactive.definition"), "proactive-disclosure");
    private final Div proactiveNote = new Div();
    private final Div trend = new Div();

    VolumesView(AnalyticsService analytics, AgencyService agencies, GroupService groups) {
        super("nav.volumes", analytics, agencies, groups, VolumesView.class);
        trend.addClassName("trend-words");
        addContent(total, byApplicant, new H3(getTranslation("volumes.trend")), trend, proactive, proactiveNote);
    }

    @Override
    protected boolean render(Scope scope) {
        Series series = analytics.series(Metric.NEW_APPLICATIONS, scope, filters.from(), filters.to());
        if (series.points().isEmpty()) {
            return false;
        }
        List<Integer> years = series.points().stream().map(Point::year).toList();
        drillByYear(total, years);
        drillByYear(byApplicant, years);
        showTotal(series);
        showByApplicant(scope, series);
        showTrend(series);
        showProactive(scope, series);
        return true;
    }

    private void showTotal(Series series) {
        List<String> years = series.points().stream().map(p -> String.valueOf(p.year())).toList();
        LineDataset line = new LineDataset().setLabel(Labels.metric(Metric.NEW_APPLICATIONS)).setBorderColor(COLORS[0]).setBackgroundColor(COLORS[0]);
        line.setData(series.points().stream().map(Point::value).toArray(Number[]::new));
        List<List<Object>> rows = new ArrayList<>();
        series.points().forEach(p -> rows.add(List.of(p.year(), p.value() == null ? "—" : DataTable.number(p.value()), p.reports(),
                String.join("/", p.templates()), p.blankCells(), p.excludedReports())));
        total.show(new LineChart(new LineData().setLabels(years).addDataset(line)), false,
                new DataTable(Labels.metric(Metric.NEW_APPLICATIONS), List.of(getTranslation("common.year"),
                getTranslation("volumes.new"), getTranslation("common.reports"), getTranslation("common.template"),
                getTranslation("common.blank-cells"), getTranslation("common.excluded")), rows));
    }

    private void showByApplicant(Scope scope, Series totals) {
        List<String> years = totals.points().stream().map(p -> String.valueOf(p.year())).toList();
        BarData data = new BarData().setLabels(years);
        List<List<Object>> rows = new ArrayList<>();
        totals.points().forEach(p -> {
            List<Object> row = new ArrayList<>();
            row.add(p.year());
            rows.add(row);
        });
        List<Series> byType = analytics.series(Metric.BY_APPLICANT, scope, filters.from(), filters.to());
        for (int i = 0; i < Metric.BY_APPLICANT.size(); i++) {
            Metric metric = Metric.BY_APPLICANT.get(i);
            Series s = byType.get(i);
            Number[] values = totals.points().stream().map(p -> s.valueIn(p.year())).toArray(Number[]::new);
            BarDataset bars = new BarDataset().setLabel(applicantType(metric)).setBackgroundColor(COLORS[i]);
            bars.setData(values);
            data.addDataset(bars);
            DataTable.addColumn(rows, values);
        }
        List<String> columns = new ArrayList<>(List.of(getTranslation("common.year")));
        Metric.BY_APPLICANT.forEach(m -> columns.add(applicantType(m)));
        byApplicant.show(new BarChart(data), true, new DataTable(getTranslation("volumes.by-applicant"), columns, rows));
    }

    /**
     * Table 2: the three kinds of decision as bars (alike in both templates), every table 2
     * figure in the data table, and a note when a figure's columns differ between the templates.
     */
    private void showProactive(Scope scope, Series totals) {
        List<Integer> years = totals.points().stream().map(Point::year).toList();
        List<Series> all = analytics.series(Metric.PROACTIVE, scope, filters.from(), filters.to());
        BarData data = new BarData().setLabels(years.stream().map(String::valueOf).toList());
        List<List<Object>> rows = DataTable.yearRows(years);
        List<String> columns = new ArrayList<>(List.of(getTranslation("common.year")));
        for (int i = 0; i < all.size(); i++) {
            Series s = all.get(i);
            Number[] values = years.stream().map(s::valueIn).toArray(Number[]::new);
            if (List.of(Metric.LICENSING_DECISIONS, Metric.PENALTY_DECISIONS, Metric.COERCION_DECISIONS).contains(s.metric())) {
                BarDataset bars = new BarDataset().setLabel(Labels.metric(s.metric())).setBackgroundColor(COLORS[data.getDatasets().size()]);
                bars.setData(values);
                data.addDataset(bars);
            }
            columns.add(Labels.metric(s.metric()));
            DataTable.addColumn(rows, values);
        }
        proactive.show(new BarChart(data), false, new DataTable(getTranslation("volumes.proactive"), columns, rows));
        proactiveNote.removeAll();
        if (all.stream().anyMatch(s -> s.crossesTemplates() && !s.metric().comparableAcrossTemplates())) {
            proactiveNote.add(new Paragraph(getTranslation("volumes.proactive.template-note")));
        }
    }

    /** "New: natural persons" → "natural persons": the chart's legend already says what is counted. */
    private static String applicantType(Metric metric) {
        return Labels.metric(metric).replaceFirst("^(新收：|New: )", "");
    }

    private void showTrend(Series series) {
        List<Point> known = series.points().stream().filter(p -> p.value() != null).toList();
        int[] years = known.stream().mapToInt(Point::year).toArray();
        double[] values = known.stream().mapToDouble(Point::value).toArray();
        trend.removeAll();
        TrendWords.describe(Labels.metric(Metric.NEW_APPLICATIONS), years, values, Language.english())
                .forEach(sentence -> trend.add(new Paragraph(sentence)));
        if (series.crossesTemplates()) {
            trend.add(new Paragraph(getTranslation("volumes.template-note")));
        }
    }
}
