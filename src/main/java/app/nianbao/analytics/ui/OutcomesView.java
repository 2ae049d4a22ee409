package app.nianbao.analytics.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
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
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.export.DataTable;
import app.nianbao.export.Palette;
import app.nianbao.shell.ui.Axes;
import app.nianbao.shell.ui.ChartCard;
import app.nianbao.shell.ui.ChartMeta;

/** 办理结果: how applications were answered, as shares of everything processed, and the disclosure rate. */
@Route("outcomes")
@RolesAllowed("VIEWER")
class OutcomesView extends AnalysisView {

    private static final List<Metric> OUTCOMES = Metric.OUTCOMES;
    // granted, partly granted, refused, unable, not processed, other: the same colour for an outcome on every chart
    private static final String[] COLORS = {Palette.GREEN, Palette.LIGHT_GREEN, Palette.RED, Palette.ORANGE, Palette.PURPLE, Palette.GREY};

    private final ChartCard mix = new ChartCard(getTranslation("outcomes.mix"), getTranslation("outcomes.mix.definition"), "outcome-mix");
    private final ChartCard rates = new ChartCard(MetricNames.of(Metric.DISCLOSURE_RATE), MetricNames.definition(Metric.DISCLOSURE_RATE) + "; "
            + getTranslation("outcomes.also") + " " + MetricNames.definition(Metric.GRANTED_RATE), "disclosure-rate");
    private final Div notes = new Div();
    private final ChartCard breakdown = new ChartCard("", "", "outcome-rows");
    /** The outcome group opened row by row (?detail=refused), or null. */
    private Metric detail;

    OutcomesView(AnalyticsService analytics, AgencyService agencies, GroupService groups, ChartNotes chartNotes) {
        super("nav.outcomes", analytics, agencies, groups, chartNotes, OutcomesView.class);
        addContent(mix, breakdown, rates, notes);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        detail = event.getLocation().getQueryParameters().getSingleParameter("detail")
                .flatMap(Metric::ofCode).filter(Metric.ROWS_OF::containsKey).orElse(null);
        super.beforeEnter(event);
    }

    @Override
    protected boolean render(Scope scope) {
        Series processed = analytics.marked(List.of(Metric.PROCESSED), scope, filters.from(), filters.to()).get(0);
        if (processed.points().isEmpty()) {
            return false;
        }
        List<Integer> years = processed.points().stream().map(Point::year).toList();
        // a click on a refused, unable or not-processed segment opens its rows; elsewhere, the year's reports
        mix.onPointClick(click -> {
            Metric group = click.datasetIndex() >= 0 && click.datasetIndex() < OUTCOMES.size() ? OUTCOMES.get(click.datasetIndex()) : null;
            if (Metric.ROWS_OF.containsKey(group)) {
                openDetail(group);
            } else {
                drillTo(years, click.index(), group == null ? Metric.PROCESSED : group);
            }
        });
        annotate(mix, years, Metric.PROCESSED);
        annotate(mix, years, OUTCOMES.toArray(Metric[]::new));
        drillByYear(rates, years, Metric.DISCLOSURE_RATE);
        drillByYear(breakdown, years, detail == null ? Metric.PROCESSED : detail);
        showMix(scope, processed);
        showBreakdown(scope, processed);
        showRates(scope, processed);
        return true;
    }

    private void openDetail(Metric group) {
        QueryParameters current = UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters();
        Map<String, List<String>> params = new HashMap<>(current.getParameters());
        params.put("detail", List.of(group.code()));
        UI.getCurrent().navigate(OutcomesView.class, new QueryParameters(params));
    }

    /** The rows of the opened group (the eight refusal reasons, say) as counts per year. */
    private void showBreakdown(Scope scope, Series processed) {
        List<Integer> years = processed.years();
        breakdown.setVisible(detail != null);
        if (detail == null) {
            return;
        }
        List<Metric> rows = Metric.ROWS_OF.get(detail);
        List<Series> series = analytics.levels(rows, scope, filters.from(), filters.to());
        BarData data = new BarData().setLabels(yearLabels(processed));
        List<List<Object>> table = DataTable.yearRows(years);
        List<String> columns = new ArrayList<>(List.of(getTranslation("common.year")));
        for (int i = 0; i < rows.size(); i++) {
            Series s = series.get(i);
            Number[] values = years.stream().map(s::valueIn).toArray(Number[]::new);
            BarDataset bars = new BarDataset().setLabel(MetricNames.of(rows.get(i))).setBackgroundColor(Palette.series(i));
            bars.setData(values);
            data.addDataset(bars);
            columns.add(MetricNames.of(rows.get(i)));
            DataTable.addColumn(table, values);
        }
        breakdown.setTitle(getTranslation("outcomes.breakdown", MetricNames.of(detail)), getTranslation("outcomes.breakdown.definition"));
        breakdown.show(new BarChart(data, new BarOptions().setScales(Axes.fromZero())), true, new DataTable(getTranslation("outcomes.breakdown", MetricNames.of(detail)), columns, table));
    }

