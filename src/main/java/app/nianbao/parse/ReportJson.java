package app.nianbao.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import app.nianbao.catalog.CellCode;
import app.nianbao.figures.Cell;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;

/**
 * The shape `parse` prints and the API serves: agency, year, template, t2/t3/t4 keyed by the
 * codes of codes.csv (null for a blank, never 0), the noteworthy cells and the findings.
 */
public record ReportJson(String agency, Integer year, String template, String format,
                         @JsonProperty("published_on") String publishedOn, @JsonProperty("date_source") String dateSource,
                         Map<String, Map<String, BigDecimal>> t2, Map<String, Map<String, BigDecimal>> t3,
                         Map<String, Map<String, BigDecimal>> t4, List<CellJson> cells, List<FindingJson> findings) {

    /** A cell worth a reader's look: repaired, inferred, blank or doubtful, with what the file said. */
    public record CellJson(String table, String row, String col, BigDecimal value, String kind, String raw, String source) {
    }

    public record FindingJson(String rule, String severity, String table, String row, String col, BigDecimal expected,
                              BigDecimal actual, String message) {
    }

    public static ReportJson of(String agency, Integer year, String format, Published published, Figures figures,
                                List<Finding> findings) {
        Map<String, Map<String, Map<String, BigDecimal>>> tables = new LinkedHashMap<>();
        for (String t : List.of("t2", "t3", "t4")) {
            tables.put(t, new LinkedHashMap<>());
        }
        List<CellJson> cells = new ArrayList<>();
        for (Cell cell : figures.cells()) {
            CellCode c = cell.code();
            tables.get(c.table()).computeIfAbsent(c.row(), r -> new LinkedHashMap<>()).put(c.col(), number(cell.value()));
            if (cell.isNoteworthy()) {
                cells.add(new CellJson(c.table(), c.row(), c.col(), number(cell.value()), cell.kind().code(), cell.raw(), cell.source()));
            }
        }
        return new ReportJson(agency, year, figures.template().code(), format, published == null ? null : published.on().toString(),
                published == null ? null : published.source().code(), tables.get("t2"), tables.get("t3"), tables.get("t4"), cells,
                findings.stream().map(ReportJson::finding).toList());
    }

    public static FindingJson finding(Finding f) {
        return new FindingJson(f.rule(), f.severity().code(), f.table(), f.row(), f.col(), number(f.expected()), number(f.actual()),
                f.message());
    }

    public static ReportJson of(ParsedReport report) {
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
