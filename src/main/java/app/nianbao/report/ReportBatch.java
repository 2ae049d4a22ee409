package app.nianbao.report;

import static app.nianbao.store.jooq.Tables.CELL_BOX;
import static app.nianbao.store.jooq.Tables.CURRENT_CELLS;
import static app.nianbao.store.jooq.Tables.FIGURE;
import static app.nianbao.store.jooq.Tables.FINDING;
import static app.nianbao.store.jooq.Tables.REPORT;
import static app.nianbao.store.jooq.Tables.SCAN_PAGE;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Codebook;
import app.nianbao.catalog.Template;
import app.nianbao.figures.Cell;
import app.nianbao.figures.CellKind;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;
import app.nianbao.figures.ReviewStatus;
import app.nianbao.parse.ParsedReport;
import app.nianbao.parse.Published;
import app.nianbao.parse.ReportReader;
import app.nianbao.parse.ScanImage;
import app.nianbao.store.jooq.tables.records.CurrentCellsRecord;

/**
 * Many reports written in one transaction with a few statements, whatever their number: the
 * lookups an import needs are one query per batch (hashes, current versions, neighbouring
 * years' figures and texts), and reports, figures, wide rows and findings go in as bulk inserts
 * — DuckDB's appender where the store is DuckDB, multi-row INSERTs elsewhere. The caller holds
 * the transaction; nothing here commits.
 */
@Component
public final class ReportBatch {

    /** Rows per multi-row INSERT: large enough to amortise a statement, small enough for any planner. */
    private static final int CHUNK = 500;

    /** A stored current report of an agency and year, as an import needs to place a new one beside it. */
    public record Stored(long reportId, long agencyId, int year, int version, Template template) {
    }

    /** A report to write: its id (reserved), place, version and what the reader made of the file. */
    public record NewReport(long reportId, long agencyId, int year, int version, String sourceName, String sha256,
                            ParsedReport parsed) {
    }

    private final DSLContext dsl;

