package app.nianbao.shell.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import app.nianbao.export.DataTable;

/**
 * A chart with what every chart of the product offers: a title whose tooltip gives the
 * definition, a PNG download, and the table of numbers behind it (toggle) with CSV and XLSX.
 */
public class ChartCard extends Div {

    private final Chart chart = new Chart();
    private final Grid<List<Object>> table = new Grid<>();
    private final String fileName;
    private String scope;
    private String years;
    private String definition;
    private final H3 heading = new H3();
    private final Div notes = new Div();
    private final Div description = new Div();
    private List<String> noteLines = List.of();
    private DataTable data;
    private com.vaadin.flow.shared.Registration clicks;

    public ChartCard(String title, String definition, String fileName) {
        this.fileName = fileName;
        addClassName("chart-card");
        heading.setText(title);
        heading.getElement().setAttribute("title", definition);
        this.definition = definition;
        Button png = new Button(getTranslation("chart.png"), e -> chart.downloadPng(exportName(), pngHeading()));
        Button toggle = new Button(getTranslation("chart.table"), e -> table.setVisible(!table.isVisible()));
        png.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(png, toggle);
        DownloadLinks.of(this::exportName, () -> data, this::about).forEach(actions::add);
        actions.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        table.setVisible(false);
        table.setAllRowsVisible(true);
        notes.addClassName("chart-notes");
        description.addClassName("chart-description");
        description.setId("chart-description-" + NEXT_ID.incrementAndGet());
        // on a phone the title keeps a line of its own and the downloads go under it, instead of the
        // title being squeezed to a character per line beside them
        HorizontalLayout header = new HorizontalLayout(heading, actions);
        header.setWrap(true);
        header.addClassName("chart-card-header");
        add(header, chart, description, notes, table);
    }

    private static final java.util.concurrent.atomic.AtomicLong NEXT_ID = new java.util.concurrent.atomic.AtomicLong();

    /** For a card whose subject changes with the view's state. */
    public void setTitle(String title, String definition) {
        heading.setText(title);
        heading.getElement().setAttribute("title", definition);
        this.definition = definition;
        describe();
    }

    /** What the numbers are of, carried by every download: in its file name and on the spreadsheet's first sheet. */
    public void setContext(String scope, String years) {
        this.scope = scope;
        this.years = years;
    }

    /** The PNG's heading: the title, what it covers, and where the numbers come from. */
    private List<String> pngHeading() {
        String covers = String.join(" · ", java.util.stream.Stream.of(scope, years).filter(part -> part != null && !part.isBlank()).toList());
        return List.of(heading.getText(), covers, getTranslation("export.source-text", java.time.LocalDate.now().toString()));
    }

    /**
     * What a screen reader says after the chart's name: the definition, the lines under the chart
     * and how to walk the points with the keyboard.
     */
    private void describe() {
        List<String> parts = new java.util.ArrayList<>();
        if (definition != null && !definition.isBlank()) {
            parts.add(definition);
        }
        parts.addAll(noteLines);
        parts.add(getTranslation("chart.keys"));
        description.setText(String.join(" ", parts));
    }

    /** 申请量_平潭综合实验区_2019-2025: the chart's title, scope and years, without what a file system refuses. */
    public String exportName() {
        String name = String.join("_", java.util.stream.Stream.of(heading.getText(), scope, years)
                .filter(part -> part != null && !part.isBlank()).toList());
        name = name.replaceAll("[\\\\/:*?\"<>|\\s]+", "-");
        return name.isBlank() ? fileName : name.length() > 120 ? name.substring(0, 120) : name;
    }

    /** The first sheet of an XLSX download: title, scope, years, definition, source and date. */
    private DataTable.About about() {
        return new DataTable.About(getTranslation("export.sheet"), List.of(List.of(getTranslation("export.title"), heading.getText()),
                List.of(getTranslation("export.scope"), scope == null ? "" : scope),
                List.of(getTranslation("export.years"), years == null ? "" : years),
                List.of(getTranslation("export.definition"), definition == null ? "" : definition),
                List.of(getTranslation("export.source"), getTranslation("export.source-text", java.time.LocalDate.now().toString()))));
    }

    /** Shows a chart configuration and the table of its numbers. */
    public void show(software.xdev.chartjs.model.charts.Chart<?, ?, ?> config, boolean stacked, DataTable numbers) {
        show(config, stacked, numbers, ChartMeta.NONE);
    }

    /** As {@link #show(software.xdev.chartjs.model.charts.Chart, boolean, DataTable)}, with tooltip unit, point lines and legend. */
    public void show(software.xdev.chartjs.model.charts.Chart<?, ?, ?> config, boolean stacked, DataTable numbers, ChartMeta meta) {
        this.data = numbers;
        describe();
        chart.show(config, stacked, (meta.label().isEmpty() ? meta.withLabel(heading.getText()) : meta).describedBy(description.getId().orElseThrow()));
        table.removeAllColumns();
        for (int c = 0; c < numbers.columns().size(); c++) {
            int column = c;
            table.addColumn(row -> row.get(column) == null ? "—" : row.get(column)).setHeader(numbers.columns().get(c));
        }
        table.setItems(numbers.rows());
    }

    /** Lines said under the chart: who joined or left the totals, an outlier, what a year leaves out. */
    public void setNotes(List<String> lines) {
        notes.removeAll();
        lines.forEach(line -> notes.add(new com.vaadin.flow.component.html.Paragraph(line)));
        notes.setVisible(!lines.isEmpty());
        noteLines = List.copyOf(lines);
        describe();
    }

    /** Replaces what a click on a point does: the event names the dataset and the label index. */
    public void onPointClick(com.vaadin.flow.component.ComponentEventListener<Chart.PointClickEvent> action) {
        if (clicks != null) {
            clicks.remove();
        }
        clicks = chart.addPointClickListener(action);
    }

    public Chart chart() {
        return chart;
    }
}
