package app.nianbao.report.ui;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import app.nianbao.figures.Cell;
import app.nianbao.report.ReportService;
import app.nianbao.report.ReportService.ReportDetail;
import app.nianbao.report.ReportService.StoredFinding;
import app.nianbao.report.ReviewStatus;
import app.nianbao.security.Role;

/**
 * One report: its tables as the template prints them, its findings with review, the source
 * text beside it (a click on a cell shows the line it came from), and its versions.
 */
@Route("reports/:agencyId/:year")
@RolesAllowed("VIEWER")
class ReportView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReportService reports;
    private String title = "报告 · 年报 Nianbao";
    private long agencyId;
    private int year;

    private final String reviewer;

    ReportView(ReportService reports, AuthenticationContext authentication) {
        this.reports = reports;
        // reviewing findings is an analyst's work; viewers see the reviews but cannot change them
        this.reviewer = authentication.hasRole(Role.ANALYST.name()) ? authentication.getPrincipalName().orElse(null) : null;
        addClassName("view");
    }

    static void open(long agencyId, int year) {
        UI.getCurrent().navigate(ReportView.class,
                new RouteParameters(java.util.Map.of("agencyId", String.valueOf(agencyId), "year", String.valueOf(year))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> agency = event.getRouteParameters().getLong("agencyId");
        Optional<Integer> y = event.getRouteParameters().getInteger("year");
        agencyId = agency.orElse(-1L);
        year = y.orElse(-1);
        render();
    }

    private void render() {
        removeAll();
        Optional<ReportDetail> detail = reports.detail(agencyId, year);
        if (detail.isEmpty()) {
            add(new H2("未找到该报告"), new RouterLink("返回报告列表", ReportsView.class));
            return;
        }
        show(detail.get());
    }

    private void show(ReportDetail detail) {
        var s = detail.summary();
        title = "%s %d · 年报 Nianbao".formatted(s.agency(), s.year());
        H2 heading = new H2();
        heading.setText("%s %d 年政府信息公开工作年度报告".formatted(s.agency(), s.year()));
        HorizontalLayout facts = new HorizontalLayout(ReportsView.score(s), fact("模板 " + s.template()),
                fact("格式 " + s.format()), fact("版本 " + s.version()), fact("错误 " + s.errors()), fact("警告 " + s.warnings()),
                legend());
        facts.setAlignItems(HorizontalLayout.Alignment.CENTER);
        SourcePanel source = new SourcePanel(detail.sourceText());
        TemplateTables tables = new TemplateTables(detail.figures(), cell -> showSource(source, cell));
        SplitLayout split = new SplitLayout(tables, withHeading("原文", source));
        split.setSplitterPosition(62);
        split.setWidthFull();
        add(new RouterLink("← 报告列表", ReportsView.class), heading, facts, split, findings(detail), versions(detail));
    }

    private static Span fact(String text) {
        Span span = new Span(text);
        span.getElement().getThemeList().add("badge contrast");
        return span;
    }

    private static Div legend() {
        Div legend = new Div();
        legend.addClassName("legend");
        for (String[] kind : new String[][]{{"repaired", "修复"}, {"inferred", "推断"}, {"blank", "空白/缺失"}}) {
            Span swatch = new Span(kind[1]);
            swatch.addClassName("legend-" + kind[0]);
            legend.add(swatch);
        }
        return legend;
    }

    private static Div withHeading(String heading, com.vaadin.flow.component.Component content) {
        Div div = new Div(new H3(heading), content);
        div.addClassName("source-column");
        return div;
    }

    private void showSource(SourcePanel source, Cell cell) {
        if (!source.highlight(cell.source())) {
            Notification.show("该单元格没有可定位的原文行 / no source line for this cell", 2500, Notification.Position.BOTTOM_START);
        }
    }

    private Div findings(ReportDetail detail) {
        Grid<StoredFinding> grid = new Grid<>();
        grid.addColumn(f -> f.finding().rule()).setHeader("规则").setWidth("5em").setFlexGrow(0);
        grid.addColumn(f -> f.finding().severity().code()).setHeader("级别").setWidth("6em").setFlexGrow(0);
        grid.addColumn(f -> f.finding().message()).setHeader("说明").setFlexGrow(5);
        grid.addColumn(f -> ReviewStatus.ofCode(f.reviewStatus()).zh() + (f.reviewComment() == null ? "" : "：" + f.reviewComment()))
                .setHeader("审核").setFlexGrow(2);
        if (reviewer != null) {
            grid.addComponentColumn(this::reviewActions).setKey("review").setHeader("").setWidth("16em").setFlexGrow(0);
        }
        grid.setItems(detail.findings().stream().filter(f -> f.finding().severity() != app.nianbao.figures.Severity.INFO
                || f.finding().rule().startsWith("P")).toList());
        grid.setAllRowsVisible(true);
        long hidden = detail.findings().stream().filter(f -> f.finding().severity() == app.nianbao.figures.Severity.INFO
                && !f.finding().rule().startsWith("P")).count();
        Div section = new Div(new H3("核对发现（%d）".formatted(detail.findings().size() - hidden)), grid);
        if (hidden > 0) {
            section.add(new Span("另有 %d 条规则因缺少数值无法核对（信息级）。".formatted(hidden)));
        }
        return section;
    }

    private HorizontalLayout reviewActions(StoredFinding finding) {
        TextField comment = new TextField();
        comment.setPlaceholder("备注");
        comment.setWidth("7em");
        Button confirm = new Button("确认", e -> review(finding, ReviewStatus.CONFIRMED, comment.getValue()));
        Button dismiss = new Button("排除", e -> review(finding, ReviewStatus.DISMISSED, comment.getValue()));
        confirm.addThemeVariants(ButtonVariant.LUMO_SMALL);
        dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(comment, confirm, dismiss);
    }

    private void review(StoredFinding finding, ReviewStatus status, String comment) {
        reports.review(finding.id(), status, comment, reviewer);
        Notification.show("已记录审核：" + status.zh(), 2000, Notification.Position.BOTTOM_START);
        render();
    }

    private Div versions(ReportDetail detail) {
        Grid<ReportService.ReportVersion> grid = new Grid<>();
        grid.addColumn(ReportService.ReportVersion::version).setHeader("版本").setWidth("6em").setFlexGrow(0);
        grid.addColumn(ReportService.ReportVersion::sourceName).setHeader("文件");
        grid.addColumn(v -> WHEN.format(v.importedAt())).setHeader("导入时间");
        grid.addColumn(v -> v.sha256().substring(0, 12)).setHeader("SHA-256");
        grid.setItems(detail.versions());
        grid.setAllRowsVisible(true);
        return new Div(new H3("版本历史"), grid);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
