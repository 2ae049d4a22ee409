package app.nianbao.report.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import app.nianbao.report.ReportService;
import app.nianbao.report.ReportService.ReportSummary;

/** 报告: every stored report, searchable, each opening its page. */
@Route("reports")
@RolesAllowed("VIEWER")
class ReportsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final ReportService reports;
    private final Grid<ReportSummary> grid = new Grid<>();
    private final Div empty = new Div();
    private final TextField search = new TextField();

    ReportsView(ReportService reports) {
        this.reports = reports;
        addClassName("view");
        setSizeFull();
        add(new H2(getTranslation("nav.reports")), search(), grid(), empty);
    }

    /** A link such as /reports?q=2024 (a chart's drill-down) opens the list already searched. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String q = event.getLocation().getQueryParameters().getSingleParameter("q").orElse("");
        if (search.getValue().equals(q)) {
            refresh(q);
        } else {
            search.setValue(q); // its listener refreshes
        }
    }

    private TextField search() {
        search.setPlaceholder(getTranslation("reports.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh(e.getValue()));
        search.setWidth("24em");
        return search;
    }

    private Grid<ReportSummary> grid() {
        // pages come from the store in a fixed order (newest year, then agency), so columns do not sort
        grid.addColumn(ReportSummary::agency).setHeader(getTranslation("common.agency")).setAutoWidth(true).setFlexGrow(3);
        grid.addColumn(ReportSummary::year).setHeader(getTranslation("common.year"));
        grid.addColumn(ReportSummary::template).setHeader(getTranslation("common.template"));
        grid.addColumn(ReportSummary::format).setHeader(getTranslation("common.format"));
        grid.addComponentColumn(ReportsView::score).setHeader(getTranslation("common.score"));
        grid.addColumn(ReportSummary::errors).setHeader(getTranslation("common.errors"));
        grid.addColumn(ReportSummary::warnings).setHeader(getTranslation("common.warnings"));
        grid.addColumn(ReportSummary::version).setHeader(getTranslation("common.version"));
        grid.addColumn(r -> ReportView.publishedText(r)).setHeader(getTranslation("publication.published")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> ReportView.open(e.getItem().agencyId(), e.getItem().year()));
        grid.setHeight("70vh");
        return grid;
    }

    static Span score(ReportSummary report) {
        Span badge = new Span(String.valueOf(report.score()));
        badge.getElement().getThemeList().add("badge pill " + (report.score() >= 90 ? "success" : report.score() >= 60 ? "" : "error"));
        return badge;
    }

    private void refresh(String query) {
        int total = reports.countCurrent(query);
        grid.setItems(page -> reports.page(query, page.getOffset(), page.getLimit()).stream(), page -> total);
        boolean none = total == 0;
        grid.setVisible(!none);
        empty.setVisible(none);
        empty.setText(query == null || query.isBlank()
                ? getTranslation("reports.empty")
                : getTranslation("reports.no-match", query));
        empty.addClassName("empty-state");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.reports") + " · " + getTranslation("shell.product");
    }
}
