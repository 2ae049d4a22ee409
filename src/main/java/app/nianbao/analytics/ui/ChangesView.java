package app.nianbao.analytics.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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

import app.nianbao.analytics.AnalyticsService;
import app.nianbao.analytics.AnalyticsService.Contribution;
import app.nianbao.analytics.AnalyticsService.Point;
import app.nianbao.analytics.AnalyticsService.Presence;
import app.nianbao.analytics.Kpi;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.export.DataTable;
import app.nianbao.shell.ui.Labels;
import app.nianbao.shell.ui.Language;
import app.nianbao.shell.ui.UrlParameters;

/**
 * 变化来源: what a year's change of a metric in a scope is made of — the level of both years,
 * the like-for-like change over the agencies in both, and every agency with its two values and
 * its share of the whole change, largest first, entering and leaving agencies marked.
 */
@Route("changes")
@RolesAllowed("VIEWER")
class ChangesView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final AnalyticsService analytics;
    private final H2 title = new H2();
    private final Paragraph level = new Paragraph();
    private final Paragraph panel = new Paragraph();
    private final Grid<Contribution> grid = new Grid<>();
    private final Div empty = new Div();
    private int year;

    ChangesView(AnalyticsService analytics) {
        this.analytics = analytics;
        addClassName("view");
        level.addClassName("change-level");
        panel.addClassName("change-panel");
        empty.addClassName("empty-state");
        add(title, level, panel, grid(), empty);
    }

    /** Opens the decomposition of a year in a scope; one agency's year opens its report instead. */
    static void open(UI ui, String scope, Metric metric, int year) {
        if (scope.startsWith("agency:") && !scope.contains(",")) {
            ui.navigate("reports/" + scope.substring("agency:".length()) + "/" + year);
            return;
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("metric", List.of(metric.code()));
        params.put("year", List.of(String.valueOf(year)));
        params.put("scope", List.of(scope));
        ui.navigate(ChangesView.class, new QueryParameters(params));
    }

    private Grid<Contribution> grid() {
        grid.addColumn(Contribution::agency).setHeader(getTranslation("common.agency")).setAutoWidth(true).setFlexGrow(3);
        grid.addComponentColumn(ChangesView::presence).setHeader(getTranslation("changes.presence"));
        grid.addColumn(c -> DataTable.formatted(c.previous())).setHeader(getTranslation("changes.previous"));
        grid.addColumn(c -> DataTable.formatted(c.current())).setHeader(getTranslation("changes.current"));
        grid.addColumn(c -> DataTable.signed(c.delta())).setHeader(getTranslation("changes.delta"));
        grid.addColumn(c -> c.share() == null ? "—" : "%+.1f%%".formatted(c.share() * 100)).setHeader(getTranslation("changes.share"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("60vh");
        // an agency that left has its report in the year before
        grid.addItemClickListener(e -> UI.getCurrent().navigate("reports/" + e.getItem().agencyId() + "/"
                + (e.getItem().presence() == Presence.LEFT ? year - 1 : year)));
        return grid;
    }

    private static Span presence(Contribution c) {
        Span badge = new Span(Labels.text("changes." + c.presence().name().toLowerCase(Locale.ROOT)));
        badge.getElement().getThemeList().add("badge pill " + (c.presence() == Presence.ENTERED ? "success"
                : c.presence() == Presence.LEFT ? "error" : "contrast"));
        return badge;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        Metric metric = Metric.ofCode(UrlParameters.text(params, "metric", "")).orElse(Metric.NEW_APPLICATIONS);
        year = UrlParameters.integer(params, "year", 2024);
        String written = UrlParameters.text(params, "scope", "all");
        Scope scope = Scope.parse(written);
        title.setText(getTranslation("changes.title", MetricNames.of(metric), String.valueOf(year - 1), String.valueOf(year)));
        // both years in one series: the level of each and the panel change into the later
        var series = analytics.series(metric, scope, year - 1, year);
        Point point = series.points().stream().filter(p -> p.year() == year && p.reports() > 0).findFirst().orElse(null);
        Double before = series.valueIn(year - 1);
        level.setText(point == null ? getTranslation("changes.no-reports", String.valueOf(year))
                : getTranslation("changes.level", String.valueOf(year - 1), DataTable.formatted(before), String.valueOf(year), DataTable.formatted(point.value()), point.reports()));
        panel.setText(point == null ? "" : Kpi.changeSentence(metric, point.change(), Language.english()));
        int total = analytics.contributions(metric, scope, year, 0, 1).agencies();
        grid.setItems(query -> analytics.contributions(metric, scope, year, query.getOffset(), query.getLimit()).rows().stream(),
                query -> total);
        grid.setVisible(total > 0);
        empty.setVisible(total == 0);
        empty.setText(getTranslation("changes.empty"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.changes") + " · " + getTranslation("shell.product");
    }
}
