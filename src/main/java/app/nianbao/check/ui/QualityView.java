package app.nianbao.check.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import app.nianbao.check.FindingQueries;
import app.nianbao.check.FindingQueries.Filter;
import app.nianbao.check.FindingQueries.FindingRow;
import app.nianbao.check.FindingQueries.RuleCount;
import app.nianbao.export.DataTable;
import app.nianbao.report.ReviewStatus;
import app.nianbao.shell.ui.ChartCard;
import software.xdev.chartjs.model.charts.BarChart;
import software.xdev.chartjs.model.data.BarData;
import software.xdev.chartjs.model.dataset.BarDataset;

/** 数据质量: findings by rule, agency and year, each opening its report; how report scores are spread. */
@Route("quality")
@RolesAllowed("VIEWER")
@PageTitle("数据质量 · 年报 Nianbao")
class QualityView extends Main {

    private static final int SHOWN = 500;
    private static final List<String> RULES = List.of("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11",
            "P1", "P2", "P3", "P4", "P5", "P6");

    private final FindingQueries queries;
    private final Select<String> rule = new Select<>();
    private final Select<String> severity = new Select<>();
    private final TextField agency = new TextField("机构");
    private final IntegerField year = new IntegerField("年度");
    private final Grid<RuleCount> counts = new Grid<>();
    private final Grid<FindingRow> findings = new Grid<>();
    private final H3 findingsHeading = new H3();
    private final ChartCard scores = new ChartCard("报告质量分分布", "质量分 = 100 − 10×错误 − 2×非空白警告 − 空白单元格（至多 30）"
            + " − 修复或推断的单元格", "quality-scores");

    QualityView(FindingQueries queries) {
        this.queries = queries;
        addClassName("view");
        add(new H2("数据质量"), filters(), new H3("按规则统计"), counts(), findingsHeading, findings(), scores);
        refresh();
        showScores();
    }

    private HorizontalLayout filters() {
        rule.setLabel("规则");
        rule.setItems(RULES);
        rule.setEmptySelectionAllowed(true);
        rule.setEmptySelectionCaption("全部规则");
        severity.setLabel("级别");
        severity.setItems("error", "warning", "info");
        severity.setItemLabelGenerator(s -> s == null ? "全部级别" : Map.of("error", "错误", "warning", "警告", "info", "信息").get(s));
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
        counts.addColumn(RuleCount::rule).setHeader("规则");
        counts.addColumn(RuleCount::severity).setHeader("级别");
        counts.addColumn(RuleCount::findings).setHeader("发现数");
        counts.addColumn(RuleCount::reports).setHeader("涉及报告");
        counts.setAllRowsVisible(true);
        counts.setWidth("40em");
        counts.addItemClickListener(e -> rule.setValue(e.getItem().rule()));
        return counts;
    }

    private Grid<FindingRow> findings() {
        findings.addColumn(FindingRow::agency).setHeader("机构").setAutoWidth(true);
        findings.addColumn(FindingRow::year).setHeader("年度").setWidth("6em").setFlexGrow(0);
        findings.addColumn(FindingRow::rule).setHeader("规则").setWidth("5em").setFlexGrow(0);
        findings.addColumn(FindingRow::severity).setHeader("级别").setWidth("6em").setFlexGrow(0);
        findings.addColumn(FindingRow::message).setHeader("说明").setFlexGrow(4);
        findings.addColumn(f -> ReviewStatus.ofCode(f.reviewStatus()).zh()).setHeader("审核").setWidth("6em").setFlexGrow(0);
        findings.setHeight("50vh");
        findings.addItemClickListener(e -> UI.getCurrent().navigate("reports/" + e.getItem().agencyId() + "/" + e.getItem().year()));
        return findings;
    }

    private void refresh() {
        Filter filter = new Filter(rule.getValue(), severity.getValue(), agency.getValue(), year.getValue());
        counts.setItems(queries.countsByRule(filter));
        List<FindingRow> rows = queries.findings(filter, SHOWN);
        findings.setItems(rows);
        findingsHeading.setText(rows.size() == SHOWN ? "核对发现（显示前 %d 条，请缩小筛选）".formatted(SHOWN)
                : "核对发现（%d 条，点击打开报告）".formatted(rows.size()));
    }

    private void showScores() {
        String[] buckets = {"0–59", "60–79", "80–89", "90–99", "100"};
        int[] counted = new int[buckets.length];
        queries.scoreDistribution().forEach((s, n) -> counted[s < 60 ? 0 : s < 80 ? 1 : s < 90 ? 2 : s < 100 ? 3 : 4] += n);
        BarDataset bars = new BarDataset().setLabel("报告数").setBackgroundColor("#1f77b4");
        List<List<Object>> rows = new ArrayList<>();
        Number[] values = new Number[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            values[i] = counted[i];
            rows.add(List.of(buckets[i], counted[i]));
        }
        bars.setData(values);
        scores.show(new BarChart(new BarData().setLabels(buckets).addDataset(bars)), false,
                new DataTable("质量分分布", List.of("质量分", "报告数"), rows));
    }
}
