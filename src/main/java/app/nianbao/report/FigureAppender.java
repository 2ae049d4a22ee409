package app.nianbao.report;

import static app.nianbao.store.jooq.Tables.FIGURE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDateTime;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jooq.DSLContext;

import app.nianbao.catalog.CellCode;
import app.nianbao.figures.Cell;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;
import app.nianbao.figures.ReviewStatus;
import app.nianbao.parse.Published;
import app.nianbao.parse.ReportReader;
import app.nianbao.store.jooq.Tables;

/**
 * A report's cells as rows of figure and as its wide row of current_cells, through DuckDB's
 * appender: one import and a generated national data set write them the same way.
 */
public final class FigureAppender {

    private static final int SCALE = FIGURE.VALUE.getDataType().scale();

    private FigureAppender() {
    }

    /** Whether the store is DuckDB, whose appender these write through; elsewhere the writers use multi-row INSERTs. */
    static boolean onDuckDb(DSLContext dsl) {
        return dsl.connectionResult(connection -> connection.isWrapperFor(DuckDBConnection.class));
    }

    /** One row per cell, in the column order of figure. */
    public static void appendFigures(DuckDBAppender figure, long reportId, Figures figures) throws SQLException {
        for (Cell cell : figures.cells()) {
            CellCode c = cell.code();
            figure.beginRow().append(reportId).append(c.table()).append(c.row()).append(c.col());
            if (cell.value() == null) {
                figure.appendNull();
            } else {
                figure.append(cell.value().setScale(SCALE, RoundingMode.UNNECESSARY));
            }
            figure.append(cell.kind().code());
            appendNullable(figure, cell.raw());
            appendNullable(figure, cell.source());
            figure.endRow();
        }
    }

    /** The report's row of current_cells; only for a report that is its agency and year's current one. */
    public static void appendCurrentCells(DuckDBAppender currentCells, long reportId, long agencyId, int year, Figures figures)
            throws SQLException {
        currentCells.beginRow();
        for (Object value : CurrentCells.row(reportId, agencyId, year, figures)) {
            if (value == null) {
                currentCells.appendNull();
            } else if (value instanceof Long l) {
                currentCells.append(l);
            } else if (value instanceof Integer i) {
                currentCells.append(i);
            } else if (value instanceof Double d) {
                currentCells.append(d);
            } else {
                currentCells.append((String) value);
            }
        }
        currentCells.endRow();
    }

    /** One row of report, in its column order. */
    public static void appendReport(DuckDBAppender report, long id, long agencyId, int year, String template, String sourceName,
                                    String format, String sha256, LocalDateTime importedAt, int version, String sourceText,
                                    Published published) throws SQLException {
        report.beginRow().append(id).append(agencyId).append(year).append(template).append(sourceName).append(format)
                .append(sha256).append(importedAt).append(ReportReader.VERSION).append(version).append(sourceText);
        if (published == null) {
            report.appendNull().appendNull();
        } else {
            report.append(published.on()).append(published.source().code());
        }
        // changed_on and withdrawn_on: what the collector sees later
        report.appendNull().appendNull();
        report.endRow();
    }

    /**
     * One open finding, in the column order of finding. DuckDB's appender does not enforce NOT
     * NULL, so a finding without its message is refused here as an INSERT would refuse it.
     */
    public static void appendFinding(DuckDBAppender finding, long id, long reportId, Finding f) throws SQLException {
        appendFinding(finding, id, reportId, f, null);
    }

    /** A finding with the review it keeps from an earlier version or check (null: open). */
    static void appendFinding(DuckDBAppender finding, long id, long reportId, Finding f,
                              ReportService.StoredFinding review) throws SQLException {
        if (f.rule() == null || f.severity() == null || f.message() == null) {
            throw new SQLException("finding %s of report %d lacks its rule, severity or message".formatted(f.rule(), reportId));
        }
        finding.beginRow().append(id).append(reportId).append(f.rule()).append(f.severity().code());
        appendNullable(finding, f.table());
        appendNullable(finding, f.row());
        appendNullable(finding, f.col());
        appendDecimal(finding, f.expected());
        appendDecimal(finding, f.actual());
        finding.append(f.message());
        if (review == null) {
            finding.append(ReviewStatus.OPEN.code()).appendNull().appendNull().appendNull();
        } else {
            finding.append(review.reviewStatus());
            appendNullable(finding, review.reviewComment());
            appendNullable(finding, review.reviewedBy());
            if (review.reviewedAt() == null) {
                finding.appendNull();
            } else {
                finding.append(review.reviewedAt());
            }
        }
        finding.endRow();
    }

    private static void appendDecimal(DuckDBAppender appender, BigDecimal value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value.setScale(Tables.FINDING.EXPECTED.getDataType().scale(), RoundingMode.HALF_UP));
        }
    }

    /** A text column that may be empty. */
    public static void appendNullable(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }
}
