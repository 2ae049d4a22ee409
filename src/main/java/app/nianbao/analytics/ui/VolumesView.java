package app.nianbao.analytics.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
import software.xdev.chartjs.model.options.BarOptions;
import software.xdev.chartjs.model.options.LineOptions;

import app.nianbao.agency.AgencyService;
import app.nianbao.agency.GroupService;
import app.nianbao.analytics.AnalyticsService;
import app.nianbao.analytics.AnalyticsService.Point;
import app.nianbao.analytics.AnalyticsService.Series;
import app.nianbao.analytics.Mix;
import app.nianbao.analytics.TrendWords;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.export.DataTable;
import app.nianbao.export.Palette;
import app.nianbao.shell.ui.Axes;
import app.nianbao.shell.ui.ChartCard;
import app.nianbao.shell.ui.Language;

/**
 * 申请量: new applications by year and by applicant type, with the trend in words.
 */
@Route("volumes")
@RolesAllowed("VIEWER")
class VolumesView extends AnalysisView {


    /** Chosen agencies drawn one line each, at most this many, so that every line keeps a colour of its own. */
    private static final int MAX_LINES = 6;

    private final ChartCard total = new ChartCard(MetricNames.of(Metric.NEW_APPLICATIONS),
            MetricNames.definition(Metric.NEW_APPLICATIONS), "new-applications");
    private final ChartCard byApplicant = new ChartCard(getTranslation("volumes.by-applicant"),
            getTranslation("volumes.by-applicant.definition"), "new-by-applicant");
    private final ChartCard proactive = new ChartCard(getTranslation("volumes.proactive"),
            getTranslation("volumes.proactive.definition"), "proactive-disclosure");
    private final Div proactiveNote = new Div();
    private final Div trend = new Div();

    VolumesView(AnalyticsService analytics, AgencyService agencies, GroupService groups, ChartNotes notes) {
        super("nav.volumes", analytics, agencies, groups, notes, VolumesView.class);
        trend.addClassName("trend-words");
        addContent(total, byApplicant, new H3(getTranslation("volumes.trend")), trend, proactive, proactiveNote);
    }

    @Override
    protected boolean render(Scope scope) {
        Series series = analytics.series(Metric.NEW_APPLICATIONS, scope, filters.from(), filters.to());
        if (series.points().isEmpty()) {
            return false;
        }
        List<Integer> years = series.years();
        drillByYear(total, years, Metric.NEW_APPLICATIONS);
        drillByYear(byApplicant, years, Metric.NEW_APPLICATIONS);
        showTotal(scope, series);
        showByApplicant(scope, series);
        showTrend(scope, series);
        showProactive(scope, series);
        return true;
    }

    /**
     * The level per year over every report, or, for several chosen agencies, one line each and
     * their sum only in the years where all of them report.
     */
    private void showTotal(Scope scope, Series series) {
        LineData data = new LineData().setLabels(yearLabels(series));
        List<String> columns = new ArrayList<>(List.of(getTranslation("common.year"), getTranslation("volumes.new"),
                getTranslation("common.reports"), getTranslation("common.template"), getTranslation("common.blank-cells"),
                getTranslation("common.excluded"), getTranslation("volumes.change")));
        List<List<Object>> rows = new ArrayList<>();
        series.points().forEach(p -> rows.add(new ArrayList<>(Arrays.asList(p.year(), DataTable.number(p.value()), p.reports(),
                String.join("/", p.templates()), p.blankCells(), p.excludedReports(),
                p.change().ratio() == null ? null : Math.round(p.change().ratio() * 1000) / 10.0))));
        List<Long> chosen = filters.chosenAgencies();
        if (chosen.size() > 1) {
            List<Series> each = chosen.stream().limit(MAX_LINES)
                    .map(id -> analytics.levels(Metric.NEW_APPLICATIONS, new Scope.Agencies(List.of(id)), filters.from(), filters.to()))
                    .toList();
            Number[] sum = series.years().stream().map(y -> each.stream().allMatch(s -> s.valueIn(y) != null)
                    ? (Number) each.stream().mapToDouble(s -> s.valueIn(y)).sum() : null).toArray(Number[]::new);
            data.addDataset(line(getTranslation("volumes.sum-where-all"), Palette.BLACK, sum));
            DataTable.addColumn(rows, sum);
            columns.add(getTranslation("volumes.sum-where-all"));
            for (int i = 0; i < each.size(); i++) {
                Number[] values = series.years().stream().map(each.get(i)::valueIn).toArray(Number[]::new);
                String name = filters.agencyName(chosen.get(i));
                data.addDataset(line(name, Palette.series(i), values));
                DataTable.addColumn(rows, values);
                columns.add(name);
            }
        } else {
            data.addDataset(line(MetricNames.of(Metric.NEW_APPLICATIONS), Palette.series(0), series.points().stream().map(Point::value)
                    .toArray(Number[]::new)));
        }
        total.show(new LineChart(data, new LineOptions().setScales(Axes.fromZero()).setSpanGaps(false)), false,
                new DataTable(MetricNames.of(Metric.NEW_APPLICATIONS), columns, rows));
    }

