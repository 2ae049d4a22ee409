package app.nianbao.analytics;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.CURRENT_CELLS;
import static app.nianbao.store.jooq.Tables.REPORT;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record10;
import org.jooq.RecordMapper;
import org.jooq.Records;
import org.jooq.SelectSeekStep2;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import app.nianbao.agency.AgencyKind;
import app.nianbao.agency.Deadlines;
import app.nianbao.catalog.AgencyLevel;
import app.nianbao.catalog.Scope;
import app.nianbao.report.MetricSql;

/**
 * Who published and when: for every agency expected to report on a year — each agency from the
 * first year it has a report on, or from the first year its roster entry names, until the last
 * year the roster names — one status against the deadline of its kind ({@link Deadlines}: a
 * government by 31 March of the next year, a department by 31 January, unless configured
 * otherwise): on time, late by so many days, missing once the deadline has passed, published
 * with no known date, or not yet due. A report changed or withdrawn at its source keeps its
 * status and carries the date.
 */
@Service
public class PublicationRegister {

    public enum Status {
        ON_TIME, LATE, MISSING, NO_DATE, NOT_DUE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Entry(long agencyId, String agency, AgencyLevel level, int year, AgencyKind kind, LocalDate deadline,
                        LocalDate publishedOn, String dateSource, Status status, Integer daysLate, LocalDate changedOn,
                        LocalDate withdrawnOn) {
    }

    /** A year's register in counts. */
    public record YearSummary(int year, int expected, int onTime, int late, int missing, int noDate, int notDue) {

        /**
         * On time among the reports that can be judged — published with a date, or missing after
         * the deadline; a report without a date and one not yet due are no evidence either way.
         */
        public Double onTimeRate() {
            int judged = onTime + late + missing;
            return judged == 0 ? null : (double) onTime / judged;
        }
    }

    private final DSLContext dsl;
    private final Deadlines deadlines;
    private final ReadCache cache;

    public PublicationRegister(DSLContext dsl, Deadlines deadlines) {
        this(dsl, deadlines, ReadCache.none());
    }

    @Autowired
    public PublicationRegister(DSLContext dsl, Deadlines deadlines, ReadCache cache) {
        this.dsl = dsl;
        this.deadlines = deadlines;
        this.cache = cache;
    }

    /** Every expected agency's entry for the year, by name. */
    public List<Entry> entries(Scope scope, int year, LocalDate today) {
        return cache.get(List.of("register", scope, year, today), () -> {
            List<Entry> entries = new ArrayList<>();
            forEach(scope, year, year, today, entries::add);
            return entries;
        });
    }

    /** The register of each year in counts; one pass over the expected agency-years of all the years, nothing held. */
    public List<YearSummary> summary(Scope scope, int from, int to, LocalDate today) {
        return cache.get(List.of("register summary", scope, from, to, today), () -> summaryOf(scope, from, to, today));
    }

    private List<YearSummary> summaryOf(Scope scope, int from, int to, LocalDate today) {
        int[][] counts = new int[Math.max(0, to - from + 1)][Status.values().length];
        forEach(scope, from, to, today, e -> counts[e.year() - from][e.status().ordinal()]++);
        List<YearSummary> years = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            int[] c = counts[i];
            int expected = Arrays.stream(c).sum();
            if (expected > 0) {
                years.add(new YearSummary(from + i, expected, c[Status.ON_TIME.ordinal()], c[Status.LATE.ordinal()],
                        c[Status.MISSING.ordinal()], c[Status.NO_DATE.ordinal()], c[Status.NOT_DUE.ordinal()]));
            }
        }
        return years;
    }

    /** One page of a year's register by name, and how many entries the whole year has. */
    public record RegisterPage(int total, List<Entry> entries) {
    }

    /**
     * A page of the year's register, cut in the query: a national year has 100,000 entries, and
     * an API page judges only its own against their deadlines instead of all of them (the
     * count is a second query over the same rows).
     */
    public RegisterPage page(Scope scope, int year, LocalDate today, int offset, int limit) {
        return cache.get(List.of("register page", scope, year, today, offset, limit), () -> {
            List<Entry> entries = new ArrayList<>();
            // built twice: jOOQ's steps change the query they belong to, so a paged one cannot be counted whole
            try (var page = expected(scope, year, year).offset(offset).limit(limit).fetchSize(5_000).stream()) {
                page.map(judged(today)::map).forEach(entries::add);
            }
            return new RegisterPage(dsl.fetchCount(expected(scope, year, year)), entries);
        });
    }

