package app.nianbao.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.nianbao.catalog.CellCode;
import app.nianbao.figures.Cell;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;

/**
 * The shape `parse` prints and the API serves: agency, year, template, t2/t3/t4 keyed by the
 * codes of codes.csv (null for a blank, never 0), the noteworthy cells and the findings.
 */
public final class ReportJson {

    private ReportJson() {
    }

    public static Map<String, Object> of(String agency, Integer year, String format, Published published, Figures figures,
                                         List<Finding> findings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("agency", agency);
        json.put("year", year);
        json.put("template", figures.template().code());
        json.put("format", format);
        json.put("published_on", published == null ? null : published.on().toString());
        json.put("date_source", published == null ? null : published.source().code());
        Map<String, Map<String, Map<String, BigDecimal>>> tables = new LinkedHashMap<>();
        for (String t : List.of("t2", "t3", "t4")) {
            tables.put(t, new LinkedHashMap<>());
        }
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Cell cell : figures.cells()) {
            CellCode c = cell.code();
            tables.get(c.table()).computeIfAbsent(c.row(), r -> new LinkedHashMap<>()).put(c.col(), number(cell.value()));
            if (cell.isNoteworthy()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("table", c.table());
                m.put("row", c.row());
                m.put("col", c.col());
                m.put("value", number(cell.value()));
                m.put("kind", cell.kind().code());
                m.put("raw", cell.raw());
                m.put("source", cell.source());
                cells.add(m);
            }
        }
        json.putAll(tables);
        json.put("cells", cells);
        json.put("findings", findings.stream().map(ReportJson::finding).toList());
        return json;
    }

    public static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule());
        m.put("severity", f.severity().code());
        m.put("table", f.table());
        m.put("row", f.row());
        m.put("col", f.col());
        m.put("expected", number(f.expected()));
        m.put("actual", number(f.actual()));
        m.put("message", f.message());
        return m;
    }

    public static Map<String, Object> of(ParsedReport report) {
        return of(report.agency(), report.year(), report.format().code(), report.published(), report.figures(), report.findings());
    }

    /** Integers print as integers; decimals keep their digits but not trailing zeros. */
    private static BigDecimal number(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
