package app.nianbao.analytics;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.CURRENT_CELLS;
import static app.nianbao.store.jooq.Tables.REPORT;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

import app.nianbao.agency.AgencyKind;
import app.nianbao.agency.AgencyLevel;

/**
 * Who published and when: for every agency expected to report on a year — each agency from the
 * first year it has a report on — one status against the deadline of its kind (a government by
 * 31 March of the next year, a department by 31 January): on time, late by so many days,
 * missing once the deadline has passed, published with no known date, or not yet due.
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
                        LocalDate publishedOn, String dateSource, Status status, Integer daysLate) {
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

    public PublicationRegister(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every expected agency's entry for the year, by name. */
    public List<Entry> entries(Scope scope, int year, LocalDate today) {
        List<Entry> entries = new ArrayList<>();
        forEach(scope, year, year, today, entries::add);
        return entries;
    }

    /** The register of each year in counts; one pass over the expected agency-years of all the years, nothing held. */
    public List<YearSummary> summary(Scope scope, int from, int to, LocalDate today) {
        int[][] counts = new int[Math.max(0, to - from + 1)][Status.values().length];
        forEach(scope, from, to, today, e -> counts[e.year() - from][e.status().ordinal()]++);
        List<YearSummary> years = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            int[] c = counts[i];
            int expected = java.util.Arrays.stream(c).sum();
            if (expected > 0) {
                years.add(new YearSummary(from + i, expected, c[Status.ON_TIME.ordinal()], c[Status.LATE.ordinal()],
                        c[Status.MISSING.ordinal()], c[Status.NO_DATE.ordinal()], c[Status.NOT_DUE.ordinal()]));
            }
        }
        return years;
    }

    /** Every expected agency-year from {@code from} to {@code to}, by year and name, in one query. */
    private void forEach(Scope scope, int from, int to, LocalDate today, Consumer<Entry> sink) {
        if (to < from) {
            return;
        }
        var first = DSL.select(CURRENT_CELLS.AGENCY_ID, DSL.min(CURRENT_CELLS.YEAR).as("first_year")).from(CURRENT_CELLS)
                .where(MetricSql.inScope(scope)).groupBy(CURRENT_CELLS.AGENCY_ID).asTable("first");
        Field<Long> agencyId = first.field(CURRENT_CELLS.AGENCY_ID);
        Field<Integer> firstYear = first.field("first_year", Integer.class);
        var years = DSL.generateSeries(from, to).as("years", "year");
        Field<Integer> year = years.field("year", Integer.class);
        var current = CURRENT_CELLS.as("current");
        try (var rows = dsl.select(AGENCY.ID, AGENCY.NAME, AGENCY.LEVEL, year, REPORT.ID, REPORT.PUBLISHED_ON, REPORT.DATE_SOURCE)
                .from(first).join(AGENCY).on(AGENCY.ID.eq(agencyId))
                .join(years).on(year.ge(firstYear))
                .leftJoin(current).on(current.AGENCY_ID.eq(agencyId), current.YEAR.eq(year))
                .leftJoin(REPORT).on(REPORT.ID.eq(current.REPORT_ID))
                .orderBy(year, AGENCY.NAME)
                .fetchSize(5_000).stream()) {
            rows.map(Records.mapping((id, name, level, y, reportId, on, source) -> entry(id, name, level, y, reportId != null, on, source,
                    today))).forEach(sink);
        }
    }

    static Entry entry(long id, String name, String levelName, int year, boolean reported, LocalDate publishedOn, String source,
                       LocalDate today) {
        AgencyLevel level = java.util.Arrays.stream(AgencyLevel.values()).filter(l -> l.name().equals(levelName)).findFirst().orElse(null);
        AgencyKind kind = AgencyKind.of(name, level);
        LocalDate deadline = kind.deadline(year);
        Status status;
        Integer daysLate = null;
        if (!reported) {
            status = today.isAfter(deadline) ? Status.MISSING : Status.NOT_DUE;
        } else if (publishedOn == null) {
            status = Status.NO_DATE;
        } else if (publishedOn.isAfter(deadline)) {
            status = Status.LATE;
            daysLate = (int) ChronoUnit.DAYS.between(deadline, publishedOn);
        } else {
            status = Status.ON_TIME;
        }
        return new Entry(id, name, level, year, kind, deadline, publishedOn, source, status, daysLate);
    }
}