    public ReportBatch(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Which of these hashes a stored report already has. */
    public Set<String> storedHashes(Collection<String> hashes) {
        Set<String> stored = new HashSet<>();
        for (List<String> chunk : chunks(List.copyOf(hashes))) {
            stored.addAll(dsl.selectDistinct(REPORT.SHA256).from(REPORT).where(REPORT.SHA256.in(chunk)).fetch(REPORT.SHA256));
        }
        return stored;
    }

    /** The current report of each of these agencies in these years, by "agency/year", and the highest version stored. */
    public Map<String, Stored> current(Collection<Long> agencyIds, int fromYear, int toYear) {
        Map<String, Stored> current = new HashMap<>();
        // the versions themselves, the highest kept, as the current_report view defines it: DuckDB plans the
        // view's correlated max(version) as a join over every report of the store (25 ms a batch at 700,000)
        for (List<Long> chunk : chunks(List.copyOf(agencyIds))) {
            dsl.select(REPORT.ID, REPORT.AGENCY_ID, REPORT.YEAR, REPORT.VERSION, REPORT.TEMPLATE).from(REPORT)
                    .where(REPORT.AGENCY_ID.in(chunk), REPORT.YEAR.between(fromYear, toYear))
                    .forEach(r -> current.merge(key(r.get(REPORT.AGENCY_ID), r.get(REPORT.YEAR)), new Stored(r.get(REPORT.ID),
                            r.get(REPORT.AGENCY_ID), r.get(REPORT.YEAR), r.get(REPORT.VERSION), Template.ofCode(r.get(REPORT.TEMPLATE))),
                            (a, b) -> a.version() >= b.version() ? a : b));
        }
        return current;
    }

    public static String key(long agencyId, int year) {
        return agencyId + "/" + year;
    }

    /** Ids for n new reports, taken from the store's sequence in one statement. */
    public List<Long> reserveReportIds(int n) {
        return reserve("report_id_seq", n);
    }

    private List<Long> reserve(String sequence, int n) {
        if (n == 0) {
            return List.of();
        }
        // nextval('name') is what DuckDB and PostgreSQL both understand; jOOQ's sequence syntax is not
        Field<Long> next = DSL.function("nextval", SQLDataType.BIGINT, DSL.inline(sequence));
        return dsl.select(next).from(DSL.generateSeries(1, n)).fetch(next);
    }

    /** A stored figure row as a cell, read by column name. */
    static Cell cell(org.jooq.Record r) {
        return new Cell(new CellCode(r.get(FIGURE.TBL), r.get(FIGURE.ROW_CODE), r.get(FIGURE.COL_CODE)), r.get(FIGURE.VALUE),
                CellKind.ofCode(r.get(FIGURE.KIND)), r.get(FIGURE.RAW), r.get(FIGURE.SOURCE));
    }

    /** The stored figures of these reports, every cell with its kind, printed text and source line. */
    public Map<Long, Figures> figures(Collection<Stored> reports) {
        Map<Long, Figures> figures = new HashMap<>();
        reports.forEach(r -> figures.put(r.reportId(), new Figures(r.template())));
        if (figures.isEmpty()) {
            return figures;
        }
        for (Condition where : near(FIGURE.REPORT_ID, figures.keySet())) {
            dsl.select(FIGURE.REPORT_ID, FIGURE.TBL, FIGURE.ROW_CODE, FIGURE.COL_CODE, FIGURE.VALUE, FIGURE.KIND, FIGURE.RAW, FIGURE.SOURCE)
                    .from(FIGURE).where(where).forEach(r -> {
                        Figures of = figures.get(r.get(FIGURE.REPORT_ID));
                        if (of != null) {
                            of.put(cell(r));
                        }
                    });
        }
        return figures;
    }

    /**
     * The figures of these current reports as the rules need them, read from their wide rows
     * (one row a report) and, for the few cells that are not plain numbers, from figure (their
     * kind, printed text and source line, which the blank-cell findings name). Fetching every
     * cell row instead costs a national check most of its time.
     */
    public Map<Long, Figures> currentFigures(Collection<Stored> reports) {
        Map<Long, Figures> figures = new HashMap<>();
        reports.forEach(r -> figures.put(r.reportId(), new Figures(r.template())));
        if (figures.isEmpty()) {
            return figures;
        }
        List<Field<?>> wide = new ArrayList<>(List.of(CURRENT_CELLS.REPORT_ID));
        wide.addAll(CurrentCells.columns().values());
        for (Condition where : near(CURRENT_CELLS.REPORT_ID, figures.keySet())) {
            dsl.select(wide).from(CURRENT_CELLS).where(where).forEach(row -> {
                Figures of = figures.get(row.get(CURRENT_CELLS.REPORT_ID));
                if (of == null) {
                    return;
                }
                for (CellCode cell : Codebook.get().cells(of.template())) {
                    Double value = row.get(CurrentCells.column(cell));
                    // a cell without a number is listed below with its kind, unless the reader never found it
                    of.put(new Cell(cell, value == null ? null : BigDecimal.valueOf(value), value == null ? CellKind.BLANK : CellKind.NUMBER,
                            null, null));
                }
            });
        }
        for (Condition where : near(FIGURE.REPORT_ID, figures.keySet())) {
            dsl.select(FIGURE.REPORT_ID, FIGURE.TBL, FIGURE.ROW_CODE, FIGURE.COL_CODE, FIGURE.VALUE, FIGURE.KIND, FIGURE.RAW, FIGURE.SOURCE)
                    .from(FIGURE).where(where, FIGURE.KIND.ne(CellKind.NUMBER.code())).forEach(r -> {
                        Figures of = figures.get(r.get(FIGURE.REPORT_ID));
                        if (of != null) {
                            of.put(cell(r));
                        }
                    });
        }
        return figures;
    }

    /**
     * Conditions that select these ids: one range when they lie close together (rows are stored
     * in the order they were written, so the store reads only the segments of that range), else
     * a chunk of ids at a time.
     */
    private static List<Condition> near(Field<Long> column, Set<Long> ids) {
        long lo = Collections.min(ids);
        long hi = Collections.max(ids);
        if (hi - lo < 4L * ids.size() + CHUNK) {
            return List.of(column.between(lo, hi));
        }
        return chunks(List.copyOf(ids)).stream().map(column::in).map(Condition.class::cast).toList();
    }

    /** The source text of these reports, one query for all. */
    public Map<Long, String> sourceTexts(Collection<Long> reportIds) {
        Map<Long, String> texts = new HashMap<>();
        if (reportIds.isEmpty()) {
            return texts;
        }
        Set<Long> wanted = new HashSet<>(reportIds);
        for (Condition where : near(REPORT.ID, wanted)) {
            dsl.select(REPORT.ID, REPORT.SOURCE_TEXT).from(REPORT).where(where).forEach(r -> {
                if (wanted.contains(r.get(REPORT.ID))) {
                    texts.put(r.get(REPORT.ID), r.get(REPORT.SOURCE_TEXT));
                }
            });
        }
        return texts;
    }

    /** The stored findings of these reports with their reviews, one query for all. */
    public Map<Long, List<ReportService.StoredFinding>> findings(Collection<Long> reportIds) {
        Map<Long, List<ReportService.StoredFinding>> findings = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(reportIds))) {
            dsl.selectFrom(FINDING).where(FINDING.REPORT_ID.in(chunk)).orderBy(FINDING.ID)
                    .forEach(r -> findings.computeIfAbsent(r.getReportId(), id -> new ArrayList<>()).add(ReportService.stored(r)));
        }
        return findings;
    }

    /**
     * Replaces the findings of these reports. A new finding that says what a reviewed old one
     * said (same statement) keeps its review: who, when, why.
     *
     * @return the reviews that no longer apply, by report: their finding is gone
     */
    public Map<Long, List<ReportService.StoredFinding>> replaceFindings(Map<Long, List<Finding>> findings) {
        return replaceFindings(findings, findings(findings.keySet()));
    }

    /** As {@link #replaceFindings(Map)}, with the stored findings (and reviews) already read. */
    public Map<Long, List<ReportService.StoredFinding>> replaceFindings(Map<Long, List<Finding>> findings,
                                                                       Map<Long, List<ReportService.StoredFinding>> previous) {
        Carried carried = carry(findings, previous);
        for (List<Long> chunk : chunks(List.copyOf(findings.keySet()))) {
            dsl.deleteFrom(FINDING).where(FINDING.REPORT_ID.in(chunk)).execute();
        }
        insertFindingRows(carried.rows());
        return carried.lapsed();
    }

    /** The rows to store, each with the review it keeps, and the reviews left with no finding to hold them. */
    private record Carried(List<FindingRow> rows, Map<Long, List<ReportService.StoredFinding>> lapsed) {
    }

    private static Carried carry(Map<Long, List<Finding>> findings, Map<Long, List<ReportService.StoredFinding>> previous) {
        List<FindingRow> rows = new ArrayList<>();
        Map<Long, List<ReportService.StoredFinding>> lapsed = new LinkedHashMap<>();
        findings.forEach((reportId, list) -> {
            Map<String, ReportService.StoredFinding> reviewed = new LinkedHashMap<>();
            previous.getOrDefault(reportId, List.of()).stream().filter(f -> !ReviewStatus.OPEN.code().equals(f.reviewStatus()))
                    .forEach(f -> reviewed.put(f.finding().statement(), f));
            list.forEach(f -> rows.add(new FindingRow(reportId, f, reviewed.remove(f.statement()))));
            if (!reviewed.isEmpty()) {
                lapsed.put(reportId, List.copyOf(reviewed.values()));
            }
        });
        return new Carried(rows, lapsed);
    }

    /** A finding to store for a report, with the review it keeps from before (null: open). */
    private record FindingRow(long reportId, Finding finding, ReportService.StoredFinding review) {
    }

    private void insertFindingRows(List<FindingRow> rows) {
        for (List<FindingRow> chunk : chunks(rows)) {
            var insert = dsl.insertInto(FINDING, FINDING.REPORT_ID, FINDING.RULE, FINDING.SEVERITY, FINDING.TBL, FINDING.ROW_CODE,
                    FINDING.COL_CODE, FINDING.EXPECTED, FINDING.ACTUAL, FINDING.MESSAGE, FINDING.REVIEW_STATUS, FINDING.REVIEW_COMMENT,
                    FINDING.REVIEWED_BY, FINDING.REVIEWED_AT);
            for (FindingRow row : chunk) {
                Finding f = row.finding();
                ReportService.StoredFinding review = row.review();
                insert = insert.values(row.reportId(), f.rule(), f.severity().code(), f.table(), f.row(), f.col(), f.expected(),
                        f.actual(), f.message(), review == null ? ReviewStatus.OPEN.code() : review.reviewStatus(),
                        review == null ? null : review.reviewComment(), review == null ? null : review.reviewedBy(),
                        review == null ? null : review.reviewedAt());
            }
            insert.execute();
        }
    }

    /**
     * Writes the reports, their figures, the wide rows of those that become current (replacing
     * the rows of the reports they supersede) and their findings. A new report's finding that
     * says what a reviewed finding of the version it replaces said keeps that review.
     *
     * @param reviewsBefore by new report, the findings of the version it replaces
     * @return the reviews of replaced versions that no longer apply, by new report
     */
    public Map<Long, List<ReportService.StoredFinding>> write(List<NewReport> reports, Collection<Long> superseded,
                                                              List<NewReport> becomeCurrent, Map<Long, List<Finding>> findings,
                                                              Map<Long, List<ReportService.StoredFinding>> reviewsBefore) {
        insertScans(reports);
        Carried carried = carry(findings, reviewsBefore);
        if (!FigureAppender.onDuckDb(dsl)) {
            insertReports(reports);
            insertFigures(reports);
            replaceCurrentCells(superseded, becomeCurrent, false);
            insertFindingRows(carried.rows());
            return carried.lapsed();
        }
        // DuckDB plans a multi-row INSERT slowly; its appender writes the same rows in a fraction of the time
        LocalDateTime now = LocalDateTime.now();
        Iterator<Long> findingIds = reserve("finding_id_seq", carried.rows().size()).iterator();
        dsl.connection(connection -> {
            DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
            try (DuckDBAppender report = duck.createAppender("main", REPORT.getName());
                 DuckDBAppender figure = duck.createAppender("main", FIGURE.getName())) {
                for (NewReport r : reports) {
                    FigureAppender.appendReport(report, r.reportId(), r.agencyId(), r.year(), r.parsed().figures().template().code(),
                            r.sourceName(), r.parsed().format().code(), r.sha256(), now, r.version(), r.parsed().sourceText(),
                            r.parsed().published());
                    FigureAppender.appendFigures(figure, r.reportId(), r.parsed().figures());
                }
            }
        });
        replaceCurrentCells(superseded, becomeCurrent, true);
        dsl.connection(connection -> {
            try (DuckDBAppender finding = connection.unwrap(DuckDBConnection.class).createAppender("main", FINDING.getName())) {
                for (FindingRow row : carried.rows()) {
                    FigureAppender.appendFinding(finding, findingIds.next(), row.reportId(), row.finding(), row.review());
                }
            }
        });
        return carried.lapsed();
    }

    /** The pages and cell boxes of the scans among these reports: a statement a page and one a scan's boxes; scans are few. */
    private void insertScans(List<NewReport> reports) {
        for (NewReport r : reports) {
            ScanImage scan = r.parsed().scan();
            if (scan == null) {
                continue;
            }
            for (int i = 0; i < scan.pages().size(); i++) {
                ScanImage.Page page = scan.pages().get(i);
                dsl.insertInto(SCAN_PAGE, SCAN_PAGE.REPORT_ID, SCAN_PAGE.PAGE, SCAN_PAGE.WIDTH, SCAN_PAGE.HEIGHT, SCAN_PAGE.IMAGE)
                        .values(r.reportId(), i + 1, page.width(), page.height(), page.jpeg()).execute();
            }
            if (scan.boxes().isEmpty()) {
                continue;
            }
            var insert = dsl.insertInto(CELL_BOX, CELL_BOX.REPORT_ID, CELL_BOX.TBL, CELL_BOX.ROW_CODE, CELL_BOX.COL_CODE, CELL_BOX.PAGE,
                    CELL_BOX.X, CELL_BOX.Y, CELL_BOX.W, CELL_BOX.H, CELL_BOX.CONFIDENCE, CELL_BOX.READ_AS);
            for (var box : scan.boxes().entrySet()) {
                CellCode c = box.getKey();
                ScanImage.Box b = box.getValue();
                insert = insert.values(r.reportId(), c.table(), c.row(), c.col(), b.page(), b.x(), b.y(), b.width(), b.height(),
                        b.confidence(), b.readAs());
            }
            insert.execute();
        }
    }

    private void insertReports(List<NewReport> reports) {
        LocalDateTime now = LocalDateTime.now();
        for (List<NewReport> chunk : chunks(reports)) {
            var insert = dsl.insertInto(REPORT, REPORT.ID, REPORT.AGENCY_ID, REPORT.YEAR, REPORT.TEMPLATE, REPORT.SOURCE_NAME,
                    REPORT.FORMAT, REPORT.SHA256, REPORT.IMPORTED_AT, REPORT.PARSER_VERSION, REPORT.VERSION, REPORT.SOURCE_TEXT,
                    REPORT.PUBLISHED_ON, REPORT.DATE_SOURCE);
            for (NewReport r : chunk) {
                Published published = r.parsed().published();
                insert = insert.values(r.reportId(), r.agencyId(), r.year(), r.parsed().figures().template().code(), r.sourceName(),
                        r.parsed().format().code(), r.sha256(), now, ReportReader.VERSION, r.version(), r.parsed().sourceText(),
                        published == null ? null : published.on(), published == null ? null : published.source().code());
            }
            insert.execute();
        }
    }

    private void insertFigures(List<NewReport> reports) {
        record Row(long reportId, Cell cell) {
        }
        List<Row> rows = new ArrayList<>();
        for (NewReport r : reports) {
            r.parsed().figures().cells().forEach(cell -> rows.add(new Row(r.reportId(), cell)));
        }
        for (List<Row> chunk : chunks(rows)) {
            var insert = dsl.insertInto(FIGURE, FIGURE.REPORT_ID, FIGURE.TBL, FIGURE.ROW_CODE, FIGURE.COL_CODE, FIGURE.VALUE,
                    FIGURE.KIND, FIGURE.RAW, FIGURE.SOURCE);
            for (Row row : chunk) {
                CellCode c = row.cell().code();
                insert = insert.values(row.reportId(), c.table(), c.row(), c.col(), row.cell().value(), row.cell().kind().code(),
                        row.cell().raw(), row.cell().source());
            }
            insert.execute();
        }
    }

    /** The wide read model follows the current versions: rows of superseded reports go, the new current ones come. */
    private void replaceCurrentCells(Collection<Long> superseded, List<NewReport> becomeCurrent, boolean appender) {
        Set<Long> agencies = new HashSet<>();
        becomeCurrent.forEach(r -> agencies.add(r.agencyId()));
        for (List<Long> chunk : chunks(List.copyOf(superseded))) {
            agencies.addAll(dsl.selectDistinct(CURRENT_CELLS.AGENCY_ID).from(CURRENT_CELLS).where(CURRENT_CELLS.REPORT_ID.in(chunk))
                    .fetch(CURRENT_CELLS.AGENCY_ID));
        }
        Rollups.change(dsl, agencies, () -> writeCurrentCells(superseded, becomeCurrent, appender));
    }

    private void writeCurrentCells(Collection<Long> superseded, List<NewReport> becomeCurrent, boolean appender) {
        for (List<Long> chunk : chunks(List.copyOf(superseded))) {
            dsl.deleteFrom(CURRENT_CELLS).where(CURRENT_CELLS.REPORT_ID.in(chunk)).execute();
        }
        if (appender) {
            dsl.connection(connection -> {
                try (DuckDBAppender rows = connection.unwrap(DuckDBConnection.class).createAppender("main", CURRENT_CELLS.getName())) {
                    for (NewReport r : becomeCurrent) {
                        FigureAppender.appendCurrentCells(rows, r.reportId(), r.agencyId(), r.year(), r.parsed().figures());
                    }
                }
            });
            return;
        }
        List<Field<?>> columns = new ArrayList<>(List.of(CURRENT_CELLS.REPORT_ID, CURRENT_CELLS.AGENCY_ID, CURRENT_CELLS.YEAR,
                CURRENT_CELLS.TEMPLATE, CURRENT_CELLS.BLANK_CELLS, CURRENT_CELLS.ADJUSTED_CELLS));
        columns.addAll(CurrentCells.columns().values());
        for (List<NewReport> chunk : chunks(becomeCurrent)) {
            InsertValuesStepN<CurrentCellsRecord> insert = dsl.insertInto(CURRENT_CELLS, columns);
            for (NewReport r : chunk) {
                insert = insert.values(CurrentCells.row(r.reportId(), r.agencyId(), r.year(), r.parsed().figures()));
            }
            insert.execute();
        }
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
