package app.nianbao.report.ui;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import app.nianbao.catalog.AgencyLevel;
import app.nianbao.report.ReportService;
import app.nianbao.report.ReportService.ReportQuery;
import app.nianbao.report.ReportService.ReportSort;
import app.nianbao.report.ReportService.ReportSummary;
import app.nianbao.shell.ui.Labels;
import app.nianbao.shell.ui.SortLink;
import app.nianbao.shell.ui.UrlParameters;

/** 报告: every stored report, searchable, filtered by level and year, sortable, each opening its page. */
@Route("reports")
@RolesAllowed("VIEWER")
class ReportsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final ReportService reports;
    private final Grid<ReportSummary> grid = new Grid<>();
    private final Div empty = new Div();
    private final TextField search = new TextField(getTranslation("common.agency"));
    private final Select<AgencyLevel> level = new Select<>();
    private final IntegerField year = new IntegerField(getTranslation("common.year"));
    private final SortLink.Filters linked = new SortLink.Filters(this::refresh);

    ReportsView(ReportService reports) {
        this.reports = reports;
        addClassName("view");
        setSizeFull();
        add(new H2(getTranslation("nav.reports")), filters(), grid(), empty);
    }

    /**
     * A link such as /reports?q=2024 (a chart's drill-down) or /reports?level=CITY&sort=score
     * opens the list already filtered and sorted; what the user changes is written back to it.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        linked.read(() -> {
            search.setValue(UrlParameters.text(params, "q", ""));
            level.setValue(AgencyLevel.ofName(UrlParameters.text(params, "level", "")));
            int y = UrlParameters.integer(params, "year", 0);
            year.setValue(y == 0 ? null : y);
            SortLink.apply(grid, params);
        });
    }

    private Component filters() {
        search.setPlaceholder(getTranslation("reports.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("100%");
        search.setMaxWidth("20em");
        level.setLabel(getTranslation("agencies.level"));
        level.setItems(AgencyLevel.values());
        level.setItemLabelGenerator(l -> l == null ? getTranslation("reports.all-levels") : Labels.level(l));
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("reports.all-levels"));
        year.setClearButtonVisible(true);
        year.setWidth("8em");
        search.addValueChangeListener(e -> linked.changed(this, "q", e.getValue()));
        level.addValueChangeListener(e -> linked.changed(this, "level", e.getValue() == null ? null : e.getValue().name()));
        year.addValueChangeListener(e -> linked.changed(this, "year", e.getValue() == null ? null : String.valueOf(e.getValue())));
        return SortLink.filterRow(search, level, year);
    }

    private Grid<ReportSummary> grid() {
        sortable(grid.addColumn(ReportSummary::agency).setHeader(getTranslation("common.agency")).setAutoWidth(true).setFlexGrow(3),
                ReportSort.AGENCY);
        sortable(grid.addColumn(ReportSummary::year).setHeader(getTranslation("common.year")), ReportSort.YEAR);
        grid.addColumn(ReportSummary::template).setHeader(getTranslation("common.template"));
        sortable(grid.addColumn(ReportSummary::format).setHeader(getTranslation("common.format")), ReportSort.FORMAT);
        sortable(grid.addComponentColumn(ReportsView::score).setHeader(getTranslation("common.score")), ReportSort.SCORE);
        sortable(grid.addColumn(ReportSummary::errors).setHeader(getTranslation("common.errors")), ReportSort.ERRORS);
        sortable(grid.addColumn(ReportSummary::warnings).setHeader(getTranslation("common.warnings")), ReportSort.WARNINGS);
        sortable(grid.addColumn(ReportSummary::version).setHeader(getTranslation("common.version")), ReportSort.VERSION);
        sortable(grid.addColumn(r -> ReportView.publishedText(r)).setHeader(getTranslation("publication.published")).setAutoWidth(true),
                ReportSort.PUBLISHED);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> ReportView.open(e.getItem().agencyId(), e.getItem().year()));
        grid.setHeight("70vh");
        SortLink.keep(grid);
        return grid;
    }

    private static void sortable(Grid.Column<ReportSummary> column, ReportSort sort) {
        // wide enough for the header and its sort arrow in either language
        SortLink.sortable(column, sort).setAutoWidth(true);
    }

    static Span score(ReportSummary report) {
        Span badge = new Span(String.valueOf(report.score()));
        badge.getElement().getThemeList().add("badge pill " + (report.score() >= 90 ? "success" : report.score() >= 60 ? "" : "error"));
        return badge;
    }

    private void refresh() {
        ReportQuery filter = new ReportQuery(search.getValue(), level.getValue() == null ? null : level.getValue().name(), year.getValue(),
                null, false);
        int total = reports.countCurrent(filter);
        grid.setItems(page -> reports.page(sorted(filter, page.getSortOrders()), page.getOffset(), page.getLimit()).stream(),
                page -> total);
        boolean none = total == 0;
        grid.setVisible(!none);
        empty.setVisible(none);
        boolean filtered = !search.getValue().isBlank() || level.getValue() != null || year.getValue() != null;
        empty.setText(filtered ? getTranslation("reports.no-match", String.join(" · ", Stream.of(search.getValue(),
                        level.getValue() == null ? "" : Labels.level(level.getValue()), year.getValue() == null ? "" : String.valueOf(year.getValue()))
                .filter(part -> !part.isBlank()).toList())) : getTranslation("reports.empty"));
        empty.addClassName("empty-state");
    }

    private static ReportQuery sorted(ReportQuery filter, List<QuerySortOrder> orders) {
        SortLink.Sort sort = SortLink.Sort.of(orders);
        return sort == null ? filter : new ReportQuery(filter.search(), filter.level(), filter.year(), ReportSort.ofKey(sort.key()),
                sort.descending());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.reports") + " · " + getTranslation("shell.product");
    }
}
