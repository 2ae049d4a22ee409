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
    private final H3 heading = new H3();
    private final Div notes = new Div();
    private DataTable data;
    private com.vaadin.flow.shared.Registration clicks;

    public ChartCard(String title, String definition, String fileName) {
        this.fileName = fileName;
        addClassName("chart-card");
        heading.setText(title);
        heading.getElement().setAttribute("title", definition);
        Button png = new Button(getTranslation("chart.png"), e -> chart.downloadPng(fileName));
        Button toggle = new Button(getTranslation("chart.table"), e -> table.setVisible(!table.isVisible()));
        png.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(png, toggle);
        DownloadLinks.of(fileName, () -> data).forEach(actions::add);
        actions.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        table.setVisible(false);
        table.setAllRowsVisible(true);
        notes.addClassName("chart-notes");
        add(new HorizontalLayout(heading, actions), chart, notes, table);
    }

    /** For a card whose subject changes with the view's state. */
    public void setTitle(String title, String definition) {
        heading.setText(title);
        heading.getElement().setAttribute("title", definition);
    }

    /** Shows a chart configuration and the table of its numbers. */
    public void show(software.xdev.chartjs.model.charts.Chart<?, ?, ?> config, boolean stacked, DataTable numbers) {
        show(config, stacked, numbers, ChartMeta.NONE);
    }

    /** As {@link #show(software.xdev.chartjs.model.charts.Chart, boolean, DataTable)}, with tooltip unit, point lines and legend. */
    public void show(software.xdev.chartjs.model.charts.Chart<?, ?, ?> config, boolean stacked, DataTable numbers, ChartMeta meta) {
        this.data = numbers;
        chart.show(config, stacked, meta.label().isEmpty() ? meta.withLabel(heading.getText()) : meta);
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
