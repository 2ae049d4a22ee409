package app.nianbao.check.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.RolesAllowed;
import software.xdev.chartjs.model.charts.BarChart;
import software.xdev.chartjs.model.data.BarData;
import software.xdev.chartjs.model.dataset.BarDataset;

import app.nianbao.check.FindingQueries;
import app.nianbao.check.FindingQueries.Filter;
import app.nianbao.check.FindingQueries.FindingRow;
import app.nianbao.check.FindingQueries.FindingSort;
import app.nianbao.check.FindingQueries.RuleCount;
import app.nianbao.export.DataTable;
import app.nianbao.export.Palette;
import app.nianbao.figures.ReviewStatus;
import app.nianbao.figures.Rule;
import app.nianbao.security.Role;
import app.nianbao.shell.ui.Axes;
import app.nianbao.shell.ui.ChartCard;
import app.nianbao.shell.ui.Labels;
import app.nianbao.shell.ui.SortLink;
import app.nianbao.shell.ui.UrlParameters;

/**
 * 数据质量: findings by rule, severity, agency, year and review state, sortable and paged from the
 * store, each opening its report; how report scores are spread. Filters and sort live in the link.
 */
@Route("quality")
@RolesAllowed("VIEWER")
class QualityView extends Main implements HasDynamicTitle, BeforeEnterObserver {
    private static final List<String> RULES = Arrays.stream(Rule.values()).map(Rule::id)
            .toList();

    private final FindingQueries queries;
    private final Select<String> rule = new Select<>();
    private final Select<String> severity = new Select<>();
    private final TextField agency = new TextField(getTranslation("common.agency"));
    private final IntegerField year = new IntegerField(getTranslation("common.year"));
    private final Select<ReviewStatus> review = new Select<>();
    private final SortLink.Filters linked = new SortLink.Filters(this::refresh);
    private final Grid<RuleCount> counts = new Grid<>();
    private final Grid<FindingRow> findings = new Grid<>();
    private final H3 findingsHeading = new H3();
    private final Paragraph dismissedNote = new Paragraph();
    private final FlexLayout bulkReview = SortLink.filterRow();
    private final TextField bulkComment = new TextField(getTranslation("report.comment"));
    private Filter shownFilter;
    private final ChartCard scores = new ChartCard(getTranslation("quality.scores"), getTranslation("quality.scores.definition"), "quality-scores");

    QualityView(FindingQueries queries) {
        this.queries = queries;
        addClassName("view");
        add(new H2(getTranslation("nav.quality")), filters(), new H3(getTranslation("quality.by-rule")), dismissedNote, counts(), findingsHeading, bulkReview, findings(),
                scores);
        buildBulkReview();
        showScores();
    }

