package app.nianbao.analytics.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import software.xdev.chartjs.model.charts.LineChart;
import software.xdev.chartjs.model.data.LineData;
import software.xdev.chartjs.model.dataset.LineDataset;
import software.xdev.chartjs.model.options.LegendOptions;
import software.xdev.chartjs.model.options.LineOptions;
import software.xdev.chartjs.model.options.Plugins;
import software.xdev.chartjs.model.options.scale.Scales;
import software.xdev.chartjs.model.options.scale.cartesian.category.CategoryScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.linear.LinearScaleOptions;

import app.nianbao.agency.AgencyService;
import app.nianbao.agency.GroupService;
import app.nianbao.analytics.AnalyticsService;
import app.nianbao.analytics.AnalyticsService.Point;
import app.nianbao.analytics.Kpi;
import app.nianbao.analytics.PublicationRegister;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.export.Palette;
import app.nianbao.shell.ui.Chart;
import app.nianbao.shell.ui.Language;

/** 总览: the headline figures of the scope's latest year, each with its change and a sparkline. */
@Route("")
@RolesAllowed("VIEWER")
class OverviewView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final List<Metric> KPIS = List.of(Metric.NEW_APPLICATIONS, Metric.DISCLOSURE_RATE, Metric.REVIEWS,
            Metric.LAWSUITS, Metric.CORRECTION_RATE);

    private final AnalyticsService analytics;
    private final PublicationRegister register;
    private final FilterBar filters;
    private final Div cards = new Div();
    private final Div empty = new Div();
    private final Div coverage = new Div();

    OverviewView(AnalyticsService analytics, PublicationRegister register, AgencyService agencies, GroupService groups) {
        this.analytics = analytics;
        this.register = register;
        this.filters = new FilterBar(agencies.choices(), analytics.reportingYears(), groups, OverviewView.class);
        addClassName("view");
        cards.addClassName("kpi-cards");
        empty.addClassName("empty-state");
        coverage.addClassName("roll-up-note");
        add(new H2(getTranslation("nav.overview")), filters, coverage, empty, cards);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filters.read(event.getLocation().getQueryParameters());
        Scope scope = Scope.parse(filters.scope());
        List<Kpi> kpis = analytics.latestChange(KPIS, scope, filters.from(), filters.to()).stream().map(Kpi::of).toList();
        boolean none = kpis.stream().allMatch(k -> k.history().isEmpty());
        empty.setVisible(none);
        empty.setText(getTranslation("overview.empty"));
        cards.removeAll();
        coverage.removeAll();
        if (!none) {
            kpis.forEach(k -> cards.add(card(k)));
            publicationCard(scope).ifPresent(cards::add);
            showCoverage(scope, kpis);
        }
    }

    /** Who joined or left the totals in the cards' years, named, instead of a general warning. */
    private void showCoverage(Scope scope, List<Kpi> kpis) {
        kpis.stream().map(Kpi::year).filter(Objects::nonNull).distinct().sorted()
                .map(year -> analytics.coverage(scope, year, year).get(year)).filter(Objects::nonNull)
                .forEach(c -> coverage.add(new Paragraph(AnalysisView.coverageNote(c))));
        coverage.setVisible(coverage.getComponentCount() > 0);
    }

    private Div card(Kpi kpi) {
        Span name = new Span(MetricNames.of(kpi.metric()));
        name.addClassName("kpi-name");
        name.getElement().setAttribute("title", MetricNames.definition(kpi.metric()));
        Span value = new Span(kpi.formatted());
        value.addClassName("kpi-value");
        Span when = new Span(kpi.year() == null ? getTranslation("overview.no-data")
                : getTranslation("overview.when", String.valueOf(kpi.year()), kpi.latest().reports()) + excluded(kpi));
        when.addClassName("kpi-when");
        Span change = new Span(kpi.change(Language.english()));
        change.addClassName("kpi-change");
        Chart sparkline = new Chart().staticPicture(getTranslation("overview.sparkline", MetricNames.of(kpi.metric())));
        sparkline.setHeight("60px");
        sparkline.show(sparkline(kpi.history(), kpi.metric()), false);
        Div card = new Div(name, value, when, change, sparkline);
        card.addClassName("kpi-card");
        card.getElement().setAttribute("data-metric", kpi.metric().code());
        if (kpi.year() != null) {
            // a card opens what its change is made of, agency by agency
            card.addClickListener(e -> getUI().ifPresent(ui -> ChangesView.open(ui, filters.scope(), kpi.metric(), kpi.year())));
            card.getElement().setAttribute("tabindex", "0");
            card.getElement().setAttribute("role", "link");
        }
        return card;
    }

    /**
     * 按时发布率 of the latest year that can be judged, with the years before as a sparkline; no
     * change is given, as the agencies judged differ from year to year. It opens 发布情况.
     */
    private Optional<Div> publicationCard(Scope scope) {
        List<PublicationRegister.YearSummary> years = register.summary(scope, filters.from(), filters.to(),
                LocalDate.now()).stream().filter(y -> y.onTimeRate() != null).toList();
        if (years.isEmpty()) {
            return Optional.empty();
        }
        var latest = years.get(years.size() - 1);
        Span name = new Span(getTranslation("publication.rate.card"));
        name.addClassName("kpi-name");
        name.getElement().setAttribute("title", getTranslation("publication.rate.definition"));
        Span value = new Span("%.1f%%".formatted(latest.onTimeRate() * 100));
        value.addClassName("kpi-value");
        Span when = new Span(getTranslation("publication.rate.when", String.valueOf(latest.year()),
                latest.onTime() + latest.late() + latest.missing(), latest.noDate()));
        when.addClassName("kpi-when");
        Chart sparkline = new Chart().staticPicture(getTranslation("overview.sparkline", getTranslation("publication.rate.card")));
        sparkline.setHeight("60px");
        LineDataset line = new LineDataset().setLabel(getTranslation("publication.rate.card")).setBorderColor(Palette.GREEN)
                .setBackgroundColor(Palette.GREEN);
        line.setData(years.stream().map(y -> (Number) (y.onTimeRate() * 100)).toArray(Number[]::new));
        sparkline.show(new LineChart(new LineData().setLabels(years.stream().map(y -> String.valueOf(y.year())).toList()).addDataset(line),
                sparklineOptions()), false);
        Div card = new Div(name, value, when, sparkline);
        card.addClassName("kpi-card");
        card.getElement().setAttribute("data-metric", "on_time_rate");
        card.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PublicationView.class,
                QueryParameters.simple(Map.of("scope", filters.scope(),
                        "from", String.valueOf(filters.from()), "to", String.valueOf(filters.to()))))));
        card.getElement().setAttribute("tabindex", "0");
        card.getElement().setAttribute("role", "link");
        return Optional.of(card);
    }

    /** Reports left out of the latest year for blank cells, said on the card so the total is not taken as complete. */
    private String excluded(Kpi kpi) {
        int left = kpi.latest().excludedReports();
        return left == 0 ? "" : getTranslation("overview.excluded", left);
    }

    private static LineChart sparkline(List<Point> history, Metric metric) {
        LineDataset line = new LineDataset().setLabel(MetricNames.of(metric)).setBorderColor(Palette.BLUE).setBackgroundColor(Palette.BLUE);
        line.setData(history.stream().map(Point::value).toArray(Number[]::new));
        return new LineChart(new LineData().setLabels(history.stream().map(p -> String.valueOf(p.year())).toList())
                .addDataset(line), sparklineOptions());
    }

    /** A sparkline: no legend, no axes, from zero. */
    private static LineOptions sparklineOptions() {
        return new LineOptions()
                .setPlugins(new Plugins().setLegend(new LegendOptions().setDisplay(false)))
                .setScales(new Scales().addScale(Scales.ScaleAxis.X, new CategoryScaleOptions().setDisplay(false))
                        .addScale(Scales.ScaleAxis.Y, new LinearScaleOptions().setDisplay(false).setBeginAtZero(true)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.overview") + " · " + getTranslation("shell.product");
    }
}
