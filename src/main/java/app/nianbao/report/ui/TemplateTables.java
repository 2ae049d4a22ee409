package app.nianbao.report.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.dom.Element;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Codebook;
import app.nianbao.check.Identities;
import app.nianbao.check.ReportRules;
import app.nianbao.figures.Cell;
import app.nianbao.figures.Figures;

/**
 * Tables 2–4 laid out like the official template, each cell marked by how it was read
 * (repaired, inferred, blank) and clickable to show its source line. Text goes in as text:
 * nothing from a report is ever parsed as markup.
 */
class TemplateTables extends Div {

    private final Codebook book = Codebook.get();
    private final Consumer<Cell> onCellClick;

    TemplateTables(Figures figures, Consumer<Cell> onCellClick) {
        this.onCellClick = onCellClick;
        addClassName("template-tables");
        add(new H3("二、主动公开政府信息情况"));
        getElement().appendChild(table2(figures));
        add(new H3("三、收到和处理政府信息公开申请情况"));
        getElement().appendChild(table3(figures));
        add(new H3("四、政府信息公开行政复议、行政诉讼情况"));
        getElement().appendChild(table4(figures));
    }

    private Element table2(Figures figures) {
        Element table = table();
        for (Map.Entry<String, List<String>> row : book.t2(figures.template()).entrySet()) {
            Element tr = new Element("tr");
            tr.appendChild(th(book.rowLabel("t2", row.getKey()).zh()));
            for (String col : row.getValue()) {
                String label = book.label("t2." + row.getKey() + "." + col).zh();
                tr.appendChild(th(label.substring(label.indexOf(' ') + 1)).setAttribute("class", "col-label"));
                tr.appendChild(td(figures.cell("t2", row.getKey(), col)));
            }
            table.appendChild(tr);
        }
        return table;
    }

    private Element table3(Figures figures) {
        return grid(figures, "t3", book.t3Rows(figures.template()), book.t3Columns(), row -> book.rowLabel("t3", row).zh(),
                Identities::columnName);
    }

    private Element table4(Figures figures) {
        return grid(figures, "t4", book.t4Rows(), book.t4Columns(), Identities::groupName, col -> book.colLabel("t4", col).zh());
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
        td.setAttribute("title", tooltip(cell));
        td.addEventListener("click", e -> onCellClick.accept(cell));
        return td;
    }

    private static String tooltip(Cell cell) {
        CellCode c = cell.code();
        String how = switch (cell.kind()) {
            case NUMBER -> "按原文读取";
            case REPAIRED -> "修复后读取，原文「" + cell.raw() + "」";
            case INFERRED -> "原文丢失，由勾稽关系推断";
            case BLANK -> cell.source() == null ? "未找到" : "空白或无法确定";
            case TEXT -> "原文为文字「" + cell.raw() + "」";
        };
        return "%s · %s%s".formatted(c, how, cell.source() == null ? "" : " · " + cell.source());
    }

}