    /** A link such as /quality?rule=R8&review=open&sort=agency opens the list so filtered and sorted. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        linked.read(() -> {
            String r = UrlParameters.text(params, "rule", "");
            rule.setValue(RULES.contains(r) ? r : null);
            String s = UrlParameters.text(params, "severity", "");
            severity.setValue(List.of("error", "warning", "info").contains(s) ? s : null);
            agency.setValue(UrlParameters.text(params, "agency", ""));
            int y = UrlParameters.integer(params, "year", 0);
            year.setValue(y == 0 ? null : y);
            review.setValue(Arrays.stream(ReviewStatus.values()).filter(v -> v.code().equals(UrlParameters.text(params, "review", "")))
                    .findFirst().orElse(null));
            SortLink.apply(findings, params);
        });
    }

    private Component filters() {
        rule.setLabel(getTranslation("common.rule"));
        rule.setItems(RULES);
        rule.setEmptySelectionAllowed(true);
        rule.setEmptySelectionCaption(getTranslation("quality.all-rules"));
        severity.setLabel(getTranslation("common.severity"));
        severity.setItems("error", "warning", "info");
        severity.setItemLabelGenerator(s -> s == null ? getTranslation("quality.all-severities") : Labels.severity(s));
        severity.setEmptySelectionAllowed(true);
        agency.setValueChangeMode(ValueChangeMode.LAZY);
        agency.setClearButtonVisible(true);
        year.setClearButtonVisible(true);
        year.setWidth("8em");
        review.setLabel(getTranslation("common.review"));
        review.setItems(ReviewStatus.values());
        review.setItemLabelGenerator(v -> v == null ? getTranslation("quality.all-reviews") : Labels.review(v));
        review.setEmptySelectionAllowed(true);
        review.setEmptySelectionCaption(getTranslation("quality.all-reviews"));
        rule.addValueChangeListener(e -> linked.changed(this, "rule", e.getValue()));
        severity.addValueChangeListener(e -> linked.changed(this, "severity", e.getValue()));
        agency.addValueChangeListener(e -> linked.changed(this, "agency", e.getValue()));
        year.addValueChangeListener(e -> linked.changed(this, "year", e.getValue() == null ? null : String.valueOf(e.getValue())));
        review.addValueChangeListener(e -> linked.changed(this, "review", e.getValue() == null ? null : e.getValue().code()));
        return SortLink.filterRow(rule, severity, agency, year, review);
    }

    private Grid<RuleCount> counts() {
        counts.addColumn(RuleCount::rule).setHeader(getTranslation("common.rule"));
        counts.addColumn(c -> Labels.severity(c.severity())).setHeader(getTranslation("common.severity"));
        counts.addColumn(RuleCount::findings).setHeader(getTranslation("quality.findings"));
        counts.addColumn(RuleCount::reports).setHeader(getTranslation("quality.reports"));
        counts.setAllRowsVisible(true);
        counts.setWidthFull();
        counts.setMaxWidth("40em");
        counts.addItemClickListener(e -> rule.setValue(e.getItem().rule()));
        return counts;
    }

    private Grid<FindingRow> findings() {
        // the message needs the room: a long agency name is cut, with the whole of it as the tooltip
        SortLink.sortable(findings.addColumn(FindingRow::agency).setHeader(getTranslation("common.agency")).setWidth("14em").setFlexGrow(1)
                .setTooltipGenerator(FindingRow::agency), FindingSort.AGENCY);
        SortLink.sortable(findings.addColumn(FindingRow::year).setHeader(getTranslation("common.year")).setWidth("7em").setFlexGrow(0), FindingSort.YEAR);
        SortLink.sortable(findings.addColumn(FindingRow::rule).setHeader(getTranslation("common.rule")).setWidth("7em").setFlexGrow(0), FindingSort.RULE);
        SortLink.sortable(findings.addColumn(f -> Labels.severity(f.severity())).setHeader(getTranslation("common.severity")).setWidth("8em")
                .setFlexGrow(0), FindingSort.SEVERITY);
        // a message is a sentence or two: it wraps in its cell and the whole of it is the cell's tooltip
        findings.addColumn(f -> Labels.finding(f.finding())).setHeader(getTranslation("common.message")).setFlexGrow(4).setWidth("20em")
                .setTooltipGenerator(f -> Labels.finding(f.finding()));
        SortLink.sortable(findings.addColumn(f -> Labels.review(ReviewStatus.ofCode(f.reviewStatus()))).setHeader(getTranslation("common.review"))
                .setWidth("8em").setFlexGrow(0), FindingSort.REVIEW);
        findings.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        findings.setHeight("50vh");
        findings.addItemClickListener(e -> UI.getCurrent().navigate("reports/" + e.getItem().agencyId() + "/" + e.getItem().year()));
        SortLink.keep(findings);
        return findings;
    }

    /**
     * For analysts, once a rule is chosen: one verdict and comment for every finding the filters
     * keep (all R8 of a scope), so a known pattern is reviewed once instead of row by row.
     */
    private void buildBulkReview() {
        var request = VaadinRequest.getCurrent();
        if (request == null || !request.isUserInRole(Role.ANALYST.name())) {
            bulkReview.setVisible(false);
            return;
        }
        Button confirm = new Button(getTranslation("report.confirm-all"),
                e -> reviewAll(ReviewStatus.CONFIRMED));
        Button dismiss = new Button(getTranslation("report.dismiss-all"),
                e -> reviewAll(ReviewStatus.DISMISSED));
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bulkReview.add(bulkComment, confirm, dismiss);
    }

