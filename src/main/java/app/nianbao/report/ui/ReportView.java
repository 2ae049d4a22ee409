package app.nianbao.report.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePickerVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import app.nianbao.export.Dossiers;
import app.nianbao.figures.Cell;
import app.nianbao.figures.Finding;
import app.nianbao.figures.ReviewStatus;
import app.nianbao.figures.Severity;
import app.nianbao.report.Replaces;
import app.nianbao.report.ReportService;
import app.nianbao.report.ReportService.ReportDetail;
import app.nianbao.report.ReportService.StoredFinding;
import app.nianbao.security.Role;
import app.nianbao.shell.ui.DownloadLinks;
import app.nianbao.shell.ui.Labels;
import app.nianbao.shell.ui.Language;
import app.nianbao.shell.ui.TemplateTables;

/**
 * One report: its tables as the template prints them, its findings with review, the source
 * text beside it (a click on a cell shows the line it came from), and its versions.
 */
// ids and years are digits: anything else is an unknown page, not a NumberFormatException
@Route("reports/:agencyId([0-9]{1,18})/:year([0-9]{4})")
@RolesAllowed("VIEWER")
class ReportView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReportService reports;
    private String title = "";
    private long agencyId;
    private int year;

    private final String reviewer;

    private final Dossiers dossiers;

    ReportView(ReportService reports, AuthenticationContext authentication, Dossiers dossiers) {
        this.reports = reports;
        this.dossiers = dossiers;
        // reviewing findings is an analyst's work; viewers see the reviews but cannot change them
        this.reviewer = authentication.hasRole(Role.ANALYST.name()) ? authentication.getPrincipalName().orElse(null) : null;
        addClassName("view");
    }

    static void open(long agencyId, int year) {
        UI.getCurrent().navigate(ReportView.class,
                new RouteParameters(Map.of("agencyId", String.valueOf(agencyId), "year", String.valueOf(year))));
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
            add(new H2(getTranslation("report.not-found")), new RouterLink(getTranslation("report.back-to-list"), ReportsView.class));
            return;
        }
        show(detail.get());
    }

    private void show(ReportDetail detail) {
        var s = detail.summary();
        title = "%s %d · %s".formatted(s.agency(), s.year(), getTranslation("shell.product"));
        H2 heading = new H2();
        heading.setText(getTranslation("report.title", s.agency(), String.valueOf(s.year())));
        HorizontalLayout facts = new HorizontalLayout(ReportsView.score(s), fact(getTranslation("report.fact.template", s.template())),
                fact(getTranslation("report.fact.format", s.format())), fact(getTranslation("report.fact.version", s.version())),
                fact(counted("report.fact.errors", s.errors(), s.dismissed().errors()) + confirmed(detail, Severity.ERROR)),
                fact(counted("report.fact.warnings", s.warnings(), s.dismissed().warnings()) + confirmed(detail, Severity.WARNING)),
                fact(getTranslation("report.fact.published", publishedText(s))));
        marks(s).forEach(facts::add);
        facts.add(legend());
        boolean english = Language.english();
        facts.add(DownloadLinks.dossier(getTranslation("dossier.label"), () -> dossiers.agency(s.agencyId(), english), dossiers));
        if (reviewer != null) {
            facts.add(publishedEditor(s));
        }
        facts.setAlignItems(HorizontalLayout.Alignment.CENTER);
        facts.setWrap(true);
        SourcePanel source = new SourcePanel(detail.sourceText());
        ScanPanel scan = detail.scan().isEmpty() ? null : new ScanPanel(reports, s.reportId(), detail.scan());
        TabSheet sheet = scan == null ? null : scanAndText(scan, source);
        TemplateTables tables = new TemplateTables(detail.figures(), detail.scan().boxes(), cell -> showSource(source, scan, sheet, cell));
        SplitLayout split = new SplitLayout(tables, withHeading(getTranslation("report.source"), sheet == null ? source : sheet));
        split.setSplitterPosition(62);
        split.setWidthFull();
        stackedOnNarrowScreens(split);
        add(new RouterLink(getTranslation("report.back"), ReportsView.class), heading, facts, split,
                findings(detail, finding -> pointAt(finding, detail, tables, source, scan, sheet)), versions(detail, tables));
    }

    /**
     * On a phone the tables beside their source would be a character wide: the source goes under
     * them, each part scrolling in its share of a page taller than the screen.
     */
    private static void stackedOnNarrowScreens(SplitLayout split) {
        split.addAttachListener(attach -> {
            Page page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> orient(split, details.getWindowInnerWidth()));
            Registration resize = page.addBrowserWindowResizeListener(r -> orient(split, r.getWidth()));
            split.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    private static void orient(SplitLayout split, int windowWidth) {
        boolean narrow = windowWidth < 800;
        split.setOrientation(narrow ? SplitLayout.Orientation.VERTICAL : SplitLayout.Orientation.HORIZONTAL);
        split.setHeight(narrow ? "170vh" : null);
    }

    private static Span fact(String text) {
        Span span = new Span(text);
        span.getElement().getThemeList().add("badge contrast");
        return span;
    }

    /** The publication date with where it comes from, or a dash: "2024-03-08（网页元数据）". */
    static String publishedText(ReportService.ReportSummary s) {
        return s.published() == null ? "—" : Labels.text("report.published-with-source", s.published().on().toString(),
                Labels.text("publication.source." + s.published().source().code()));
    }

    /** What the collector saw at the source after publication, as warning badges. */
    private static List<Span> marks(ReportService.ReportSummary s) {
        return Labels.sourceMarks(s.marks().changedOn(), s.marks().withdrawnOn()).stream().map(ReportView::mark).toList();
    }

    private static Span mark(String text) {
        Span span = new Span(text);
        span.getElement().getThemeList().add("badge error");
        span.addClassName("source-mark");
        return span;
    }

    /** An analyst who knows the date (from the agency, from the page) enters it; it outranks every date read. */
    private HorizontalLayout publishedEditor(ReportService.ReportSummary s) {
        DatePicker date = new DatePicker();
        date.setAriaLabel(getTranslation("report.set-published"));
        date.setPlaceholder(getTranslation("report.set-published"));
        date.setMax(LocalDate.now());
        date.setMin(LocalDate.of(s.year() + 1, 1, 1));
        date.setWidth("11em");
        date.addThemeVariants(DatePickerVariant.LUMO_SMALL);
        Button set = new Button(getTranslation("report.set-published.save"), e -> {
            if (date.getValue() == null || date.isInvalid()) {
                Notification.show(getTranslation("report.set-published.invalid", String.valueOf(s.year() + 1)), 3000,
                        Notification.Position.MIDDLE);
                return;
            }
            reports.setPublished(s.reportId(), date.getValue());
            Notification.show(getTranslation("report.set-published.saved", date.getValue().toString()), 2000,
                    Notification.Position.BOTTOM_START);
            render();
        });
        set.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout editor = new HorizontalLayout(date, set);
        editor.setSpacing(false);
        editor.getStyle().set("gap", "0.25em");
        editor.addClassName("published-editor");
        return editor;
    }

    private static Div legend() {
        Div legend = new Div();
        legend.addClassName("legend");
        for (String kind : new String[]{"repaired", "inferred", "blank"}) {
            Span swatch = new Span(Labels.text("report.legend." + kind));
            swatch.addClassName("legend-" + kind);
            legend.add(swatch);
        }
        return legend;
    }

    private static Div withHeading(String heading, Component content) {
        Div div = new Div(new H3(heading), content);
        div.addClassName("source-column");
        return div;
    }

    /** A scan's source is its page images, where a cell's box is drawn, and the text OCR made of them. */
    private TabSheet scanAndText(ScanPanel scan, SourcePanel text) {
        TabSheet sheet = new TabSheet();
        sheet.add(getTranslation("report.scan.pages"), scan);
        sheet.add(getTranslation("report.scan.text"), text);
        sheet.setWidthFull();
        return sheet;
    }

    private void showSource(SourcePanel source, ScanPanel scan, TabSheet sheet, Cell cell) {
        boolean line = source.highlight(cell.source());
        if (scan != null && scan.show(cell)) {
            sheet.setSelectedIndex(0);
        } else if (!line) {
            Notification.show(getTranslation("report.no-source-line"), 2500, Notification.Position.BOTTOM_START);
        } else if (sheet != null) {
            sheet.setSelectedIndex(1);
        }
    }

    /** A finding chosen in the list: its cells marked in the tables, and the first one's line (or box) shown in the source. */
    private void pointAt(Finding finding, ReportDetail detail, TemplateTables tables, SourcePanel source, ScanPanel scan,
                         TabSheet sheet) {
        tables.mark(finding).map(code -> detail.figures().cell(code.table(), code.row(), code.col())).ifPresentOrElse(
                cell -> showSource(source, scan, sheet, cell),
                () -> Notification.show(getTranslation("report.finding-no-cell"), 2500, Notification.Position.BOTTOM_START));
    }

    private Div findings(ReportDetail detail, Consumer<Finding> onSelect) {
        Grid<StoredFinding> grid = new Grid<>();
        grid.addItemClickListener(e -> onSelect.accept(e.getItem().finding()));
        grid.addColumn(f -> f.finding().rule()).setHeader(getTranslation("common.rule")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(f -> Labels.severity(f.finding().severity().code())).setHeader(getTranslation("common.severity")).setAutoWidth(true)
                .setFlexGrow(0);
        // a message is a sentence or two: it wraps in its cell, and the whole of it is the cell's tooltip
        grid.addColumn(f -> Labels.finding(f.finding())).setHeader(getTranslation("common.message")).setFlexGrow(5)
                .setTooltipGenerator(f -> Labels.finding(f.finding()));
        grid.addColumn(ReportView::reviewText).setHeader(getTranslation("common.review")).setFlexGrow(2).setTooltipGenerator(ReportView::reviewText);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        if (reviewer != null) {
            // wide enough for the comment and both buttons in either language, never cut at the grid's edge
            grid.addComponentColumn(this::reviewActions).setKey("review").setHeader("").setWidth("22em").setFlexGrow(0);
        }
        grid.setItems(detail.findings().stream().filter(f -> f.finding().listed()).toList());
        grid.setAllRowsVisible(true);
        long hidden = detail.findings().stream().filter(f -> !f.finding().listed()).count();
        Div section = new Div(new H3(getTranslation("report.findings", detail.findings().size() - hidden)));
        if (reviewer != null && !grid.getListDataView().getItems().findAny().isEmpty()) {
            section.add(reviewByRule(detail));
        }
        section.add(grid);
        if (hidden > 0) {
            section.add(new Span(getTranslation("report.unevaluable", hidden)));
        }
        return section;
    }

    /** "警告 134（135 − 1 已排除）": what counts, and what the auditors' dismissals took away from what was found. */
    private String counted(String key, int counts, int dismissed) {
        String text = getTranslation(key, counts);
        return dismissed == 0 ? text : text + getTranslation("report.fact.dismissed", counts + dismissed, dismissed);
    }

    /** "，1 条已确认为机构错误": of what counts, what an auditor confirmed as the agency's own error. */
    private String confirmed(ReportDetail detail, Severity severity) {
        long confirmed = detail.findings().stream().filter(f -> f.finding().severity() == severity)
                .filter(f -> ReviewStatus.CONFIRMED.code().equals(f.reviewStatus())).count();
        return confirmed == 0 ? "" : getTranslation("report.fact.confirmed", confirmed);
    }

    /** "已排除 · li.analyst · 2026-12-04 10:12：原表空白即为 0": the state, who gave it and when, and why. */
    private static String reviewText(StoredFinding f) {
        String text = Labels.review(ReviewStatus.ofCode(f.reviewStatus()));
        if (f.reviewedBy() != null) {
            text += " · " + f.reviewedBy();
        }
        if (f.reviewedAt() != null) {
            text += " · " + f.reviewedAt().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
        }
        return f.reviewComment() == null ? text : text + ": " + f.reviewComment();
    }

    /** One verdict and comment for every finding of a rule in this report: all 135 blank cells at once. */
    private HorizontalLayout reviewByRule(ReportDetail detail) {
        Map<String, Long> byRule = new TreeMap<>(detail.findings().stream()
                .filter(f -> f.finding().listed())
                .collect(Collectors.groupingBy(f -> f.finding().rule(), Collectors.counting())));
        Select<String> rule = new Select<>();
        rule.setLabel(getTranslation("report.review-rule"));
        rule.setItems(byRule.keySet());
        rule.setItemLabelGenerator(r -> r + " (" + byRule.get(r) + ")");
        rule.setValue(byRule.keySet().iterator().next());
        TextField comment = new TextField(getTranslation("report.comment"));
        Button confirm = new Button(getTranslation("report.confirm-all"), e -> reviewAll(detail, rule.getValue(), ReviewStatus.CONFIRMED, comment));
        Button dismiss = new Button(getTranslation("report.dismiss-all"), e -> reviewAll(detail, rule.getValue(), ReviewStatus.DISMISSED, comment));
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout row = new HorizontalLayout(rule, comment, confirm, dismiss);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        row.setWrap(true);
        row.addClassName("review-by-rule");
        return row;
    }

    private void reviewAll(ReportDetail detail, String rule, ReviewStatus status, TextField comment) {
        if (status == ReviewStatus.DISMISSED && comment.getValue().isBlank()) {
            comment.setErrorMessage(getTranslation("report.dismiss-needs-comment"));
            comment.setInvalid(true);
            comment.focus();
            return;
        }
        int reviewed = reports.reviewAll(detail.summary().reportId(), rule, status, comment.getValue(), reviewer);
        Notification.show(getTranslation("report.reviewed-all", reviewed, rule, Labels.review(status)), 3000, Notification.Position.BOTTOM_START);
        render();
    }

    private HorizontalLayout reviewActions(StoredFinding finding) {
        TextField comment = new TextField();
        comment.setPlaceholder(getTranslation("report.comment"));
        comment.setWidth("7em");
        Button confirm = new Button(getTranslation("report.confirm"), e -> review(finding, ReviewStatus.CONFIRMED, comment.getValue()));
        Button dismiss = new Button(getTranslation("report.dismiss"), e -> {
            if (comment.getValue().isBlank()) {
                comment.setErrorMessage(getTranslation("report.dismiss-needs-comment"));
                comment.setInvalid(true);
                comment.focus();
            } else {
                review(finding, ReviewStatus.DISMISSED, comment.getValue());
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_SMALL);
        dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(comment, confirm, dismiss);
    }

    private void review(StoredFinding finding, ReviewStatus status, String comment) {
        reports.review(finding.id(), status, comment, reviewer);
        Notification.show(getTranslation("report.reviewed", Labels.review(status)), 2000, Notification.Position.BOTTOM_START);
        render();
    }

    private Div versions(ReportDetail detail, TemplateTables tables) {
        Grid<ReportService.ReportVersion> grid = new Grid<>();
        Div comparison = new Div();
        comparison.addClassName("version-comparison");
        grid.addColumn(ReportService.ReportVersion::version).setHeader(getTranslation("common.version")).setWidth("6em").setFlexGrow(0);
        grid.addColumn(ReportService.ReportVersion::sourceName).setHeader(getTranslation("report.file"));
        grid.addColumn(v -> WHEN.format(v.importedAt())).setHeader(getTranslation("report.imported-at"));
        grid.addColumn(v -> v.sha256().substring(0, 12)).setHeader("SHA-256");
        grid.addColumn(v -> v.restored() == null ? "" : getTranslation("report.restored-note", v.restored().fromVersion(), v.restored().by(),
                WHEN.format(v.restored().at()), v.restored().reason())).setHeader(getTranslation("report.version-note")).setFlexGrow(2)
                .setTooltipGenerator(v -> v.restored() == null ? "" : v.restored().reason());
        grid.addComponentColumn(v -> v.reportId() == detail.summary().reportId() ? new Span(getTranslation("report.current-version"))
                        : new Button(getTranslation("report.compare-version"), e -> compare(v, detail, tables, comparison)))
                .setKey("compare").setAutoWidth(true).setFlexGrow(0);
        if (reviewer != null) {
            grid.addComponentColumn(v -> v.reportId() == detail.summary().reportId() ? new Span()
                    : new Button(getTranslation("report.restore"), e -> askRestore(v))).setKey("restore").setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(detail.versions());
        grid.setAllRowsVisible(true);
        return new Div(new H3(getTranslation("report.versions")), grid, comparison);
    }

    /** Making an older version current again says why; the new version records it with the analyst's name and the time. */
    private void askRestore(ReportService.ReportVersion older) {
        Dialog dialog = new Dialog(
                getTranslation("report.restore-title", older.version()));
        TextField reason = new TextField(getTranslation("report.restore-reason"));
        reason.setWidthFull();
        reason.setRequiredIndicatorVisible(true);
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()),
                new Button(getTranslation("report.restore"), e -> {
                    if (reason.getValue().isBlank()) {
                        reason.setErrorMessage(getTranslation("report.restore-needs-reason"));
                        reason.setInvalid(true);
                        return;
                    }
                    int version = reports.restore(older.reportId(), reason.getValue(), reviewer);
                    dialog.close();
                    Notification.show(getTranslation("report.restored", older.version(), version), 3000, Notification.Position.BOTTOM_START);
                    render();
                }));
        dialog.open();
    }

    /**
     * An older version beside the current one, cell by cell: the cells that differ are marked in
     * the tables above and listed old → new (a blank is a blank).
     */
    private void compare(ReportService.ReportVersion older, ReportDetail detail, TemplateTables tables, Div comparison) {
        comparison.removeAll();
        reports.storedVersion(older.reportId()).ifPresent(stored -> {
            Replaces diff = Replaces.of(stored, detail.figures(), reports.findings(older.reportId()),
                    detail.findings().stream().map(ReportService.StoredFinding::finding).toList());
            tables.markChanged(diff.changes().stream().map(Replaces.CellChange::cell).toList());
            comparison.add(new H3(getTranslation("report.compared", older.version(), detail.summary().version(), diff.changes().size())));
            diff.changes().forEach(c -> comparison.add(new Paragraph(getTranslation("import.change",
                    Labels.cell(c.cell()), Labels.numberOrBlank(c.before()), Labels.numberOrBlank(c.after())))));
            comparison.add(new FindingChanges(diff));
        });
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
