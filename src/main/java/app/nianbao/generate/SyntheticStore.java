package app.nianbao.generate;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.CURRENT_CELLS;
import static app.nianbao.store.jooq.Tables.FINDING;
import static app.nianbao.store.jooq.Tables.REPORT;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import app.nianbao.agency.AgencyNames;
import app.nianbao.agency.Deadlines;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;
import app.nianbao.parse.Published;
import app.nianbao.report.FigureAppender;
import app.nianbao.report.Rollups;
import app.nianbao.store.Hashes;

/**
 * Writes generated agencies straight into a DuckDB store: the rows an import would write
 * (agency, report, figure, finding, current_cells), through the appender and the same rules,
 * in transactions of {@value #BATCH} agencies. A failed batch leaves the batches before it.
 */
public final class SyntheticStore {

    static final int BATCH = 2_000;
    private static final int FINDING_IDS = 50_000;

    private final DuckDBConnection connection;
    private final List<Long> findingIds = new ArrayList<>();
    private final String importedBy;
    private final long seed;
    private final LocalDateTime now = LocalDateTime.now();
    private long lastUnpivoted;

    private SyntheticStore(Connection connection, long seed) throws SQLException {
        if (!connection.isWrapperFor(DuckDBConnection.class)) {
            throw new IllegalArgumentException("generate --db writes DuckDB stores only");
        }
        this.connection = connection.unwrap(DuckDBConnection.class);
        this.importedBy = "generate --seed " + seed;
        this.seed = seed;
    }

    /** Whether generated data can be written straight into this store (DuckDB's appender). */
    public static boolean supports(Connection connection) throws SQLException {
        return connection.isWrapperFor(DuckDBConnection.class);
    }

    public record Written(int agencies, int reports, long figures, long findings, List<InjectedError> errors) {
    }

    /** Generates and stores; {@code progress} hears the number of agencies written so far. */
    public static Written generate(Connection connection, GenerateOptions options, IntConsumer progress) throws SQLException {
        SyntheticStore store = new SyntheticStore(connection, options.seed());
        if (store.count("select count(*) from agency where synthetic") > 0) {
            throw new IllegalArgumentException("数据库里已有模拟机构；请换一个 --db 文件 / the store already holds generated agencies; use another --db file");
        }
        return store.write(new Generator(options), options, progress);
    }

