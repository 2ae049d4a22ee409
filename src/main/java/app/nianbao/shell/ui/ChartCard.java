package app.nianbao.shell.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;

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
    private final Div annotations = new Div();
    private final HorizontalLayout actions;
    private Button addNote;
    private Runnable noteAction;
    private List<Integer> annotatedYears = List.of();
    private List<Annotation> annotationList = List.of();
    /** The numbers as the view gave them, before the notes' column is added. */
    private DataTable given;
    private DataTable data;
    private Registration clicks;

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
        actions = new HorizontalLayout(png, toggle);
        DownloadLinks.of(this::exportName, () -> data, this::about).forEach(actions::add);
        actions.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        table.setVisible(false);
        table.setAllRowsVisible(true);
        notes.addClassName("chart-notes");
        annotations.addClassName("chart-annotations");
        annotations.setVisible(false);
        description.addClassName("chart-description");
        description.setId("chart-description-" + NEXT_ID.incrementAndGet());
        // on a phone the title keeps a line of its own and the downloads go under it, instead of the
        // title being squeezed to a character per line beside them
        HorizontalLayout header = new HorizontalLayout(heading, actions);
        header.setWrap(true);
        header.addClassName("chart-card-header");
        add(header, chart, description, annotations, notes, table);
    }

    private static final AtomicLong NEXT_ID = new AtomicLong();

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
        String covers = String.join(" · ", Stream.of(scope, years).filter(part -> part != null && !part.isBlank()).toList());
        return List.of(heading.getText(), covers, getTranslation("export.source-text", LocalDate.now().toString()));
    }

    /**
     * What a screen reader says after the chart's name: the definition, the lines under the chart
     * and how to walk the points with the keyboard.
     */
    private void describe() {
        List<String> parts = new ArrayList<>();
        if (definition != null && !definition.isBlank()) {
            parts.add(definition);
        }
        parts.addAll(noteLines);
        for (int i = 0; i < annotationList.size(); i++) {
            parts.add(getTranslation("notes.said", i + 1, annotationList.get(i).year(), annotationList.get(i).text()));
        }
        parts.add(getTranslation("chart.keys"));
        description.setText(String.join(" ", parts));
    }

    /** 申请量_平潭综合实验区_2019-2025: the chart's title, scope and years, without what a file system refuses. */
    public String exportName() {
        String name = String.join("_", Stream.of(heading.getText(), scope, years)
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
                List.of(getTranslation("export.source"), getTranslation("export.source-text", LocalDate.now().toString()))));
    }

    /** Shows a chart configuration and the table of its numbers. */
    public void show(software.xdev.chartjs.model.charts.Chart<?, ?, ?> config, boolean stacked, DataTable numbers) {
        show(config, stacked, numbers, ChartMeta.NONE);
    }

    /** As {@link #show(software.xdev.chartjs.model.charts.Chart, boolean, DataTable)}, with tooltip unit, point lines and legend. */
    public void show(software.xdev.chartjs.model.charts.Chart<?, ?, ?> config, boolean stacked, DataTable numbers, ChartMeta meta) {
        this.given = numbers;
        chart.show(config, stacked, (meta.label().isEmpty() ? meta.withLabel(heading.getText()) : meta).describedBy(description.getId().orElseThrow()));
        showNumbers();
    }

    /** The table and every download: the view's numbers, with a column for the notes when there are any. */
    private void showNumbers() {
        if (given == null) {
            return;
        }
        data = annotationList.isEmpty() ? given : given.withColumn(getTranslation("notes.column"), row -> {
            String said = String.join(" ", IntStream.range(0, annotationList.size())
                    .filter(i -> !row.isEmpty() && row.get(0) instanceof Integer year && year == annotationList.get(i).year())
                    .mapToObj(i -> "(%d) %s".formatted(i + 1, annotationList.get(i).text())).toList());
            return said.isEmpty() ? null : said;
        });
        describe();
        table.removeAllColumns();
        for (int c = 0; c < data.columns().size(); c++) {
            int column = c;
            var shown = table.addColumn(row -> row.get(column) == null ? "—" : row.get(column)).setHeader(data.columns().get(c));
            // a long text (a note) is cut in its cell and read whole in its tooltip
            shown.setTooltipGenerator(row -> row.get(column) instanceof String text ? text : null);
        }
        table.setItems(data.rows());
    }

    /** An analyst's note on a year of what this chart draws: why the number moved. */
    public record Annotation(int year, String text) {
    }

    /**
     * The notes on the chart's years (the labels, in order): a numbered flag on the chart at each
     * noted year, the notes listed under it, and a column of them in the table and the downloads.
     */
    public void annotate(List<Integer> years, List<Annotation> notesOnYears) {
        annotatedYears = List.copyOf(years);
        annotationList = List.copyOf(notesOnYears);
        List<Chart.Mark> marks = new ArrayList<>();
        annotations.removeAll();
        for (int i = 0; i < annotationList.size(); i++) {
            Annotation a = annotationList.get(i);
            int index = annotatedYears.indexOf(a.year());
            if (index >= 0) {
                marks.add(new Chart.Mark(index, i + 1, a.year() + ": " + a.text()));
            }
            Paragraph line = new Paragraph("(%d) %d · %s".formatted(i + 1, a.year(),
                    a.text()));
            line.addClassName("chart-annotation");
            annotations.add(line);
        }
        annotations.setVisible(!annotationList.isEmpty());
        chart.setMarks(marks);
        showNumbers();
    }

    /** Offers "add a note" on this chart, doing this when chosen (for those who may write notes). */
    public void onAddNote(Runnable add) {
        noteAction = add;
        if (addNote == null) {
            addNote = new Button(getTranslation("notes.add"), e -> noteAction.run());
            addNote.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            addNote.addClassName("add-note");
            actions.add(addNote);
        }
    }

    /** Lines said under the chart: who joined or left the totals, an outlier, what a year leaves out. */
    public void setNotes(List<String> lines) {
        notes.removeAll();
        lines.forEach(line -> notes.add(new Paragraph(line)));
        notes.setVisible(!lines.isEmpty());
        noteLines = List.copyOf(lines);
        describe();
    }

    /** Replaces what a click on a point does: the event names the dataset and the label index. */
    public void onPointClick(ComponentEventListener<Chart.PointClickEvent> action) {
        if (clicks != null) {
            clicks.remove();
        }
        clicks = chart.addPointClickListener(action);
    }

    public Chart chart() {
        return chart;
    }
}
