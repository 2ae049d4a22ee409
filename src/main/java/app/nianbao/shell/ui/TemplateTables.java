package app.nianbao.shell.ui;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.dom.Element;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Codebook;
import app.nianbao.figures.Cell;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;
import app.nianbao.figures.Identities;
import app.nianbao.figures.ReportRules;
import app.nianbao.parse.ScanImage;
import app.nianbao.parse.SourceText;

/**
 * Tables 2–4 laid out like the official template, each cell marked by how it was read
 * (repaired, inferred, blank) and clickable to show its source line. Text goes in as text:
 * nothing from a report is ever parsed as markup.
 */
public class TemplateTables extends Div {

    private final Map<CellCode, Element> cells = new LinkedHashMap<>();
    private final Map<CellCode, Element> marked = new LinkedHashMap<>();

    private final Codebook book = Codebook.get();
    private final Consumer<Cell> onCellClick;
    private final Map<CellCode, ScanImage.Box> boxes;

    /** {@code boxes}: where a scan's cells were read, for their tooltips (empty for other forms). */
    public TemplateTables(Figures figures, Map<CellCode, ScanImage.Box> boxes, Consumer<Cell> onCellClick) {
        this.onCellClick = onCellClick;
        this.boxes = boxes;
        addClassName("template-tables");
        add(new H3(getTranslation("t.2")));
        getElement().appendChild(scrolling(table2(figures), getTranslation("t.2")));
        add(new H3(getTranslation("t.3")));
        getElement().appendChild(scrolling(table3(figures), getTranslation("t.3")));
        add(new H3(getTranslation("t.4")));
        getElement().appendChild(scrolling(table4(figures), getTranslation("t.4")));
    }

    /**
     * A table wider than its column (English labels, a phone) scrolls sideways on its own, with
     * its scrollbar right under it rather than under all three tables; the keyboard can reach it.
     */
    private static Element scrolling(Element table, String title) {
        Element box = new Element("div").setAttribute("class", "table-scroll");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", title);
        return box.appendChild(table);
    }

    private Element table2(Figures figures) {
        Element table = table();
        for (Map.Entry<String, List<String>> row : book.t2(figures.template()).entrySet()) {
            Element tr = new Element("tr");
            tr.appendChild(th(Labels.label(book.rowLabel("t2", row.getKey()))));
            for (String col : row.getValue()) {
                String label = Labels.label(book.label("t2." + row.getKey() + "." + col));
                // the Chinese label repeats the row before a space; the English one is a phrase of its own
                tr.appendChild(th(Language.english() ? label : label.substring(label.indexOf(' ') + 1)).setAttribute("class", "col-label"));
                tr.appendChild(td(figures.cell("t2", row.getKey(), col)));
            }
            table.appendChild(tr);
        }
        return table;
    }

    private Element table3(Figures figures) {
        return grid(figures, "t3", book.t3Rows(figures.template()), book.t3Columns(), row -> Labels.label(book.rowLabel("t3", row)),
                col -> Language.english() ? book.colLabel("t3", col).en() : Identities.columnName(col));
    }

    private Element table4(Figures figures) {
        return grid(figures, "t4", book.t4Rows(), book.t4Columns(), 
                group -> Language.english() ? book.rowLabel("t4", group).en() : Identities.groupName(group),
                col -> Labels.label(book.colLabel("t4", col)));
    }

    /** Tables 3 and 4: a header row of column labels, then one labelled row per template row. */
    private Element grid(Figures figures, String name, List<String> rows, List<String> cols,
                         Function<String, String> rowLabel, Function<String, String> colLabel) {
        Element table = table();
        Element head = new Element("tr");
        head.appendChild(th(""));
        cols.forEach(col -> head.appendChild(th(colLabel.apply(col))));
        table.appendChild(head);
        for (String row : rows) {
            Element tr = new Element("tr");
            tr.appendChild(th(rowLabel.apply(row)).setAttribute("class", "row-label"));
            cols.forEach(col -> tr.appendChild(td(figures.cell(name, row, col))));
            table.appendChild(tr);
        }
        return table;
    }

    private static Element table() {
        Element table = new Element("table");
        table.setAttribute("class", "template");
        return table;
    }

    private static Element th(String text) {
        return new Element("th").setText(text);
    }

    private Element td(Cell cell) {
        Element td = new Element("td").setText(cell.value() == null ? "" : ReportRules.plain(cell.value()));
        td.setAttribute("class", "value kind-" + cell.kind().code());
        td.setAttribute("data-cell", cell.code().toString());
        cells.put(cell.code(), td);
        td.setAttribute("title", tooltip(cell));
        td.addEventListener("click", e -> onCellClick.accept(cell));
        return td;
    }

    /**
     * What a cell is and how it was read, in words: "三、本年新收申请 / 自然人 · 修复后读取，原文「3O01」 ·
     * 原文第 52 行" (and for a scan what OCR read there), never the internal codes.
     */
    private String tooltip(Cell cell) {
        CellCode c = cell.code();
        String how = switch (cell.kind()) {
            case NUMBER -> Labels.text("tooltip.how.number");
            case REPAIRED -> Labels.text("tooltip.how.repaired", cell.raw());
            case INFERRED -> Labels.text("tooltip.how.inferred");
            case BLANK -> Labels.text(cell.source() == null ? "tooltip.how.missing" : "tooltip.how.blank");
            case TEXT -> Labels.text("tooltip.how.text", cell.raw());
        };
        int line = SourceText.lineNumber(cell.source());
        ScanImage.Box box = boxes.get(c);
        return "%s · %s%s%s".formatted(Labels.cell(c), how, line < 1 ? "" : " · " + Labels.text("tooltip.line", line),
                box == null ? "" : " · " + Labels.scanReading(box));
    }

    /** Marks the cells that differ from the version compared with (none: clears the marks). */
    public void markChanged(Collection<CellCode> changed) {
        cells.forEach((code, td) -> {
            if (changed.contains(code)) {
                td.getClassList().add("changed-cell");
            } else {
                td.getClassList().remove("changed-cell");
            }
        });
    }

    /**
     * Marks the cells a finding is about (a whole row or column when it names only one) and
     * scrolls the first into view; clears the marks of the finding before. Returns the first.
     */
    public Optional<CellCode> mark(Finding finding) {
        marked.values().forEach(td -> td.getClassList().remove("finding-cell"));
        marked.clear();
        if (finding == null || finding.table() == null) {
            return Optional.empty();
        }
        cells.forEach((code, td) -> {
            if (code.table().equals(finding.table()) && (finding.row() == null || code.row().equals(finding.row()))
                    && (finding.col() == null || code.col().equals(finding.col()))) {
                td.getClassList().add("finding-cell");
                marked.put(code, td);
            }
        });
        Optional<CellCode> first = marked.keySet().stream().findFirst();
        first.ifPresent(code -> marked.get(code).executeJs("this.scrollIntoView({block: 'center', inline: 'center'})"));
        return first;
    }

}