    private Written write(Generator generator, GenerateOptions options, IntConsumer progress) throws SQLException {
        List<SyntheticAgency> agencies = generator.agencies();
        lastUnpivoted = count("select coalesce(max(report_id), 0) from current_cells");
        long[] agencyIds = reserve("agency_id_seq", agencies.size());
        long[] reportIds = reserve("report_id_seq", agencies.size() * options.years());
        List<InjectedError> errors = new ArrayList<>();
        long[] counts = new long[2];
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Batch batch = new Batch();
            int[] done = {0};
            generator.forEach(generated -> {
                try {
                    SyntheticAgency a = generated.agency();
                    batch.agency.beginRow().append(agencyIds[a.index()]).append(a.name()).append(AgencyNames.normalize(a.name()))
                            .append(a.level().name()).append(a.regionCode()).append(a.regionName());
                    if (a.parent() < 0) {
                        batch.agency.appendNull();
                    } else {
                        batch.agency.append(agencyIds[a.parent()]);
                    }
                    // synthetic; kind inferred from the name; expected from the first generated report on, with no end; never claimed
                    batch.agency.append(true).appendNull().appendNull().appendNull().appendNull().endRow();
                    for (int i = 0; i < generated.reports().size(); i++) {
                        int year = generated.firstYear() + i;
                        long reportId = reportIds[a.index() * options.years() + i];
                        Figures figures = generated.reports().get(i);
                        report(batch.report, reportId, agencyIds[a.index()], year, figures, published(a, year));
                        FigureAppender.appendCurrentCells(batch.currentCells, reportId, agencyIds[a.index()], year, figures);
                        List<Finding> findings = generated.findings().get(i);
                        for (Finding f : findings) {
                            finding(batch.finding, reportId, f);
                        }
                        counts[0] += figures.cells().size();
                        counts[1] += findings.size();
                    }
                    errors.addAll(generated.errors());
                    if (++done[0] % BATCH == 0) {
                        batch.commit();
                        progress.accept(done[0]);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            batch.close();
            unpivotFigures();
            // written around the import's writers, so summed again whole: once per generation, not per agency
            Rollups.rebuild(DSL.using(connection, SQLDialect.DUCKDB));
            connection.commit();
            progress.accept(done[0]);
        } catch (RuntimeException | SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return new Written(agencies.size(), agencies.size() * options.years(), counts[0], counts[1], errors);
    }

    private void report(DuckDBAppender report, long id, long agencyId, int year, Figures figures, Published published)
            throws SQLException {
        FigureAppender.appendReport(report, id, agencyId, year, figures.template().code(), "generated/" + agencyId + "/" + year, "text",
                sha256(importedBy + "/" + id), now, 1,
                "模拟数据：由 " + importedBy + " 生成，没有原文。/ Generated data (" + importedBy + "): there is no source text.", published);
    }

    /**
     * A generated publication date, the same for the same seed: most reports some weeks before
     * their deadline, about one in eight late by up to three months, one in twenty with no date.
     */
    static Published published(SyntheticAgency a, int year, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + a.index() * 31L + year);
        LocalDate deadline = Deadlines.statutory().of(a.name(), a.level(), null, year).deadline();
        double draw = random.nextDouble();
        if (draw < 0.05) {
            return null;
        }
        // on time is after the year has ended and by the deadline
        int window = (int) Math.min(50, ChronoUnit.DAYS.between(LocalDate.of(year + 1, 1, 1), deadline) + 1);
        LocalDate on = draw < 0.175 ? deadline.plusDays(1 + random.nextInt(90)) : deadline.minusDays(random.nextInt(window));
        return on.isAfter(LocalDate.now()) ? null : new Published(on, Published.Source.PAGE_META);
    }

    private Published published(SyntheticAgency a, int year) {
        return published(a, year, seed);
    }

    private void finding(DuckDBAppender finding, long reportId, Finding f) throws SQLException {
        FigureAppender.appendFinding(finding, nextFindingId(), reportId, f);
    }

    private long nextFindingId() throws SQLException {
        if (findingIds.isEmpty()) {
            for (long id : reserve("finding_id_seq", FINDING_IDS)) {
                findingIds.add(id);
            }
        }
        return findingIds.remove(findingIds.size() - 1);
    }

    private long[] reserve(String sequence, int n) throws SQLException {
        long[] ids = new long[n];
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select nextval('" + sequence + "') from range(" + n + ")")) {
            int i = 0;
            while (rs.next()) {
                ids[i++] = rs.getLong(1);
            }
        }
        return ids;
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String sha256(String text) {
        return Hashes.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The batch's cells as rows of figure, unpivoted inside DuckDB from the current_cells rows
     * just appended: the same rows the appender would write for generated cells (printed ones as
     * number, blanks as blank, no raw text or source line; a blank travels as NaN because UNPIVOT drops NULLs), at a fraction of the cost of 140
     * million appends through JDBC. One fixed statement; the bounds are bind values.
     */
    private void unpivotFigures() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into figure (report_id, tbl, row_code, col_code, value, kind, raw, source)
                with batch as (select report_id, template, coalesce(columns('^t[234]__'), 'NaN'::double)
                               from current_cells where report_id > ?)
                select u.report_id, t.tbl, t.row_code, t.col_code,
                       case when isnan(u.value) then null else u.value::decimal(24, 6) end,
                       case when isnan(u.value) then 'blank' else 'number' end, null, null
                from (unpivot batch on columns('^t[234]__') into name cell value value) u
                join template_cell t on t.template = u.template and t.cell = u.cell
                order by u.report_id""")) {
            insert.setLong(1, lastUnpivoted);
            insert.executeUpdate();
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select coalesce(max(report_id), 0) from current_cells")) {
            rs.next();
            lastUnpivoted = rs.getLong(1);
        }
    }

    /** The appenders of one transaction; committing flushes them and opens fresh ones. */
    private final class Batch implements AutoCloseable {
        DuckDBAppender agency;
        DuckDBAppender report;
        DuckDBAppender finding;
        DuckDBAppender currentCells;

        Batch() throws SQLException {
            open();
        }

        private void open() throws SQLException {
            agency = connection.createAppender("main", AGENCY.getName());
            report = connection.createAppender("main", REPORT.getName());
            finding = connection.createAppender("main", FINDING.getName());
            currentCells = connection.createAppender("main", CURRENT_CELLS.getName());
        }

        void commit() throws SQLException {
            close();
            unpivotFigures();
            connection.commit();
            open();
        }

        @Override
        public void close() throws SQLException {
            for (DuckDBAppender appender : List.of(agency, report, finding, currentCells)) {
                appender.close();
            }
        }
    }
}
