package app.nianbao.check.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import software.xdev.chartjs.model.charts.BarChart;
import software.xdev.chartjs.model.data.BarData;
import software.xdev.chartjs.model.dataset.BarDataset;

import app.nianbao.check.FindingQueries;
import app.nianbao.check.FindingQueries.Filter;
import app.nianbao.check.FindingQueries.FindingRow;
import app.nianbao.check.FindingQueries.RuleCount;
import app.nianbao.export.DataTable;
import app.nianbao.report.ReviewStatus;
import app.nianbao.shell.ui.ChartCard;
import app.nianbao.shell.ui.Labels;

/** 数据质量: findings by rule, agency and year, each opening its report; how report scores are spread. */
@Route("quality")
@RolesAllowed("VIEWER")
class QualityView extends Main implements HasDynamicTitle {

    private static final int SHOWN = 500;
    private static final List<String> RULES = List.of("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11",
            "P1", "P2", "P3", "P4", "P5", "P6");

    private final FindingQueries queries;
    private final Select<String> rule = new Select<>();
    private final Select<String> severity = new Select<>();
    private final TextField agency = new TextField(getTranslation("common.agency"));
    private final IntegerField year = new IntegerField(getTranslation("common.year"));
    private final Grid<RuleCount> counts = new Grid<>();
    private final Grid<FindingRow> findings = new Grid<>();
    private final H3 findingsHeading = new H3();
    private final ChartCard scores = new ChartCard(getTranslation("quality.scores"), getTranslation("quality.scores.definition"), "quality-scores");

    QualityView(FindingQueries queries) {
        this.queries = queries;
        addClassName("view");
        add(new H2(getTranslation("nav.quality")), filters(), new H3(getTranslation("quality.by-rule")), counts(), findingsHeading, findings(), scores);
        refresh();
        showScores();
    }

    private HorizontalLayout filters() {
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
        rule.addValueChangeListener(e -> refresh());
        severity.addValueChangeListener(e -> refresh());
        agency.addValueChangeListener(e -> refresh());
        year.addValueChangeListener(e -> refresh());
        return new HorizontalLayout(rule, severity, agency, year);
    }

    private Grid<RuleCount> counts() {
        counts.addColumn(RuleCount::rule).setHeader(getTranslation("common.rule"));
        counts.addColumn(c -> Labels.severity(c.severity())).setHeader(getTranslation("common.severity"));
        counts.addColumn(RuleCount::findings).setHeader(getTranslation("quality.findings"));
        counts.addColumn(RuleCount::reports).setHeader(getTranslation("quality.reports"));
        counts.setAllRowsVisible(true);
        counts.setWidth("40em");
        counts.addItemClickListener(e -> rule.setValue(e.getItem().rule()));
        return counts;
    }

    private Grid<FindingRow> findings() {
        findings.addColumn(FindingRow::agency).setHeader(getTranslation("common.agency")).setAutoWidth(true);
        findings.addColumn(FindingRow::year).setHeader(getTranslation("common.year")).setWidth("6em").setFlexGrow(0);
        findings.addColumn(FindingRow::rule).setHeader(getTranslation("common.rule")).setWidth("5em").setFlexGrow(0);
        findings.addColumn(f -> Labels.severity(f.severity())).setHeader(getTranslation("common.severity")).setWidth("6em").setFlexGrow(0);
        findings.addColumn(FindingRow::message).setHeader(getTranslation("common.message")).setFlexGrow(4);
        findings.addColumn(f -> Labels.review(ReviewStatus.ofCode(f.reviewStatus()))).setHeader(getTranslation("common.review")).setWidth("6em").setFlexGrow(0);
        findings.setHeight("50vh");
        findings.addItemClickListener(e -> UI.getCurrent().navigate("reports/" + e.getItem().agencyId() + "/" + e.getItem().year()));
        return findings;
    }

    private void refresh() {
        Filter filter = new Filter(rule.getValue(), severity.getValue(), agency.getValue(), year.getValue());
        counts.setItems(queries.countsByRule(filter));
        List<FindingRow> rows = queries.findings(filter, SHOWN);
        findings.setItems(rows);
        findingsHeading.setText(rows.size() == SHOWN ? getTranslation("quality.heading.capped", SHOWN)
                : getTranslation("quality.heading", rows.size()));
    }

    private void showScores() {
        String[] buckets = {"0–59", "60–79", "80–89", "90–99", "100"};
        int[] counted = new int[buckets.length];
        queries.scoreDistribution().forEach((s, n) -> counted[s < 60 ? 0 : s < 80 ? 1 : s < 90 ? 2 : s < 100 ? 3 : 4] += n);
        BarDataset bars = new BarDataset().setLabel(getTranslation("common.reports")).setBackgroundColor("#1f77b4");
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
                        new software.xdev.chartjs.model.options.BarOptions().setScales(app.nianbao.shell.ui.Axes.logarithmic(getTranslation("chart.log-scale")))), false,
                new DataTable(getTranslation("quality.scores"), List.of(getTranslation("common.score"), getTranslation("common.reports")), rows));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.quality") + " · " + getTranslation("shell.product");
    }
}
