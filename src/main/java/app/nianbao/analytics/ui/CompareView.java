package app.nianbao.analytics.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import software.xdev.chartjs.model.charts.LineChart;
import software.xdev.chartjs.model.charts.ScatterChart;
import software.xdev.chartjs.model.data.LineData;
import software.xdev.chartjs.model.data.ScatterData;
import software.xdev.chartjs.model.datapoint.ScatterDataPoint;
import software.xdev.chartjs.model.dataset.LineDataset;
import software.xdev.chartjs.model.dataset.ScatterDataset;
import software.xdev.chartjs.model.options.LineOptions;

import app.nianbao.agency.AgencyService;
import app.nianbao.agency.AgencyService.AgencyChoice;
import app.nianbao.agency.GroupService;
import app.nianbao.analytics.AnalyticsService;
import app.nianbao.analytics.AnalyticsService.Compared;
import app.nianbao.analytics.AnalyticsService.Comparison;
import app.nianbao.analytics.FunnelSample;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.export.DataTable;
import app.nianbao.export.Dossiers;
import app.nianbao.export.Palette;
import app.nianbao.shell.ui.Axes;
import app.nianbao.shell.ui.ChartCard;
import app.nianbao.shell.ui.ChartMeta;
import app.nianbao.shell.ui.DownloadLinks;
import app.nianbao.shell.ui.Labels;
import app.nianbao.shell.ui.Language;
import app.nianbao.shell.ui.SortLink;
import app.nianbao.shell.ui.UrlParameters;
import app.nianbao.statistics.Funnel;
import app.nianbao.statistics.PeerPercentiles;

/**
 * 机构对比: agencies of very different size compared fairly on one rate in one year — a funnel
 * plot (limits narrow as cases grow) and a ranking that leaves out samples too small to rank.
 */