    /**
     * The outcomes of one set of reports per year (those that answer every outcome row) as
     * shares of their sum, so that a year's bars add up to 100 %; counts and shares in the table,
     * the template's own total beside them where a report states it differently.
     */
    private void showMix(Scope scope, Series processed) {
        Mix parts = analytics.mix(OUTCOMES, Metric.PROCESSED, scope, filters.from(), filters.to());
        BarData data = new BarData().setLabels(yearLabels(processed));
        List<Integer> years = parts.years().stream().map(Mix.Year::year).toList();
        List<List<Object>> rows = DataTable.yearRows(years);
        DataTable.addColumn(rows, parts.years().stream().map(y -> (Number) y.reports()).toArray(Number[]::new));
        DataTable.addColumn(rows, parts.years().stream().map(y -> (Number) y.excludedReports()).toArray(Number[]::new));
        DataTable.addColumn(rows, parts.years().stream().map(Mix.Year::total).toArray(Number[]::new));
        DataTable.addColumn(rows, parts.years().stream().map(Mix.Year::reported).toArray(Number[]::new));
        List<String> columns = new ArrayList<>(List.of(getTranslation("common.year"), getTranslation("common.reports"),
                getTranslation("common.excluded"), getTranslation("outcomes.sum"), getTranslation("outcomes.processed")));
        for (int i = 0; i < OUTCOMES.size(); i++) {
            int part = i;
            Number[] shares = parts.years().stream().map(y -> VolumesView.percent(y.shares().get(part))).toArray(Number[]::new);
            BarDataset bars = new BarDataset().setLabel(MetricNames.of(OUTCOMES.get(i))).setBackgroundColor(COLORS[i]);
            bars.setData(shares);
            data.addDataset(bars);
            DataTable.addColumn(rows, parts.years().stream().map(y -> y.counts().get(part)).toArray(Number[]::new));
            DataTable.addColumn(rows, shares);
            columns.add(MetricNames.of(OUTCOMES.get(i)));
            columns.add(MetricNames.of(OUTCOMES.get(i)) + " %");
        }
        mix.show(new BarChart(data, new BarOptions().setScales(Axes.percent())), true,
                new DataTable(getTranslation("outcomes.title"), columns, rows), ChartMeta.unit("%"));
        List<String> lines = new ArrayList<>();
        String incomplete = parts.years().stream().filter(y -> y.excludedReports() > 0).map(y -> String.valueOf(y.year()))
                .collect(Collectors.joining(", "));
        if (!incomplete.isEmpty()) {
            lines.add(getTranslation("outcomes.blank-note", incomplete));
        }
        String differs = parts.years().stream().filter(Mix.Year::reportedDiffers).map(y -> String.valueOf(y.year()))
                .collect(Collectors.joining(", "));
        if (!differs.isEmpty()) {
            lines.add(getTranslation("outcomes.total-differs", differs));
        }
        mix.setNotes(lines);
        notes.removeAll();
        if (processed.crossesTemplates()) {
            notes.add(new Paragraph(getTranslation("outcomes.template-note")));
        }
    }

    private void showRates(Scope scope, Series processed) {
        List<String> years = yearLabels(processed);
        List<Series> both = analytics.levels(List.of(Metric.DISCLOSURE_RATE, Metric.GRANTED_RATE), scope, filters.from(), filters.to());
        Series disclosure = both.get(0);
        Series grantedOnly = both.get(1);
        LineData data = new LineData().setLabels(years);
        List<List<Object>> rows = new ArrayList<>();
        Number[] d = new Number[years.size()];
        Number[] g = new Number[years.size()];
        for (int y = 0; y < years.size(); y++) {
            int year = processed.points().get(y).year();
            d[y] = percent(disclosure.valueIn(year));
            g[y] = percent(grantedOnly.valueIn(year));
            rows.add(Arrays.asList(year, d[y], g[y]));
        }
        LineDataset substantive = new LineDataset().setLabel(getTranslation("outcomes.rate.substantive")).setBorderColor(COLORS[0])
                .setBackgroundColor(COLORS[0]);
        substantive.setData(d);
        LineDataset granted = new LineDataset().setLabel(getTranslation("outcomes.rate.granted")).setBorderColor(Palette.BLUE).setBackgroundColor(Palette.BLUE);
        granted.setData(g);
        rates.show(new LineChart(data.addDataset(substantive).addDataset(granted), new LineOptions().setScales(Axes.percent()).setSpanGaps(false)), false,
                new DataTable(MetricNames.of(Metric.DISCLOSURE_RATE), List.of(getTranslation("common.year"),
                getTranslation("outcomes.rate.substantive"), getTranslation("outcomes.rate.granted")), rows), ChartMeta.unit("%"));
    }

    private static Double percent(Double rate) {
        return rate == null ? null : Math.round(rate * 1000) / 10.0;
    }
}
