package app.nianbao.analytics.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

import app.nianbao.agency.AgencyService;
import app.nianbao.agency.GroupService;
import app.nianbao.analytics.AnalyticsService;
import app.nianbao.analytics.AnalyticsService.Series;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.shell.ui.ChartCard;
import app.nianbao.shell.ui.Labels;

/**
 * What the year-series views share: a title, the URL filter bar, the content, and an empty state
 * that says what to do when the filters leave no data. Subclasses only draw.
 */
abstract class AnalysisView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    protected final AnalyticsService analytics;
    protected final FilterBar filters;
    private final String titleKey;
    private final Div empty = new Div();
    private final Div coverage = new Div();
    private final Div content = new Div();

    private final ChartNotes notes;

    AnalysisView(String titleKey, AnalyticsService analytics, AgencyService agencies, GroupService groups, ChartNotes notes,
                 Class<? extends Component> route) {
        this.analytics = analytics;
        this.notes = notes;
        this.titleKey = titleKey;
        this.filters = new FilterBar(agencies.choices(), analytics.reportingYears(), groups, route);
        addClassName("view");
        empty.setText(getTranslation("empty.no-data"));
        empty.addClassName("empty-state");
        coverage.addClassName("roll-up-note");
        add(new H2(getTranslation(titleKey)), filters, coverage, empty, content);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · " + getTranslation("shell.product");
    }

    /** Adds the parts the view draws into; they are hidden together when there is no data. */
    protected void addContent(Component... parts) {
        content.add(parts);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filters.read(event.getLocation().getQueryParameters());
        Scope scope = Scope.parse(filters.scope());
        notes.clear();
        boolean shown = render(scope);
        String years = filters.from() + "-" + filters.to();
        cards(content).forEach(card -> card.setContext(filters.scopeLabel(), years));
        if (shown) {
            showNotes();
        }
        empty.setVisible(!shown);
        content.setVisible(shown);
        showCoverage(shown ? scope : null);
    }

    /** Every chart card the view drew, however deep in its layout. */
    private static Stream<ChartCard> cards(Component parent) {
        return parent.getChildren().flatMap(child -> child instanceof ChartCard card ? Stream.of(card) : cards(child));
    }

    /**
     * Where a click on a year leads: that agency's report when one agency is chosen, otherwise
     * what changed that year in the scope, agency by agency, for the chart's metric.
     */
    protected void drillTo(int year, Metric metric) {
        getUI().ifPresent(ui -> ChangesView.open(ui, filters.scope(), metric, year));
    }

    /** Makes every chart of a card open what lies behind a clicked year (labels are the years); the metric's notes go on it. */
    protected void drillByYear(ChartCard card, List<Integer> years, Metric metric) {
        card.onPointClick(click -> drillTo(years, click.index(), metric));
        annotate(card, years, metric);
    }

    /** The card draws these metrics over these label years: the analysts' notes on them are shown on it. */
    protected void annotate(ChartCard card, List<Integer> years, Metric... metrics) {
        notes.drawn(card, years, metrics);
    }

    /** The notes on what the cards drew, again after one is written. */
    private void showNotes() {
        notes.show(filters, this::showNotes);
    }

    /** Opens what lies behind the year at a label index, if there is one. */
    protected void drillTo(List<Integer> years, int index, Metric metric) {
        if (index >= 0 && index < years.size()) {
            drillTo(years.get(index), metric);
        }
    }

    /**
     * The years as axis labels, each year whose reporting agencies differ from the year before
     * marked with how many joined and left ("2024 (+1)"), so that a jump is never read without it.
     */
    protected static List<String> yearLabels(Series series) {
        return series.points().stream().map(p -> p.coverageChanged() ? "%d (%s)".formatted(p.year(), joinedLeft(p.agenciesEntered(),
                p.agenciesLeft())) : String.valueOf(p.year())).toList();
    }

    private static String joinedLeft(int entered, int left) {
        return entered > 0 && left > 0 ? "+%d/−%d".formatted(entered, left) : entered > 0 ? "+" + entered : "−" + left;
    }

    /**
     * Once per view, above its charts, a line per year whose reporting agencies changed
     * ("2024 年：+1 个机构（淮安市人民政府）"): the marks on the axes say where, this says who.
     */
    private void showCoverage(Scope scope) {
        coverage.removeAll();
        List<String> lines = scope == null ? List.of()
                : analytics.coverage(scope, filters.from(), filters.to()).values().stream().map(AnalysisView::coverageNote).toList();
        if (!lines.isEmpty()) {
            // a short list is shown; a long one folds under a summary of its years so the charts stay in view
            Details details = new Details(
                    getTranslation("coverage.summary", lines.size()));
            lines.forEach(line -> details.add(new Paragraph(line)));
            details.setOpened(lines.size() <= 2);
            coverage.add(details);
        }
        coverage.setVisible(!lines.isEmpty());
    }

    static String coverageNote(AnalyticsService.Coverage c) {
        List<String> parts = new ArrayList<>();
        if (c.entered() > 0) {
            parts.add(Labels.text("coverage.entered", c.entered(), names(c.enteredNames(), c.entered())));
        }
        if (c.left() > 0) {
            parts.add(Labels.text("coverage.left", c.left(), names(c.leftNames(), c.left())));
        }
        return Labels.text("coverage.year", String.valueOf(c.year()), String.join(Labels.text("coverage.separator"), parts));
    }

    private static String names(List<String> names, int count) {
        String shown = String.join(Labels.text("coverage.separator"), names);
        return count > names.size() ? Labels.text("coverage.more", shown) : shown;
    }

    /** Draws the view for the scope and the filter's years; false when there is nothing to draw. */
    protected abstract boolean render(Scope scope);
}