    private static LineDataset line(String label, String color, Number[] values) {
        LineDataset line = new LineDataset().setLabel(label).setBorderColor(color).setBackgroundColor(color).setSpanGaps(false);
        line.setData(values);
        return line;
    }

    /** The applicant types of one set of reports per year, so that the stack is the year's whole. */
    private void showByApplicant(Scope scope, Series totals) {
        Mix mix = analytics.mix(Metric.BY_APPLICANT, Metric.NEW_APPLICATIONS, scope, filters.from(), filters.to());
        BarData data = new BarData().setLabels(yearLabels(totals));
        List<Integer> years = mix.years().stream().map(Mix.Year::year).toList();
        List<List<Object>> rows = DataTable.yearRows(years);
        List<String> columns = new ArrayList<>(List.of(getTranslation("common.year")));
        DataTable.addColumn(rows, mix.years().stream().map(y -> (Number) y.reports()).toArray(Number[]::new));
        DataTable.addColumn(rows, mix.years().stream().map(y -> (Number) y.excludedReports()).toArray(Number[]::new));
        columns.addAll(List.of(getTranslation("common.reports"), getTranslation("common.excluded")));
        for (int i = 0; i < Metric.BY_APPLICANT.size(); i++) {
            int part = i;
            Number[] counts = mix.years().stream().map(y -> y.counts().get(part)).toArray(Number[]::new);
            BarDataset bars = new BarDataset().setLabel(applicantType(Metric.BY_APPLICANT.get(i))).setBackgroundColor(Palette.series(i));
            bars.setData(counts);
            data.addDataset(bars);
            DataTable.addColumn(rows, counts);
            DataTable.addColumn(rows, mix.years().stream().map(y -> percent(y.shares().get(part))).toArray(Number[]::new));
            columns.add(applicantType(Metric.BY_APPLICANT.get(i)));
            columns.add(applicantType(Metric.BY_APPLICANT.get(i)) + " %");
        }
        byApplicant.show(new BarChart(data, new BarOptions().setScales(Axes.fromZero())), true,
                new DataTable(getTranslation("volumes.by-applicant"), columns, rows));
    }

    static Number percent(Double share) {
        return share == null ? null : Math.round(share * 1000) / 10.0;
    }

