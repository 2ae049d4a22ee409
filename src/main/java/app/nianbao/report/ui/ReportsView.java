package app.nianbao.report.ui;

import jakarta.annotation.security.RolesAllowed;

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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import app.nianbao.report.ReportService;
import app.nianbao.report.ReportService.ReportSummary;

/** 报告: every stored report, searchable, each opening its page. */
@Route("reports")
@RolesAllowed("VIEWER")
@PageTitle("报告 · 年报 Nianbao")
class ReportsView extends Main implements BeforeEnterObserver {

    private final ReportService reports;
    private final Grid<ReportSummary> grid = new Grid<>();
    private final Div empty = new Div();
    private final TextField search = new TextField();

    ReportsView(ReportService reports) {
        this.reports = reports;
        addClassName("view");
        setSizeFull();
        add(new H2("报告"), search(), grid(), empty);
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
        search.setPlaceholder("按机构名称或年度搜索");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh(e.getValue()));
        search.setWidth("24em");
        return search;
    }

    private Grid<ReportSummary> grid() {
        // pages come from the store in a fixed order (newest year, then agency), so columns do not sort
        grid.addColumn(ReportSummary::agency).setHeader("机构").setAutoWidth(true).setFlexGrow(3);
        grid.addColumn(ReportSummary::year).setHeader("年度");
        grid.addColumn(ReportSummary::template).setHeader("模板");
        grid.addColumn(ReportSummary::format).setHeader("格式");
        grid.addComponentColumn(ReportsView::score).setHeader("质量分");
        grid.addColumn(ReportSummary::errors).setHeader("错误");
        grid.addColumn(ReportSummary::warnings).setHeader("警告");
        grid.addColumn(ReportSummary::version).setHeader("版本");
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
                ? "还没有数据：请导入年报（java -jar target/nianbao.jar import 文件或文件夹）"
                : "没有与「" + query + "」匹配的报告");
        empty.addClassName("empty-state");
    }
}