@Route("compare")
@RolesAllowed("VIEWER")
class CompareView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final List<Metric> RATES = Arrays.stream(Metric.values()).filter(Metric::isRate).toList();
    private static final int MAX_SIDE_BY_SIDE = 5;

    private final AnalyticsService analytics;
    private final Select<Metric> metric = new Select<>();
    private final IntegerField year = new IntegerField(getTranslation("common.year"));
    private final IntegerField minN = new IntegerField(getTranslation("compare.min-n"));
    private FunnelSample.Drawn drawn;
    private final ChartCard funnel = new ChartCard(getTranslation("compare.funnel"), getTranslation("compare.funnel.definition"), "funnel");
    private final Grid<Compared> ranking = new Grid<>();
    private final TextField narrow = new TextField(
            getTranslation("compare.narrow"));
    private final Select<String> band = new Select<>();
    private final Div empty = new Div();
    private final Paragraph summary = new Paragraph();
    private final FilterBar filters;
    private final MultiSelectComboBox<AgencyChoice> chosen = new MultiSelectComboBox<>();
    private final ChartCard sideBySide = new ChartCard(getTranslation("compare.side-by-side"),
            getTranslation("compare.side-by-side.definition"), "side-by-side");
    private boolean reading;
    private final ComboBox<Compared> find = new ComboBox<>();
    private Comparison shown;

    private final Dossiers dossiers;
    /** The dossier of the chosen agencies, side by side. */
    private final Div dossier = new Div();

    CompareView(AnalyticsService analytics, AgencyService agencies, GroupService groups, Dossiers dossiers) {
        this.dossiers = dossiers;
        this.analytics = analytics;
        this.filters = new FilterBar(agencies.choices(), analytics.reportingYears(), groups, CompareView.class);
        addClassName("view");
        chosen.setLabel(getTranslation("compare.choose"));
        chosen.setItems(agencies.choices());
        chosen.setItemLabelGenerator(AgencyChoice::name);
        chosen.setWidth("100%");
        chosen.setMaxWidth("32em");
        chosen.addValueChangeListener(e -> navigate());
        metric.setLabel(getTranslation("compare.metric"));
        metric.setItems(RATES);
        metric.setItemLabelGenerator(m -> m == null ? "" : MetricNames.of(m));
        year.setMin(2000);
        minN.setMin(1);
        metric.addValueChangeListener(e -> navigate());
        year.addValueChangeListener(e -> navigate());
        minN.addValueChangeListener(e -> navigate());
        empty.addClassName("empty-state");
        find.setLabel(getTranslation("compare.find"));
        find.setItemLabelGenerator(c -> c.figures().agency());
        find.setClearButtonVisible(true);
        find.setWidth("100%");
        find.setMaxWidth("24em");
        find.addValueChangeListener(e -> highlight(e.getValue()));
        HorizontalLayout choices = new HorizontalLayout(metric, year, minN, find);
        // on a phone the four fields go under each other instead of off the screen
        choices.setWrap(true);
        add(new H2(getTranslation("nav.compare")), filters, choices, empty, summary, funnel,
                rankingFilters(), ranking(), new H3(getTranslation("compare.side-by-side")), chosen, dossier, sideBySide);
    }

    private Grid<Compared> ranking() {
        // every column sorts, by the number behind its text, and the sort is kept in the link
        ranking.addColumn(c -> c.figures().agency()).setHeader(getTranslation("common.agency")).setAutoWidth(true)
                .setComparator(c -> c.figures().agency()).setKey("agency");
        ranking.addColumn(c -> c.point().unit().n()).setHeader(getTranslation("compare.cases")).setComparator(c -> c.point().unit().n())
                .setKey("cases");
        ranking.addColumn(c -> "%.1f%%".formatted(c.point().rate() * 100)).setHeader(getTranslation("compare.rate"))
                .setComparator(c -> c.point().rate()).setKey("rate");
        ranking.addColumn(c -> "%.2f".formatted(c.point().z())).setHeader(getTranslation("compare.z")).setComparator(c -> c.point().z())
                .setKey("z");
        ranking.addColumn(c -> getTranslation(c.point().outside998() ? "compare.outside998"
                : c.point().outside95() ? "compare.outside95" : "compare.inside")).setHeader(getTranslation("compare.funnel-column"))
                .setComparator(c -> c.point().outside998() ? 2 : c.point().outside95() ? 1 : 0).setAutoWidth(true).setFlexGrow(0)
                .setKey("funnel");
        ranking.addColumn(c -> c.ranked() ? "%.0f".formatted(c.percentileRank()) : getTranslation("compare.too-small"))
                .setHeader(getTranslation("compare.percentile")).setComparator(c -> c.ranked() ? c.percentileRank() : -1).setKey("percentile");
        // a national peer group has 100,000 rows: the grid renders what is scrolled into view
        ranking.setHeight("50vh");
        ranking.addItemClickListener(e -> UI.getCurrent().navigate("reports/" + e.getItem().figures().agencyId() + "/" + year.getValue()));
        SortLink.keep(ranking);
        return ranking;
    }

    /** Narrows the ranking to agencies whose name holds the text and to a band of the funnel; the rates are those of every agency. */
    private HorizontalLayout rankingFilters() {
        narrow.setValueChangeMode(ValueChangeMode.LAZY);
        narrow.setClearButtonVisible(true);
        band.setLabel(getTranslation("compare.funnel-column"));
        band.setItems("outside95", "outside998");
        band.setItemLabelGenerator(b -> b == null ? getTranslation("compare.any-band") : getTranslation("compare.band." + b));
        band.setEmptySelectionAllowed(true);
        band.setEmptySelectionCaption(getTranslation("compare.any-band"));
        narrow.addValueChangeListener(e -> narrowed("q", e.getValue()));
        band.addValueChangeListener(e -> narrowed("band", e.getValue()));
        HorizontalLayout layout = new HorizontalLayout(narrow, band);
        layout.setWrap(true);
        return layout;
    }

    private void narrowed(String parameter, String value) {
        if (!reading) {
            SortLink.replace(getUI().orElse(null), parameter, value);
        }
        if (shown == null) {
            return; // nothing listed yet: the filter is applied once the agencies are
        }
        String text = narrow.getValue() == null ? "" : narrow.getValue().strip();
        String chosenBand = band.getValue();
        ranking.getListDataView().setFilter(c -> (text.isEmpty() || c.figures().agency().contains(text))
                && (chosenBand == null || (chosenBand.equals("outside998") ? c.point().outside998() : c.point().outside95())));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        filters.read(event.getLocation().getQueryParameters());
        reading = true;
        try {
            List<Long> ids = Arrays.stream(UrlParameters.text(params, "agencies", "").split(",")).map(CompareView::parseId)
                    .filter(Objects::nonNull).limit(MAX_SIDE_BY_SIDE).toList();
            chosen.setValue(chosen.getListDataView().getItems().filter(a -> ids.contains(a.id()))
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
            metric.setValue(Metric.ofCode(UrlParameters.text(params, "metric", "")).filter(Metric::isRate).orElse(Metric.DISCLOSURE_RATE));
            year.setValue(UrlParameters.integer(params, "year", 2024));
            minN.setValue(UrlParameters.integer(params, "min_n", PeerPercentiles.DEFAULT_MIN_N));
            narrow.setValue(UrlParameters.text(params, "q", ""));
            String b = UrlParameters.text(params, "band", "");
            band.setValue(List.of("outside95", "outside998").contains(b) ? b : null);
            show(analytics.compare(metric.getValue(), Scope.parse(filters.scope()), year.getValue(), minN.getValue()));
            SortLink.apply(ranking, params);
        } finally {
            reading = false;
        }
        showSideBySide();
    }

    /** The chosen agencies' values of the metric over the filter's years, one line each. */
    private void showSideBySide() {
        List<AgencyChoice> agencies = List.copyOf(chosen.getValue());
        sideBySide.setVisible(agencies.size() >= 2);
        dossier.removeAll();
        if (agencies.size() >= 2 && agencies.size() <= Dossiers.MAX_AGENCIES) {
            boolean english = Language.english();
            List<Long> ids = agencies.stream().map(AgencyChoice::id).toList();
            dossier.add(DownloadLinks.dossier(getTranslation("dossier.comparison-label"), () -> dossiers.comparison(ids, english), dossiers));
        } else if (agencies.size() > Dossiers.MAX_AGENCIES) {
            dossier.add(new Span(getTranslation("dossier.too-many", Dossiers.MAX_AGENCIES)));
        }
        if (agencies.size() < 2) {
            return;
        }
        List<Integer> years = IntStream.rangeClosed(filters.from(), filters.to()).boxed().toList();
        LineData data = new LineData().setLabels(years.stream().map(String::valueOf).toList());
        List<List<Object>> rows = DataTable.yearRows(years);
        List<String> columns = new ArrayList<>(List.of(getTranslation("common.year")));
        for (int i = 0; i < agencies.size(); i++) {
            var series = analytics.levels(metric.getValue(), new Scope.Agencies(List.of(agencies.get(i).id())), filters.from(),
                    filters.to());
            Number[] values = years.stream().map(series::valueIn).map(v -> v == null ? null : v * 100).toArray(Number[]::new);
            LineDataset line = new LineDataset().setLabel(agencies.get(i).name()).setBorderColor(Palette.series(i))
                    .setBackgroundColor(Palette.series(i)).setSpanGaps(false);
            line.setData(values);
            data.addDataset(line);
            columns.add(agencies.get(i).name());
            DataTable.addColumn(rows, values);
        }
        sideBySide.setTitle(getTranslation("compare.side-by-side") + ": " + MetricNames.of(metric.getValue()) + " (%)",
                MetricNames.definition(metric.getValue()));
        sideBySide.show(new LineChart(data), false, new DataTable(getTranslation("compare.side-by-side"), columns, rows));
    }

    private static Long parseId(String s) {
        try {
            return Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void navigate() {
        if (reading || metric.getValue() == null || year.getValue() == null || minN.getValue() == null) {
            return;
        }
        if (chosen.getValue().size() > MAX_SIDE_BY_SIDE) {
            Notification.show(getTranslation("compare.too-many", MAX_SIDE_BY_SIDE), 3000, Notification.Position.MIDDLE);
            return;
        }
        Map<String, List<String>> params = new LinkedHashMap<>(UI.getCurrent().getInternals().getActiveViewLocation()
                .getQueryParameters().getParameters());
        params.put("metric", List.of(metric.getValue().code()));
        params.put("year", List.of(String.valueOf(year.getValue())));
        params.put("min_n", List.of(String.valueOf(minN.getValue())));
        params.put("agencies", List.of(chosen.getValue().stream().map(a -> String.valueOf(a.id()))
                .collect(Collectors.joining(","))));
        UI.getCurrent().navigate(CompareView.class, new QueryParameters(params));
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
        shown = comparison;
        ranking.setItems(comparison.agencies());
        narrowed("q", narrow.getValue());
        find.setItems(comparison.agencies());
        long outside = comparison.agencies().stream().filter(c -> c.point().outside998()).count();
        drawn = FunnelSample.of(comparison.agencies(), MAX_DRAWN);
        funnel.setContext(filters.scopeLabel(), String.valueOf(comparison.year()));
        summary.setText(getTranslation("compare.summary", comparison.agencies().size(),
                "%.1f%%".formatted(comparison.funnel().pooledRate() * 100), outside, comparison.percentiles() == null
                        ? getTranslation("compare.none-ranked", comparison.minN()) : "")
                + (drawn.notDrawn() == 0 ? "" : " " + getTranslation("compare.thinned", drawn.points().size(), drawn.notDrawn())));
        funnel.show(funnelChart(comparison, drawn, null), false, table(comparison), funnelMeta(drawn, null));
        funnel.onPointClick(e -> {
            List<Compared> points = drawn.points();
            if (e.datasetIndex() == 0 && e.index() < points.size()) {
                UI.getCurrent().navigate("reports/" + points.get(e.index()).figures().agencyId() + "/" + comparison.year());
            }
        });
    }

    /** Points a browser draws at once; a larger peer group is thinned inside its limits (see {@link FunnelSample}). */
    private static final int MAX_DRAWN = 3_000;

    /** Puts the agency found on top of the funnel, in red, and selects its row in the ranking. */
    private void highlight(Compared agency) {
        if (shown == null || shown.funnel() == null) {
            return;
        }
        funnel.show(funnelChart(shown, drawn, agency), false, table(shown), funnelMeta(drawn, agency));
        if (agency != null) {
            ranking.select(agency);
            ranking.scrollToItem(agency);
        }
    }

    /** Tooltip lines naming each agency with its rate, cases and limits; each limit once in the legend. */
    private static ChartMeta funnelMeta(FunnelSample.Drawn drawn, Compared found) {
        Map<Integer, List<String>> lines = new HashMap<>();
        lines.put(0, drawn.points().stream().map(CompareView::tooltip).toList());
        if (found != null) {
            lines.put(5, List.of(tooltip(found)));
        }
        return new ChartMeta("%", lines, true, Labels.text("compare.funnel"));
    }

    private static String tooltip(Compared c) {
        Funnel.Point p = c.point();
        return Labels.text("compare.tooltip", c.figures().agency(), "%.1f".formatted(p.rate() * 100), p.unit().events(), p.unit().n(),
                "%.1f".formatted(p.lower95() * 100), "%.1f".formatted(p.upper95() * 100), "%.1f".formatted(p.lower998() * 100),
                "%.1f".formatted(p.upper998() * 100));
    }

    /**
     * Cases on a logarithmic axis (peer groups range from a handful of cases to thousands), the
     * rate in per cent, the 95 % and 99.8 % limits as curves, and the agency found, if any, on top.
     */
    private static ScatterChart funnelChart(Comparison comparison, FunnelSample.Drawn drawn, Compared found) {
        Funnel f = comparison.funnel();
        ScatterDataset agencies = new ScatterDataset().setLabel(Labels.text("compare.agencies")).setBackgroundColor(Palette.BLUE).setBorderColor(Palette.BLUE);
        agencies.setData(drawn.points().stream()
                .map(c -> new ScatterDataPoint(c.point().unit().n(), c.point().rate() * 100)).toList());
        ScatterData data = new ScatterData().addDataset(agencies);
        long maxN = comparison.agencies().stream().mapToLong(c -> c.point().unit().n()).max().orElse(1);
        // lower and upper limit of a band share one label, which the legend shows once
        String[][] bands = {{Labels.text("compare.limits95"), Palette.ORANGE}, {Labels.text("compare.limits95"), Palette.ORANGE},
                {Labels.text("compare.limits998"), Palette.RED}, {Labels.text("compare.limits998"), Palette.RED}};
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
        if (found != null) {
            ScatterDataset mark = new ScatterDataset().setLabel(found.figures().agency()).setBackgroundColor(Palette.RED)
                    .setBorderColor(Palette.BLACK);
            mark.setPointRadius(List.of(8));
            mark.setData(List.of(new ScatterDataPoint(found.point().unit().n(), found.point().rate() * 100)));
            data.addDataset(mark);
        }
        return new ScatterChart(data, new LineOptions().setScales(Axes.funnel(Labels.text("compare.cases-log"))));
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

    @Override
    public String getPageTitle() {
        return getTranslation("nav.compare") + " · " + getTranslation("shell.product");
    }
}
