package app.nianbao.analytics.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import app.nianbao.analytics.AnalyticsService;
import app.nianbao.analytics.AnalyticsService.Compared;
import app.nianbao.analytics.AnalyticsService.Comparison;
import app.nianbao.analytics.Metric;
import app.nianbao.analytics.Scope;
import app.nianbao.export.DataTable;
import app.nianbao.shell.ui.ChartCard;
import app.nianbao.statistics.Funnel;
import app.nianbao.statistics.PeerPercentiles;
import software.xdev.chartjs.model.charts.ScatterChart;
import software.xdev.chartjs.model.data.ScatterData;
import software.xdev.chartjs.model.datapoint.ScatterDataPoint;
import software.xdev.chartjs.model.dataset.ScatterDataset;
import app.nianbao.shell.ui.Labels;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * 机构对比: agencies of very different size compared fairly on one rate in one year — a funnel
 * plot (limits narrow as cases grow) and a ranking that leaves out samples too small to rank.
 */
@Route("compare")
@RolesAllowed("VIEWER")
class CompareView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final List<Metric> RATES = Arrays.stream(Metric.values()).filter(Metric::isRate).toList();

    private final AnalyticsService analytics;
    private final Select<Metric> metric = new Select<>();
    private final IntegerField year = new IntegerField(getTranslation("common.year"));
    private final IntegerField minN = new IntegerField(getTranslation("compare.min-n"));
    private final ChartCard funnel = new ChartCard(getTranslation("compare.funnel"), getTranslation("compare.funnel.definition"), "funnel");
    private final Grid<Compared> ranking = new Grid<>();
    private final Div empty = new Div();
    private final Paragraph summary = new Paragraph();
    private boolean reading;

    CompareView(AnalyticsService analytics) {
        this.analytics = analytics;
        addClassName("view");
        metric.setLabel(getTranslation("compare.metric"));
        metric.setItems(RATES);
        metric.setItemLabelGenerator(m -> m == null ? "" : Labels.metric(m));
        year.setMin(2000);
        minN.setMin(1);
        metric.addValueChangeListener(e -> navigate());
        year.addValueChangeListener(e -> navigate());
        minN.addValueChangeListener(e -> navigate());
        empty.addClassName("empty-state");
        add(new H2(getTranslation("nav.compare")), new HorizontalLayout(metric, year, minN), empty, summary, funnel, ranking());
    }

    private Grid<Compared> ranking() {
        ranking.addColumn(c -> c.figures().agency()).setHeader(getTranslation("common.agency")).setAutoWidth(true);
        ranking.addColumn(c -> c.point().unit().n()).setHeader(getTranslation("compare.cases"));
        ranking.addColumn(c -> "%.1f%%".formatted(c.point().rate() * 100)).setHeader(getTranslation("compare.rate"));
        ranking.addColumn(c -> "%.2f".formatted(c.point().z())).setHeader(getTranslation("compare.z"));
        ranking.addColumn(c -> getTranslation(c.point().outside998() ? "compare.outside998"
                : c.point().outside95() ? "compare.outside95" : "compare.inside")).setHeader(getTranslation("compare.funnel-column"));
        ranking.addColumn(c -> c.ranked() ? "%.0f".formatted(c.percentileRank()) : getTranslation("compare.too-small"))
                .setHeader(getTranslation("compare.percentile"));
        ranking.setAllRowsVisible(true);
        ranking.addItemClickListener(e -> UI.getCurrent().navigate("reports/" + e.getItem().figures().agencyId() + "/" + year.getValue()));
        return ranking;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        reading = true;
        try {
            metric.setValue(Metric.ofCode(first(params, "metric")).filter(Metric::isRate).orElse(Metric.DISCLOSURE_RATE));
            year.setValue(parse(first(params, "year"), 2024));
            minN.setValue(parse(first(params, "min_n"), PeerPercentiles.DEFAULT_MIN_N));
        } finally {
            reading = false;
        }
        show(analytics.compare(metric.getValue(), new Scope.All(), year.getValue(), minN.getValue()));
    }

    private void navigate() {
        if (reading || metric.getValue() == null || year.getValue() == null || minN.getValue() == null) {
            return;
        }
        UI.getCurrent().navigate(CompareView.class, QueryParameters.simple(Map.of("metric", metric.getValue().code(),
                "year", String.valueOf(year.getValue()), "min_n", String.valueOf(minN.getValue()))));
    }

    private void show(Comparison comparison) {
        boolean none = comparison.agencies().isEmpty();
        empty.setVisible(none);
        empty.setText(getTranslation("compare.empty"));
        funnel.setVisible(!none);
        ranking.setVisible(!none);
        summary.setVisible(!none);
        if (none) {
            return;
        }
        ranking.setItems(comparison.agencies());
        long outside = comparison.agencies().stream().filter(c -> c.point().outside998()).count();
        summary.setText(getTranslation("compare.summary", comparison.agencies().size(),
                "%.1f%%".formatted(comparison.funnel().pooledRate() * 100), outside, comparison.percentiles() == null
                        ? getTranslation("compare.none-ranked", comparison.minN()) : ""));
        funnel.show(funnelChart(comparison), false, table(comparison));
        funnel.chart().addPointClickListener(e -> {
            if (e.datasetIndex() == 0 && e.index() < comparison.agencies().size()) {
                UI.getCurrent().navigate("reports/" + comparison.agencies().get(e.index()).figures().agencyId() + "/" + comparison.year());
            }
        });
    }

    private static ScatterChart funnelChart(Comparison comparison) {
        Funnel f = comparison.funnel();
        ScatterDataset agencies = new ScatterDataset().setLabel(Labels.text("compare.agencies")).setBackgroundColor("#1f77b4").setBorderColor("#1f77b4");
        agencies.setData(comparison.agencies().stream()
                .map(c -> new ScatterDataPoint(c.point().unit().n(), c.point().rate() * 100)).toList());
        ScatterData data = new ScatterData().addDataset(agencies);
        long maxN = comparison.agencies().stream().mapToLong(c -> c.point().unit().n()).max().orElse(1);
        String[][] bands = {{Labels.text("compare.lower95"), "#ff7f0e"}, {Labels.text("compare.upper95"), "#ff7f0e"},
                {Labels.text("compare.lower998"), "#d62728"}, {Labels.text("compare.upper998"), "#d62728"}};
        for (int b = 0; b < bands.length; b++) {
            double z = b < 2 ? Funnel.Z95 : Funnel.Z998;
            int side = b % 2;
            List<ScatterDataPoint> curve = new ArrayList<>();
            for (int i = 0; i <= 40; i++) {
                double n = Math.max(1, Math.pow(maxN * 1.1, i / 40.0));
                curve.add(new ScatterDataPoint(Math.round(n * 10) / 10.0, f.limitsAt(n, z)[side] * 100));
            }
            ScatterDataset line = new ScatterDataset().setLabel(bands[b][0]).setBorderColor(bands[b][1])
                    .setBackgroundColor(bands[b][1]).setShowLine(true);
            line.setPointRadius(List.of(0));
            line.setData(curve);
            data.addDataset(line);
        }
        return new ScatterChart(data);
    }

    private static DataTable table(Comparison comparison) {
        List<List<Object>> rows = new ArrayList<>();
        for (Compared c : comparison.agencies()) {
            rows.add(Arrays.asList(c.figures().agency(), c.point().unit().events(), c.point().unit().n(), c.point().rate(),
                    c.point().z(), c.point().lower95(), c.point().upper95(), c.point().lower998(), c.point().upper998(),
                    c.ranked() ? c.percentileRank() : Labels.text("compare.too-small")));
        }
        return new DataTable(Labels.text("nav.compare"), List.of(Labels.text("common.agency"), Labels.text("compare.numerator"),
                "n", Labels.text("compare.rate"), "z", Labels.text("compare.lower95"), Labels.text("compare.upper95"),
                Labels.text("compare.lower998"), Labels.text("compare.upper998"), Labels.text("compare.percentile")), rows);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private static int parse(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.compare") + " · " + getTranslation("shell.product");
    }
}
