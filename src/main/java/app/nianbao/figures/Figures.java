package app.nianbao.figures;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Codebook;
import app.nianbao.catalog.Template;

/** The figures of one report: every cell of its template, in template order. */
public final class Figures {

    private final Template template;
    private final Map<CellCode, Cell> cells = new LinkedHashMap<>();

    public Figures(Template template) {
        this.template = template;
        for (CellCode code : Codebook.get().cells(template)) {
            cells.put(code, Cell.missing(code, null));
        }
    }

    public Template template() {
        return template;
    }

    public void put(Cell cell) {
        if (!cells.containsKey(cell.code())) {
            throw new IllegalArgumentException(cell.code() + " is not a cell of the " + template.code() + " template");
        }
        cells.put(cell.code(), cell);
    }

    public Cell cell(CellCode code) {
        Cell cell = cells.get(code);
        if (cell == null) {
            throw new IllegalArgumentException(code + " is not a cell of the " + template.code() + " template");
        }
        return cell;
    }

    public Cell cell(String table, String row, String col) {
        return cell(new CellCode(table, row, col));
    }

    public Collection<Cell> cells() {
        return cells.values();
    }
}