    /**
     * Table 2: the three kinds of decision as bars (alike in both templates), every table 2
     * figure in the data table, and a note when a figure's columns differ between the templates.
     */
    private void showProactive(Scope scope, Series totals) {
        List<Integer> years = totals.points().stream().map(Point::year).toList();
        List<Series> all = analytics.levels(Metric.PROACTIVE, scope, filters.from(), filters.to());
        annotate(proactive, years, Metric.PROACTIVE.toArray(Metric[]::new));
        BarData data = new BarData().setLabels(years.stream().map(String::valueOf).toList());
        List<List<Object>> rows = DataTable.yearRows(years);
        List<String> columns = new ArrayList<>(List.of(getTranslation("common.year")));
        for (int i = 0; i < all.size(); i++) {
            Series s = all.get(i);
            Number[] values = years.stream().map(s::valueIn).toArray(Number[]::new);
            if (List.of(Metric.LICENSING_DECISIONS, Metric.PENALTY_DECISIONS, Metric.COERCION_DECISIONS).contains(s.metric())) {
                BarDataset bars = new BarDataset().setLabel(MetricNames.of(s.metric())).setBackgroundColor(Palette.series(data.getDatasets().size()));
                bars.setData(values);
                data.addDataset(bars);
            }
            columns.add(MetricNames.of(s.metric()));
            DataTable.addColumn(rows, values);
        }
        proactive.show(new BarChart(data, new BarOptions().setScales(Axes.logarithmic(getTranslation("chart.log-scale")))), false,
                new DataTable(getTranslation("volumes.proactive"), columns, rows));
        proactive.setNotes(outliers(scope, all, years));
        proactiveNote.removeAll();
        if (all.stream().anyMatch(s -> s.crossesTemplates() && !s.metric().comparableAcrossTemplates())) {
            proactiveNote.add(new Paragraph(getTranslation("volumes.proactive.template-note")));
        }
    }

    /**
     * A year whose value is more than ten times the median of the series' other years is named
     * with the agency that contributes most to it, so that one report does not dominate unsaid.
     */
    private List<String> outliers(Scope scope, List<Series> all, List<Integer> years) {
        List<String> notes = new ArrayList<>();
        for (Series s : all) {
            if (!List.of(Metric.LICENSING_DECISIONS, Metric.PENALTY_DECISIONS, Metric.COERCION_DECISIONS).contains(s.metric())) {
                continue;
            }
            for (int year : years) {
                Double value = s.valueIn(year);
                double[] others = years.stream().filter(y -> y != year).map(s::valueIn).filter(Objects::nonNull)
                        .mapToDouble(Double::doubleValue).sorted().toArray();
                if (value == null || others.length == 0 || value <= 10 * Math.max(1, others[others.length / 2])) {
                    continue;
                }
                analytics.largest(s.metric(), scope, year).ifPresent(top -> notes.add(getTranslation("volumes.outlier", String.valueOf(year),
                        MetricNames.of(s.metric()), DataTable.formatted(value), top.agency(), DataTable.formatted(top.value()),
                        "%.0f".formatted(top.value() / value * 100))));
            }
        }
        return notes;
    }

    /** "New: natural persons" → "natural persons": the chart's legend already says what is counted. */
    private static String applicantType(Metric metric) {
        return MetricNames.of(metric).replaceFirst("^(新收：|New: )", "");
    }

    /**
     * The trend in words over the balanced panel — the agencies that report in every year — so
     * that growth is not agencies joining; or why it cannot be said.
     */
    private void showTrend(Scope scope, Series series) {
        trend.removeAll();
        AnalyticsService.Balanced balanced = analytics.balanced(Metric.NEW_APPLICATIONS, scope, filters.from(), filters.to());
        if (balanced.agencies() == 0) {
            trend.add(new Paragraph(getTranslation("volumes.no-panel")));
            return;
        }
        boolean allAlways = balanced.years().size() == series.points().size()
                && series.points().stream().allMatch(p -> p.reports() == balanced.agencies());
        if (!allAlways) {
            trend.add(new Paragraph(getTranslation("volumes.panel", balanced.agencies(), String.valueOf(balanced.years().get(0)),
                    String.valueOf(balanced.years().get(balanced.years().size() - 1)))));
        }
        int[] years = balanced.years().stream().mapToInt(Integer::intValue).toArray();
        double[] values = balanced.values().stream().mapToDouble(v -> v == null ? 0 : v).toArray();
        TrendWords.describe(MetricNames.of(Metric.NEW_APPLICATIONS), years, values, Language.english())
                .forEach(sentence -> trend.add(new Paragraph(sentence)));
        if (series.crossesTemplates()) {
            trend.add(new Paragraph(getTranslation("volumes.template-note")));
        }
    }
}