    private void reviewAll(ReviewStatus status) {
        if (status == ReviewStatus.DISMISSED && bulkComment.getValue().isBlank()) {
            bulkComment.setErrorMessage(getTranslation("report.dismiss-needs-comment"));
            bulkComment.setInvalid(true);
            bulkComment.focus();
            return;
        }
        int reviewed = queries.reviewAll(shownFilter, status, bulkComment.getValue());
        Notification.show(getTranslation("report.reviewed-all", reviewed, shownFilter.rule(),
                Labels.review(status)), 3000, Notification.Position.BOTTOM_START);
        bulkComment.clear();
        bulkComment.setInvalid(false);
        refresh();
    }

    private void refresh() {
        Filter filter = new Filter(rule.getValue(), severity.getValue(), agency.getValue(), year.getValue(),
                review.getValue() == null ? null : review.getValue().code());
        counts.setItems(queries.countsByRule(filter));
        int dismissed = filter.review() == null ? queries.count(new Filter(filter.rule(), filter.severity(), filter.agency(), filter.year(),
                ReviewStatus.DISMISSED.code())) : 0;
        dismissedNote.setText(getTranslation("quality.dismissed-left-out", dismissed));
        dismissedNote.setVisible(dismissed > 0);
        int total = queries.count(filter);
        findings.setItems(page -> {
            SortLink.Sort sort = SortLink.Sort.of(page.getSortOrders());
            return queries.findings(filter, sort == null ? null : FindingSort.ofKey(sort.key()), sort != null && sort.descending(),
                    page.getOffset(), page.getLimit()).stream();
        }, page -> total);
        findingsHeading.setText(getTranslation("quality.heading", total));
        shownFilter = filter;
        // a verdict for a whole rule at once, never for the whole store by accident
        bulkReview.setEnabled(filter.rule() != null && total > 0);
        bulkComment.setHelperText(filter.rule() == null ? getTranslation("quality.bulk-needs-rule")
                : getTranslation("quality.bulk-applies", total, filter.rule()));
    }

    private void showScores() {
        String[] buckets = {"0–59", "60–79", "80–89", "90–99", "100"};
        int[] counted = new int[buckets.length];
        queries.scoreDistribution().forEach((s, n) -> counted[s < 60 ? 0 : s < 80 ? 1 : s < 90 ? 2 : s < 100 ? 3 : 4] += n);
        BarDataset bars = new BarDataset().setLabel(getTranslation("common.reports")).setBackgroundColor(Palette.BLUE);
        List<List<Object>> rows = new ArrayList<>();
        Number[] values = new Number[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            values[i] = counted[i];
            rows.add(List.of(buckets[i], counted[i]));
        }
        bars.setData(values);
        // most reports score 100: on a logarithmic axis the few low scores stay visible, and each label says its count
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < buckets.length; i++) {
            labels.add("%s (%,d)".formatted(buckets[i], counted[i]));
        }
        scores.show(new BarChart(new BarData().setLabels(labels).addDataset(bars),
                        new software.xdev.chartjs.model.options.BarOptions().setScales(Axes.logarithmic(getTranslation("chart.log-scale")))), false,
                new DataTable(getTranslation("quality.scores"), List.of(getTranslation("common.score"), getTranslation("common.reports")), rows));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.quality") + " · " + getTranslation("shell.product");
    }
}