    /** Every expected agency-year from {@code from} to {@code to}, by year and name, in one query. */
    private void forEach(Scope scope, int from, int to, LocalDate today, Consumer<Entry> sink) {
        if (to < from) {
            return;
        }
        try (var rows = expected(scope, from, to).fetchSize(5_000).stream()) {
            rows.map(judged(today)::map).forEach(sink);
        }
    }

    /** The expected agency-years with their current report's publication, by year and name. */
    private SelectSeekStep2<Record10<Long, String, String, String, Integer, Long, LocalDate, String, LocalDate, LocalDate>, Integer, String>
            expected(Scope scope, int from, int to) {
        var first = DSL.select(CURRENT_CELLS.AGENCY_ID, DSL.min(CURRENT_CELLS.YEAR).as("first_year")).from(CURRENT_CELLS)
                .where(MetricSql.inScope(scope)).groupBy(CURRENT_CELLS.AGENCY_ID).asTable("first");
        Field<Long> agencyId = first.field(CURRENT_CELLS.AGENCY_ID);
        Field<Integer> firstReport = first.field("first_year", Integer.class);
        // the roster's first year where it is earlier than the first report, or where there is no report yet
        Field<Integer> expectedFrom = DSL.least(DSL.coalesce(firstReport, AGENCY.FIRST_EXPECTED),
                DSL.coalesce(AGENCY.FIRST_EXPECTED, firstReport));
        var years = DSL.generateSeries(from, to).as("years", "year");
        Field<Integer> year = years.field("year", Integer.class);
        var current = CURRENT_CELLS.as("current");
        return dsl.select(AGENCY.ID, AGENCY.NAME, AGENCY.LEVEL, AGENCY.KIND, year, REPORT.ID, REPORT.PUBLISHED_ON,
                        REPORT.DATE_SOURCE, REPORT.CHANGED_ON, REPORT.WITHDRAWN_ON)
                .from(AGENCY).leftJoin(first).on(agencyId.eq(AGENCY.ID))
                .join(years).on(year.ge(expectedFrom), AGENCY.LAST_EXPECTED.isNull().or(year.le(AGENCY.LAST_EXPECTED)))
                .leftJoin(current).on(current.AGENCY_ID.eq(AGENCY.ID), current.YEAR.eq(year))
                .leftJoin(REPORT).on(REPORT.ID.eq(current.REPORT_ID))
                .where(agencyId.isNotNull().or(AGENCY.FIRST_EXPECTED.isNotNull().and(MetricSql.inScope(scope, AGENCY.ID))))
                .orderBy(year, AGENCY.NAME);
    }

    /** Each expected agency-year judged against its deadline as of today. */
    private RecordMapper<Record10<Long, String, String, String, Integer, Long, LocalDate, String, LocalDate, LocalDate>, Entry> judged(
            LocalDate today) {
        return Records.mapping((id, name, level, kind, y, reportId, on, source, changed, withdrawn) -> entry(
                new Agency(id, name, AgencyLevel.ofName(level), AgencyKind.ofCode(kind).orElse(null)), y,
                reportId == null ? null : new Publication(on, source, changed, withdrawn), today));
    }

    /** An agency as the register judges it: its kind set by a user or a roster, or null. */
    record Agency(long id, String name, AgencyLevel level, AgencyKind kind) {
    }

    /** What is known of a stored report's publication. */
    record Publication(LocalDate on, String source, LocalDate changedOn, LocalDate withdrawnOn) {
    }

    /** One agency-year's status; {@code report} is null where the agency has no report on the year. */
    Entry entry(Agency agency, int year, Publication report, LocalDate today) {
        Deadlines.Rule rule = deadlines.of(agency.name(), agency.level(), agency.kind(), year);
        LocalDate deadline = rule.deadline();
        Status status;
        Integer daysLate = null;
        if (report == null) {
            status = today.isAfter(deadline) ? Status.MISSING : Status.NOT_DUE;
        } else if (report.on() == null) {
            status = Status.NO_DATE;
        } else if (report.on().isAfter(deadline)) {
            status = Status.LATE;
            daysLate = (int) ChronoUnit.DAYS.between(deadline, report.on());
        } else {
            status = Status.ON_TIME;
        }
        return new Entry(agency.id(), agency.name(), agency.level(), year, rule.kind(), deadline,
                report == null ? null : report.on(), report == null ? null : report.source(), status, daysLate,
                report == null ? null : report.changedOn(), report == null ? null : report.withdrawnOn());
    }
}
