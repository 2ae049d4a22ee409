package app.nianbao.analytics;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.CURRENT_CELLS;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.catalog.Template;
import app.nianbao.report.CurrentCells;
import app.nianbao.report.MetricSql;
import app.nianbao.report.Rollups;
import app.nianbao.statistics.Funnel;
import app.nianbao.statistics.PeerPercentiles;
import app.nianbao.store.jooq.Tables;

/**
 * Metric series over years for a scope. Additive counts are summed over the scope's current
 * reports and rates recomputed from the sums. A report that leaves a cell the metric needs blank
 * is left out of that metric (a blank is unknown, not zero), and the point says how many reports
 * were left out; numerator and denominator always come from the same reports. A year whose
 * reports mix the 2019 and 2021 templates says so.
 *
 * <p>A level (a year's sum or rate) is over every report of that year; a change between two
 * years is over the matched panel only — the agencies whose reports count for the metric in both
 * the year and the calendar year before it — so that an agency joining or leaving the totals is
 * never read as growth or decline. A year without reports is a gap, not a zero.
 */
@Service
public class AnalyticsService {

    /**
     * One year of a series: its value over the reports that give every needed cell, how many
     * reports the year has, the templates among them, the blank needed cells, the reports left
     * out for them, how many agencies joined or left the year's reports against the year before,
     * and the like-for-like change against that year (null in a levels-only series). The value is
     * null when no report is complete, and a year with no reports at all (a gap) has 0 reports
     * and no value.
     */
    public record Point(int year, Double value, int reports, Set<String> templates, int blankCells, int excludedReports,
                        int agenciesEntered, int agenciesLeft, Change change) {

        /** The 2019 and 2021 templates differ in 其他处理; a year covering both is not like-for-like. */
        public boolean mixesTemplates() {
            return templates.size() > 1;
        }

        /** True when the set of reporting agencies differs from the year before, which a chart must mark. */
        public boolean coverageChanged() {
            // the year before had reports when some agency left or not every agency is new; else the series starts here
            boolean previousReported = agenciesLeft > 0 || agenciesEntered < reports;
            return reports > 0 && previousReported && (agenciesEntered > 0 || agenciesLeft > 0);
        }
    }

    /**
     * A change against the previous calendar year over the matched panel: the agencies that
     * count for the metric in both years ({@code panelAgencies}), the metric over them in each
     * year, and how many counted only this year (entered) or only the year before (left).
     */
    public record Change(int fromYear, boolean fromYearReported, int panelAgencies, int entered, int left, Double previous,
                         Double current) {

        /** The change as a fraction of the panel's previous value; null when there is nothing honest to compare. */
        public Double ratio() {
            return comparable() && previous != 0 ? (current - previous) / previous : null;
        }

        /** Current minus previous over the panel (percentage points, ×100, for a rate of scale 1). */
        public Double difference() {
            return comparable() ? current - previous : null;
        }

        public boolean comparable() {
            return panelAgencies > 0 && previous != null && current != null;
        }
    }

    public record Series(Metric metric, String scope, List<Point> points) {

        /** The value in a year, or null where the series has none. */
        public Double valueIn(int year) {
            return points.stream().filter(p -> p.year() == year).findFirst().map(Point::value).orElse(null);
        }

        /** True when the series crosses the template change, which a chart must label. */
        public boolean crossesTemplates() {
            return points.stream().flatMap(p -> p.templates().stream()).distinct().count() > 1;
        }

        public List<Integer> years() {
            return points.stream().map(Point::year).toList();
        }
    }

    private final DSLContext dsl;
    private final ReadCache cache;

    /** Reads straight from the store, as the benchmarks time it. */
    public AnalyticsService(DSLContext dsl) {
        this(dsl, ReadCache.none());
    }

    @Autowired
    public AnalyticsService(DSLContext dsl, ReadCache cache) {
        this.dsl = dsl;
        this.cache = cache;
    }

    /** The years the store holds current reports for: the range a view or API call starts from when it names none. */
    public record ReportingYears(int first, int last) {
    }

    /**
     * From the store, not from a constant, so a store that reaches 2026 offers 2026. An empty
     * store spans the templates' first year to the year whose reports are due now.
     */
    public ReportingYears reportingYears() {
        return cache.get(List.of("reporting years"), () -> dsl.select(DSL.min(CURRENT_CELLS.YEAR), DSL.max(CURRENT_CELLS.YEAR))
                .from(CURRENT_CELLS).fetchOne(Records.mapping((first, last) -> first == null
                        ? new ReportingYears(Template.FIRST_YEAR, Math.max(Template.FIRST_YEAR, Year.now().getValue() - 1))
                        : new ReportingYears(first, last))));
    }

    public Series series(Metric metric, Scope scope, int from, int to) {
        return series(List.of(metric), scope, from, to).get(0);
    }

    /**
     * Several metrics over the same scope and years, each point with its like-for-like change:
     * a chart's worth in two queries whatever the store holds (the levels, and the panel changes).
     */
    public List<Series> series(List<Metric> metrics, Scope scope, int from, int to) {
        return series(metrics, scope, from, to, false, Changes.ALL, from);
    }

    /** What a series computes beside its levels: nothing, who joined or left each year, or that and the panel changes. */
    private enum Changes {
        NONE, MARKS, ALL
    }

    /**
     * As {@link #series(List, Scope, int, int)}, with the change of the latest reported year only
     * (the other points' changes are null): what headline cards show, at a fraction of the cost.
     */
    public List<Series> latestChange(List<Metric> metrics, Scope scope, int from, int to) {
        Integer last = dsl.select(DSL.max(CURRENT_CELLS.YEAR)).from(CURRENT_CELLS)
                .where(CURRENT_CELLS.YEAR.between(from, to), MetricSql.inScope(scope)).fetchOne(0, Integer.class);
        return series(metrics, scope, from, to, false, Changes.ALL, last == null ? to : last);
    }

    /**
     * The levels with each year's agencies that joined or left (the marks on a chart's axis) but
     * no per-metric change: one match count per year instead of the panels' sums.
     */
    public List<Series> marked(List<Metric> metrics, Scope scope, int from, int to) {
        return series(metrics, scope, from, to, false, Changes.MARKS, from);
    }

    /**
     * The levels only, in one query, for charts that draw no change (their points' change is
     * null): the lines beside a series that already says who joined or left.
     */
    public List<Series> levels(List<Metric> metrics, Scope scope, int from, int to) {
        return series(metrics, scope, from, to, false, Changes.NONE, from);
    }

    public Series levels(Metric metric, Scope scope, int from, int to) {
        return levels(List.of(metric), scope, from, to).get(0);
    }

    /**
     * Levels over [from, to]; with marks, who joined or left each year; with all changes, those
     * and the panel changes of each year from {@code changesFrom} on (earlier points have neither).
     */
    private List<Series> series(List<Metric> metrics, Scope scope, int from, int to, boolean together, Changes changes,
                                int changesFrom) {
        return cache.get(List.of("series", metrics, scope, from, to, together, changes, changesFrom), () -> {
            // the year before the range too: a change into the first year, and who left since, need it
            Map<Integer, Group> groups = grouped(metrics, scope, from - 1, to, together);
            Map<Integer, Panel> panels = switch (changes) {
                case NONE -> Map.of();
                case MARKS -> panels(List.of(), scope, from, to);
                case ALL -> panels(metrics, scope, changesFrom, to);
            };
            List<Integer> years = groups.values().stream().filter(g -> g.reports() > 0 && g.year() >= from).map(Group::year).toList();
            List<Series> series = new ArrayList<>();
            for (Metric metric : metrics) {
                List<Point> points = new ArrayList<>();
                if (!years.isEmpty()) {
                    // every calendar year from the first reported to the last: a year without reports is drawn as a gap
                    for (int year = years.get(0); year <= years.get(years.size() - 1); year++) {
                        boolean counted = changes != Changes.NONE && year >= changesFrom;
                        points.add(point(metric, year, groups.get(year), groups.get(year - 1), panels.get(year), counted,
                                counted && changes == Changes.ALL));
                    }
                }
                series.add(new Series(metric, scope.written(), points));
            }
            return series;
        });
    }

    /**
     * A year's point: its level, and (when asked) its change over the panel. Who entered and
     * left follows from the counts: the reports (or the counting reports, for a metric) of each
     * year less those matched with the other year.
     */
    private static Point point(Metric metric, int year, Group g, Group before, Panel panel, boolean marks, boolean withChanges) {
        int reports = g == null ? 0 : g.reports();
        int previousReports = before == null ? 0 : before.reports();
        int matched = panel == null ? 0 : panel.matched();
        Change change = null;
        if (withChanges) {
            int counts = g == null ? 0 : g.reports() - g.of(metric).excluded();
            int counted = before == null ? 0 : before.reports() - before.of(metric).excluded();
            Panel.Of p = panel == null ? null : panel.of(metric);
            int agencies = p == null ? 0 : p.agencies();
            change = new Change(year - 1, previousReports > 0, agencies, counts - agencies, counted - agencies,
                    agencies == 0 ? null : metric.of(p.beforeNumerator(), p.beforeDenominator()),
                    agencies == 0 ? null : metric.of(p.nowNumerator(), p.nowDenominator()));
        }
        if (g == null) {
            return new Point(year, null, 0, Set.of(), 0, 0, 0, marks ? previousReports : 0, change);
        }
        Group.Of m = g.of(metric);
        Double value = m.excluded() == g.reports() ? null : metric.evaluate(m.level()).orElse(null);
        return new Point(year, value, reports, g.templates(), m.blanks(), m.excluded(), marks ? reports - matched : 0,
                marks ? previousReports - matched : 0, change);
    }

    /**
     * Parts of a whole (outcomes, applicant types) over one set of reports per year: only the
     * reports that give every cell of every part count, so the parts of a year add up to their
     * sum and their shares to 100 %. {@code reported} is the template's own total over the same
     * reports, which a report may state differently from the sum of its parts.
     */
    public Mix mix(List<Metric> parts, Metric reported, Scope scope, int from, int to) {
        List<Metric> all = new ArrayList<>(parts);
        all.add(reported);
        List<Series> series = series(all, scope, from, to, true, Changes.NONE, from);
        List<Mix.Year> years = new ArrayList<>();
        for (int y = 0; y < series.get(0).points().size(); y++) {
            int index = y;
            Point first = series.get(0).points().get(y);
            List<Double> counts = series.subList(0, parts.size()).stream().map(s -> s.points().get(index).value()).toList();
            years.add(new Mix.Year(first.year(), first.reports(), first.excludedReports(), counts,
                    series.get(parts.size()).points().get(y).value(), first.templates()));
        }
        return new Mix(parts, years);
    }

    /** One agency of a comparison: the metric's numerator ("events") and denominator ("n") summed over its reports. */
    public record AgencyFigures(long agencyId, String agency, double events, double n, Double value) {
    }

    /** Each agency of the scope in one year, for funnels and rankings; only for rate metrics. */
    public List<AgencyFigures> byAgency(Metric metric, Scope scope, int year) {
        return cache.get(List.of("byAgency", metric, scope, year), () -> {
            if (!metric.isRate()) {
                throw new IllegalArgumentException("comparison needs a rate metric, not " + metric.code());
            }
            // one row per agency straight from SQL (a national peer group has 100,000 of them); current_cells
            // holds one report per agency and year, so nothing needs grouping
            Field<Double> events = MetricSql.signedSum(metric.numerator());
            Field<Double> n = MetricSql.signedSum(metric.denominator());
            return dsl.select(CURRENT_CELLS.AGENCY_ID, AGENCY.NAME, events, n)
                    .from(CURRENT_CELLS).join(AGENCY).on(AGENCY.ID.eq(CURRENT_CELLS.AGENCY_ID))
                    .where(CURRENT_CELLS.YEAR.eq(year), MetricSql.inScope(scope), MetricSql.blankCount(MetricSql.cellsOf(metric)).eq(0))
                    .fetch(r -> new AgencyFigures(r.get(CURRENT_CELLS.AGENCY_ID), r.get(AGENCY.NAME), r.get(events), r.get(n),
                            r.get(n) > 0 ? r.get(events) / r.get(n) * metric.scale() : null));
        });
    }

    /** An agency placed in the funnel, ranked among its peers unless its sample is too small. */
    public record Compared(AgencyFigures figures, Funnel.Point point, Double percentileRank) {

        public boolean ranked() {
            return percentileRank != null;
        }
    }

    /** A peer comparison for one year: funnel around the pooled rate, percentiles of the rankable agencies. */
    public record Comparison(Metric metric, int year, int minN, Funnel funnel, PeerPercentiles percentiles,
                             List<Compared> agencies) {
    }

    /** Compares the scope's agencies on a rate metric in one year; agencies with n below minN are shown, not ranked. */
    public Comparison compare(Metric metric, Scope scope, int year, int minN) {
        return cache.get(List.of("compare", metric, scope, year, minN), () -> {
            List<AgencyFigures> units = byAgency(metric, scope, year).stream().filter(u -> u.n() > 0).toList();
            if (units.isEmpty()) {
                return new Comparison(metric, year, minN, null, null, List.of());
            }
            Funnel funnel = Funnel.of(units.stream().map(u -> new Funnel.Unit(u.agency(), Math.round(u.events()), Math.round(u.n()))).toList());
            double[] rankable = units.stream().filter(u -> PeerPercentiles.rankable(Math.round(u.n()), minN))
                    .mapToDouble(u -> u.events() / u.n()).toArray();
            PeerPercentiles percentiles = rankable.length == 0 ? null : PeerPercentiles.of(rankable);
            List<Compared> compared = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                Funnel.Point point = funnel.points().get(i);
                boolean ranked = percentiles != null && PeerPercentiles.rankable(point.unit().n(), minN);
                compared.add(new Compared(units.get(i), point, ranked ? percentiles.rankOf(point.rate()) : null));
            }
            return new Comparison(metric, year, minN, funnel, percentiles, compared);
        });
    }

    /** The agency with the largest value of a count in a year, to name an outlier instead of letting it dominate silently. */
    public record Top(long agencyId, String agency, double value) {
    }

    public Optional<Top> largest(Metric metric, Scope scope, int year) {
        return cache.get(List.of("largest", metric, scope, year), () -> {
            Field<Double> value = MetricSql.signedSum(metric.numerator());
            return dsl.select(CURRENT_CELLS.AGENCY_ID, AGENCY.NAME, value).from(CURRENT_CELLS).join(AGENCY).on(AGENCY.ID.eq(CURRENT_CELLS.AGENCY_ID))
                    .where(CURRENT_CELLS.YEAR.eq(year), MetricSql.inScope(scope), MetricSql.blankCount(MetricSql.cellsOf(metric)).eq(0))
                    .orderBy(value.desc()).limit(1).fetchOptional(r -> new Top(r.get(CURRENT_CELLS.AGENCY_ID), r.get(AGENCY.NAME), r.get(value)));
        });
    }

    /** One stored cell of a current report, as the bulk export writes it. */
    public record FigureRow(long agencyId, String agency, int year, String template, int version, String sourceName,
                            String table, String row, String col, BigDecimal value, String kind) {
    }

    /** Reports per page of the bulk export: its memory stays the same whatever the store holds. */
    private static final int EXPORT_PAGE = 1_000;

    /**
     * Every cell of the scope's current reports (of one year, or all when null), handed to the
     * sink a page of reports at a time in report order, so that a national export streams
     * instead of being built in memory.
     */
    public void exportFigures(Scope scope, Integer year, Consumer<FigureRow> sink) {
        long after = -1;
        while (true) {
            var page = dsl.select(CURRENT_CELLS.REPORT_ID, CURRENT_CELLS.AGENCY_ID, AGENCY.NAME, CURRENT_CELLS.YEAR, CURRENT_CELLS.TEMPLATE,
                            Tables.REPORT.VERSION, Tables.REPORT.SOURCE_NAME)
                    .from(CURRENT_CELLS).join(AGENCY).on(AGENCY.ID.eq(CURRENT_CELLS.AGENCY_ID))
                    .join(Tables.REPORT).on(Tables.REPORT.ID.eq(CURRENT_CELLS.REPORT_ID))
                    .where(CURRENT_CELLS.REPORT_ID.gt(after), MetricSql.inScope(scope),
                            year == null ? DSL.noCondition() : CURRENT_CELLS.YEAR.eq(year))
                    .orderBy(CURRENT_CELLS.REPORT_ID).limit(EXPORT_PAGE).fetch();
            if (page.isEmpty()) {
                return;
            }
            Map<Long, Record> reports = new HashMap<>();
            page.forEach(r -> reports.put(r.get(CURRENT_CELLS.REPORT_ID), r));
            var figure = Tables.FIGURE;
            dsl.select(figure.REPORT_ID, figure.TBL, figure.ROW_CODE, figure.COL_CODE, figure.VALUE, figure.KIND).from(figure)
                    .where(figure.REPORT_ID.in(reports.keySet())).orderBy(figure.REPORT_ID).forEach(f -> {
                        Record report = reports.get(f.get(figure.REPORT_ID));
                        sink.accept(new FigureRow(report.get(CURRENT_CELLS.AGENCY_ID), report.get(AGENCY.NAME), report.get(CURRENT_CELLS.YEAR),
                                report.get(CURRENT_CELLS.TEMPLATE), report.get(Tables.REPORT.VERSION),
                                report.get(Tables.REPORT.SOURCE_NAME), f.get(figure.TBL), f.get(figure.ROW_CODE),
                                f.get(figure.COL_CODE), f.get(figure.VALUE), f.get(figure.KIND)));
                    });
            after = page.get(page.size() - 1).get(CURRENT_CELLS.REPORT_ID);
        }
    }

    /** The agencies that joined or left a year's reports against the calendar year before: a few names and the counts. */
    public record Coverage(int year, int entered, int left, List<String> enteredNames, List<String> leftNames) {
    }

    /** How many names of joining or leaving agencies a note lists; the rest are counted. */
    public static final int COVERAGE_NAMES = 3;

    /**
     * Per year of the range whose year before has reports in the scope, the agencies with a
     * report in one of the two years only. A series starting in the range is not "joined".
     */
    public Map<Integer, Coverage> coverage(Scope scope, int from, int to) {
        return cache.get(List.of("coverage", scope, from, to), () -> {
            String unit = Rollups.unit(scope);
            if (unit != null) {
                return rolledUpCoverage(scope, unit, from, to);
            }
            var r = DSL.name("r").as(DSL.select(CURRENT_CELLS.AGENCY_ID.as("agency_id"), CURRENT_CELLS.YEAR.as("year")).from(CURRENT_CELLS)
                    .where(CURRENT_CELLS.YEAR.between(from - 1, to), MetricSql.inScope(scope)));
            var years = DSL.name("y").as(DSL.selectDistinct(r.field("year", Integer.class).as("year")).from(r));
            Table<?> now = r.as("c");
            Table<?> before = r.as("p");
            Field<Long> nowId = now.field("agency_id", Long.class);
            Field<Long> beforeId = before.field("agency_id", Long.class);
            Field<Integer> nowYear = now.field("year", Integer.class);
            Field<Integer> beforeYear = before.field("year", Integer.class);
            Field<Integer> key = DSL.coalesce(nowYear, beforeYear.plus(DSL.inline(1)));
            Field<Boolean> joined = nowId.isNotNull();
            var changes = DSL.select(key.as("key"), joined.as("joined"), DSL.coalesce(nowId, beforeId).as("agency_id"),
                            DSL.rowNumber().over(DSL.partitionBy(key, joined).orderBy(DSL.coalesce(nowId, beforeId))).as("rn"),
                            DSL.count().over(DSL.partitionBy(key, joined)).as("n"))
                    .from(now).fullJoin(before).on(nowId.eq(beforeId).and(nowYear.eq(beforeYear.plus(DSL.inline(1)))))
                    .where(key.between(from, to), nowId.isNull().or(beforeId.isNull()),
                            // only where both years have reports: the first year of a series is no change
                            key.in(DSL.select(years.field("year", Integer.class)).from(years)),
                            key.minus(DSL.inline(1)).in(DSL.select(years.field("year", Integer.class)).from(years)))
                    .asTable("changes");
            var rows = dsl.with(r).with(years).select(changes.field("key", Integer.class), changes.field("joined", Boolean.class),
                            changes.field("n", Integer.class), AGENCY.NAME)
                    .from(changes).join(AGENCY).on(AGENCY.ID.eq(changes.field("agency_id", Long.class)))
                    .where(changes.field("rn", Integer.class).le(COVERAGE_NAMES))
                    .orderBy(changes.field("key"), changes.field("rn")).fetch();
            Map<Integer, Coverage> coverage = new LinkedHashMap<>();
            for (Record row : rows) {
                int year = row.get("key", Integer.class);
                boolean in = row.get("joined", Boolean.class);
                int n = row.get("n", Integer.class);
                Coverage c = coverage.getOrDefault(year, new Coverage(year, 0, 0, List.of(), List.of()));
                List<String> names = new ArrayList<>(in ? c.enteredNames() : c.leftNames());
                names.add(row.get(AGENCY.NAME));
                coverage.put(year, in ? new Coverage(year, n, c.left(), names, c.leftNames())
                        : new Coverage(year, c.entered(), n, c.enteredNames(), names));
            }
            return coverage;
        });
    }

    /**
     * The counts from the roll-ups — those entering are the year's reports less the agencies
     * matched with the year before, those leaving the year before's less the same — and the
     * names asked only for a year that has any, since a national anti-join costs what the
     * counts save.
     */
    private Map<Integer, Coverage> rolledUpCoverage(Scope scope, String unit, int from, int to) {
        var byYear = Rollups.read(dsl, unit, from - 1, to, List.of(Rollups.reports(), Rollups.matched()));
        Map<Integer, Coverage> coverage = new LinkedHashMap<>();
        for (int year = from; year <= to; year++) {
            Map<String, Rollups.Entry> now = byYear.getOrDefault(year, Map.of());
            int reports = Rollups.Entry.whole(now.get(Rollups.reports()));
            int before = Rollups.Entry.whole(byYear.getOrDefault(year - 1, Map.of()).get(Rollups.reports()));
            if (reports == 0 || before == 0) {
                continue;
            }
            int matched = Rollups.Entry.whole(now.get(Rollups.matched()));
            int entered = reports - matched;
            int left = before - matched;
            if (entered > 0 || left > 0) {
                coverage.put(year, new Coverage(year, entered, left, entered > 0 ? onlyIn(scope, year, year - 1) : List.of(),
                        left > 0 ? onlyIn(scope, year - 1, year) : List.of()));
            }
        }
        return coverage;
    }

    /** The first names, by agency id, of the scope's agencies with a report in one year and none in the other. */
    private List<String> onlyIn(Scope scope, int year, int notIn) {
        var other = CURRENT_CELLS.as("other");
        return dsl.select(AGENCY.NAME).from(CURRENT_CELLS).join(AGENCY).on(AGENCY.ID.eq(CURRENT_CELLS.AGENCY_ID))
                .where(CURRENT_CELLS.YEAR.eq(year), MetricSql.inScope(scope), DSL.notExists(DSL.selectOne().from(other)
                        .where(other.AGENCY_ID.eq(CURRENT_CELLS.AGENCY_ID), other.YEAR.eq(notIn))))
                .orderBy(CURRENT_CELLS.AGENCY_ID).limit(COVERAGE_NAMES).fetch(AGENCY.NAME);
    }

    /** Whether an agency counts for a metric in both years of a change, or only in the later or the earlier. */
    public enum Presence {
        BOTH, ENTERED, LEFT
    }

    /**
     * One agency's part in the change of a metric between the year before and the year: its two
     * values, the difference, and its share of the scope's whole change. An agency entering adds
     * its whole value, one leaving takes away its previous value. Rates have no additive share.
     */
    public record Contribution(long agencyId, String agency, Double previous, Double current, Double delta, Double share,
                               Presence presence) {
    }

    /** The agencies behind a year's change, largest first, a page of them. */
    public record Contributions(Metric metric, int year, int agencies, Double totalDelta, List<Contribution> rows) {
    }

    /**
     * Decomposes the change of a metric from year − 1 to year over the scope's agencies: each
     * agency that counts in either year (a report with every needed cell) with both values and
     * the difference, ordered by the size of the difference. Paged, since a national scope has
     * 100,000 agencies.
     */
    public Contributions contributions(Metric metric, Scope scope, int year, int offset, int limit) {
        return cache.get(List.of("contributions", metric, scope, year, offset, limit), () -> {
            Field<Double> numerator = MetricSql.signedSum(metric.numerator());
            Field<Double> value = metric.isRate()
                    ? DSL.when(MetricSql.signedSum(metric.denominator()).gt(0.0),
                            numerator.div(MetricSql.signedSum(metric.denominator())).times(metric.scale()))
                    : numerator;
            var r = DSL.name("r").as(DSL.select(CURRENT_CELLS.AGENCY_ID.as("agency_id"), CURRENT_CELLS.YEAR.as("year"), value.as("v"))
                    .from(CURRENT_CELLS)
                    .where(CURRENT_CELLS.YEAR.in(year - 1, year), MetricSql.inScope(scope),
                            MetricSql.blankCount(MetricSql.cellsOf(metric)).eq(0)));
            var now = DSL.select(r.fields()).from(r).where(r.field("year", Integer.class).eq(year)).asTable("c");
            var before = DSL.select(r.fields()).from(r).where(r.field("year", Integer.class).eq(year - 1)).asTable("p");
            Field<Long> nowId = now.field("agency_id", Long.class);
            Field<Long> beforeId = before.field("agency_id", Long.class);
            Field<Double> current = now.field("v", Double.class);
            Field<Double> previous = before.field("v", Double.class);
            Field<Long> id = DSL.coalesce(nowId, beforeId);
            Field<Double> delta = metric.isRate() ? current.minus(previous)
                    : DSL.coalesce(current, DSL.inline(0.0)).minus(DSL.coalesce(previous, DSL.inline(0.0)));
            var rows = dsl.with(r)
                    .select(id.as("id"), AGENCY.NAME.as("name"), previous.as("previous"), current.as("current"), delta.as("delta"),
                            nowId.isNotNull().as("in_now"), beforeId.isNotNull().as("in_before"),
                            DSL.count().over().as("agencies"), DSL.sum(delta).over().as("total"))
                    .from(now).fullJoin(before).on(nowId.eq(beforeId))
                    .join(AGENCY).on(AGENCY.ID.eq(id))
                    .orderBy(DSL.abs(delta).desc().nullsLast(), AGENCY.NAME)
                    .offset(offset).limit(limit)
                    .fetch();
            int agencies = rows.isEmpty() ? 0 : rows.get(0).get("agencies", Integer.class);
            Double total = rows.isEmpty() || metric.isRate() ? null : rows.get(0).get("total", Double.class);
            List<Contribution> contributions = rows.map(row -> {
                Double d = row.get("delta", Double.class);
                Presence presence = row.get("in_now", Boolean.class) && row.get("in_before", Boolean.class) ? Presence.BOTH
                        : row.get("in_now", Boolean.class) ? Presence.ENTERED : Presence.LEFT;
                return new Contribution(row.get("id", Long.class), row.get("name", String.class), row.get("previous", Double.class),
                        row.get("current", Double.class), d, total == null || total == 0 || d == null ? null : d / total, presence);
            });
            return new Contributions(metric, year, agencies, total, contributions);
        });
    }

    /**
     * A series over the balanced panel: only the agencies that count for the metric in every
     * year of the range that has reports, so that a trend or growth rate compares the same units
     * throughout. Empty ({@code agencies} 0) when no agency reports in every such year.
     */
    public record Balanced(Metric metric, int agencies, List<Integer> years, List<Double> values) {
    }

    public Balanced balanced(Metric metric, Scope scope, int from, int to) {
        return cache.get(List.of("balanced", metric, scope, from, to), () -> {
            List<CellCode> cells = MetricSql.cellsOf(metric);
            List<Field<?>> inner = new ArrayList<>(List.of(CURRENT_CELLS.AGENCY_ID.as("agency_id"), CURRENT_CELLS.YEAR.as("year")));
            for (int i = 0; i < cells.size(); i++) {
                inner.add(CurrentCells.column(cells.get(i)).as("c" + i));
            }
            inner.add(MetricSql.blankCount(cells).as("b"));
            var r = DSL.name("r").as(DSL.select(inner).from(CURRENT_CELLS)
                    .where(CURRENT_CELLS.YEAR.between(from, to), MetricSql.inScope(scope)));
            Field<Long> id = r.field("agency_id", Long.class);
            Field<Integer> year = r.field("year", Integer.class);
            Field<Integer> blanks = r.field("b", Integer.class);
            var panel = DSL.select(id).from(r).where(blanks.eq(0)).groupBy(id)
                    .having(DSL.count().eq(DSL.select(DSL.countDistinct(year)).from(r).<Integer>asField()));
            List<Field<?>> fields = new ArrayList<>(List.of(year.as("year"), DSL.count().as("agencies")));
            for (int i = 0; i < cells.size(); i++) {
                fields.add(DSL.sum(r.field("c" + i, Double.class)).as("c" + i));
            }
            var rows = dsl.with(r).select(fields).from(r).where(blanks.eq(0), id.in(panel)).groupBy(year).orderBy(year).fetch();
            Map<String, List<CellCode>> terms = MetricSql.terms(List.of(metric));
            Map<CellCode, Integer> index = new LinkedHashMap<>();
            cells.forEach(c -> index.put(c, index.size()));
            List<Integer> years = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (Record row : rows) {
                years.add(row.get("year", Integer.class));
                values.add(metric.evaluate(termSums(row, "c", terms, index)).orElse(null));
            }
            return new Balanced(metric, rows.isEmpty() ? 0 : rows.get(0).get("agencies", Integer.class), years, values);
        });
    }

    /** One year of the levels query: its reports, their templates, and each metric's sums. */
    private record Group(int year, int reports, Set<String> templates, Map<Metric, Of> metrics) {

        /** One metric in the year: its term sums over every counting report, the blank cells and the reports left out. */
        record Of(Map<String, Double> level, int blanks, int excluded) {
        }

        Of of(Metric metric) {
            return metrics.get(metric);
        }
    }

    /**
     * The cell sums the metrics need per year over the scope's current reports: a few columns of
     * current_cells, whatever the number of reports. Each metric sums only the reports that print
     * every cell it needs — every cell of every metric when {@code together}.
     */
    private Map<Integer, Group> grouped(List<Metric> metrics, Scope scope, int from, int to, boolean together) {
        String unit = Rollups.unit(scope);
        if (unit != null && !together) {
            return rolledUp(metrics, unit, from, to, Rollups::level);
        }
        Optional<String> mix = Metric.mixOf(metrics);
        if (unit != null && mix.isPresent()) {
            return rolledUp(metrics, unit, from, to, (metric, what) -> Rollups.mix(mix.get(), metric, what));
        }
        Map<Metric, Map<String, List<CellCode>>> termsOf = new LinkedHashMap<>();
        Map<CellCode, Integer> index = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            Map<String, List<CellCode>> terms = MetricSql.terms(List.of(metric));
            termsOf.put(metric, terms);
            terms.values().forEach(cells -> cells.forEach(cell -> index.putIfAbsent(cell, index.size())));
        }
        List<Field<?>> inner = new ArrayList<>(List.of(CURRENT_CELLS.YEAR.as("year"), CURRENT_CELLS.TEMPLATE.as("template")));
        index.forEach((cell, i) -> inner.add(CurrentCells.column(cell).as("c" + i)));
        List<CellCode> every = List.copyOf(index.keySet());
        for (int m = 0; m < metrics.size(); m++) {
            inner.add(MetricSql.blankCount(together ? every : MetricSql.cellsOf(metrics.get(m))).as("b" + m));
        }
        var rows = DSL.select(inner).from(CURRENT_CELLS).where(CURRENT_CELLS.YEAR.between(from, to), MetricSql.inScope(scope)).asTable("r");
        Field<Integer> year = rows.field("year", Integer.class);
        List<Field<?>> fields = new ArrayList<>(List.of(year.as("key"), DSL.count().as("reports"),
                DSL.min(rows.field("template", String.class)).as("tmin"), DSL.max(rows.field("template", String.class)).as("tmax")));
        for (int m = 0; m < metrics.size(); m++) {
            Field<Integer> blanks = rows.field("b" + m, Integer.class);
            for (CellCode cell : MetricSql.cellsOf(metrics.get(m))) {
                int i = index.get(cell);
                fields.add(DSL.sum(rows.field("c" + i, Double.class)).filterWhere(blanks.eq(DSL.inline(0))).as("l" + m + "_" + i));
            }
            fields.add(DSL.sum(blanks).as("blanks" + m));
            fields.add(DSL.count().filterWhere(blanks.gt(DSL.inline(0))).as("excluded" + m));
        }
        Map<Integer, Group> groups = new LinkedHashMap<>();
        for (Record row : dsl.select(fields).from(rows).groupBy(year).orderBy(year).fetch()) {
            Map<Metric, Group.Of> of = new HashMap<>();
            for (int m = 0; m < metrics.size(); m++) {
                of.put(metrics.get(m), new Group.Of(termSums(row, "l" + m + "_", termsOf.get(metrics.get(m)), index), count(row, "blanks" + m),
                        count(row, "excluded" + m)));
            }
            Set<String> templates = Stream.of(row.get("tmin", String.class), row.get("tmax", String.class)).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            int key = row.get("key", Integer.class);
            groups.put(key, new Group(key, count(row, "reports"), templates, of));
        }
        return groups;
    }

    /**
     * One year matched with the calendar year before: how many agencies have a report in both,
     * and per metric the panel — the agencies counting for it in both — with its sums.
     */
    private record Panel(int year, int matched, Map<Metric, Of> metrics) {

        record Of(int agencies, Double nowNumerator, Double nowDenominator, Double beforeNumerator, Double beforeDenominator) {
        }

        Of of(Metric metric) {
            return metrics.get(metric);
        }
    }

    /**
     * The panels per year of the range: each report joined with the same agency's report of the
     * calendar year before, and per metric only its numerator and denominator per report — five
     * sums a metric, whatever its cells.
     */
    private Map<Integer, Panel> panels(List<Metric> metrics, Scope scope, int from, int to) {
        String unit = Rollups.unit(scope);
        if (unit != null) {
            return rolledUpPanels(metrics, unit, from, to);
        }
        List<Field<?>> inner = new ArrayList<>(List.of(CURRENT_CELLS.AGENCY_ID.as("agency_id"), CURRENT_CELLS.YEAR.as("year")));
        for (int m = 0; m < metrics.size(); m++) {
            Metric metric = metrics.get(m);
            inner.add(MetricSql.blankCount(MetricSql.cellsOf(metric)).as("b" + m));
            inner.add(MetricSql.signedSumOrNull(metric.numerator()).as("n" + m));
            if (metric.isRate()) {
                inner.add(MetricSql.signedSumOrNull(metric.denominator()).as("d" + m));
            }
        }
        var r = DSL.name("r").as(DSL.select(inner).from(CURRENT_CELLS)
                .where(CURRENT_CELLS.YEAR.between(from - 1, to), MetricSql.inScope(scope)));
        Table<?> now = r.as("c");
        Table<?> before = r.as("p");
        Field<Integer> year = now.field("year", Integer.class);
        List<Field<?>> fields = new ArrayList<>(List.of(year.as("key"), DSL.count().as("matched")));
        for (int m = 0; m < metrics.size(); m++) {
            Condition both = now.field("b" + m, Integer.class).eq(DSL.inline(0)).and(before.field("b" + m, Integer.class).eq(DSL.inline(0)));
            fields.add(DSL.count().filterWhere(both).as("panel" + m));
            fields.add(DSL.sum(now.field("n" + m, Double.class)).filterWhere(both).as("nn" + m));
            fields.add(DSL.sum(before.field("n" + m, Double.class)).filterWhere(both).as("pn" + m));
            if (metrics.get(m).isRate()) {
                fields.add(DSL.sum(now.field("d" + m, Double.class)).filterWhere(both).as("nd" + m));
                fields.add(DSL.sum(before.field("d" + m, Double.class)).filterWhere(both).as("pd" + m));
            }
        }
        var rows = dsl.with(r).select(fields).from(now).join(before)
                .on(now.field("agency_id", Long.class).eq(before.field("agency_id", Long.class))
                        .and(year.eq(before.field("year", Integer.class).plus(DSL.inline(1)))))
                .where(year.between(from, to)).groupBy(year).fetch();
        Map<Integer, Panel> panels = new HashMap<>();
        for (Record row : rows) {
            Map<Metric, Panel.Of> of = new HashMap<>();
            for (int m = 0; m < metrics.size(); m++) {
                boolean rate = metrics.get(m).isRate();
                of.put(metrics.get(m), new Panel.Of(count(row, "panel" + m), row.get("nn" + m, Double.class),
                        rate ? row.get("nd" + m, Double.class) : null, row.get("pn" + m, Double.class),
                        rate ? row.get("pd" + m, Double.class) : null));
            }
            int key = row.get("key", Integer.class);
            panels.put(key, new Panel(key, count(row, "matched"), of));
        }
        return panels;
    }

    /** As {@link #grouped}, from the roll-ups of the whole country or a level: a few rows a metric and year. */
    private Map<Integer, Group> rolledUp(List<Metric> metrics, String unit, int from, int to, BiFunction<Metric, String, String> name) {
        List<String> names = new ArrayList<>(List.of(Rollups.reports()));
        Arrays.stream(Template.values()).map(Rollups::template).forEach(names::add);
        for (Metric metric : metrics) {
            names.add(name.apply(metric, "blanks"));
            names.add(name.apply(metric, "excluded"));
            MetricSql.cellsOf(metric).forEach(cell -> names.add(name.apply(metric, cell.toString())));
        }
        Map<Metric, Map<String, List<CellCode>>> termsOf = new HashMap<>();
        metrics.forEach(metric -> termsOf.put(metric, MetricSql.terms(List.of(metric))));
        Map<Integer, Group> groups = new LinkedHashMap<>();
        var byYear = Rollups.read(dsl, unit, from, to, names);
        byYear.keySet().stream().sorted().forEach(year -> {
            Map<String, Rollups.Entry> entries = byYear.get(year);
            int reports = Rollups.Entry.whole(entries.get(Rollups.reports()));
            if (reports == 0) {
                return;
            }
            Set<String> templates = Arrays.stream(Template.values()).filter(t -> Rollups.Entry.whole(entries.get(Rollups.template(t))) > 0)
                    .map(Template::code).collect(Collectors.toCollection(LinkedHashSet::new));
            Map<Metric, Group.Of> of = new HashMap<>();
            for (Metric metric : metrics) {
                Map<String, Double> level = new HashMap<>();
                termsOf.get(metric).forEach((term, cells) -> {
                    Double total = null;
                    for (CellCode cell : cells) {
                        Rollups.Entry sum = entries.get(name.apply(metric, cell.toString()));
                        if (sum != null && sum.valueOrNull() != null) {
                            total = (total == null ? 0 : total) + sum.total();
                        }
                    }
                    if (total != null) {
                        level.put(term, total);
                    }
                });
                of.put(metric, new Group.Of(level, Rollups.Entry.whole(entries.get(name.apply(metric, "blanks"))),
                        Rollups.Entry.whole(entries.get(name.apply(metric, "excluded")))));
            }
            groups.put(year, new Group(year, reports, templates, of));
        });
        return groups;
    }

    /** As {@link #panels}, from the roll-ups of the whole country or a level. */
    private Map<Integer, Panel> rolledUpPanels(List<Metric> metrics, String unit, int from, int to) {
        List<String> names = new ArrayList<>(List.of(Rollups.matched()));
        for (Metric metric : metrics) {
            for (String what : metric.isRate() ? List.of("agencies", "nn", "pn", "nd", "pd") : List.of("agencies", "nn", "pn")) {
                names.add(Rollups.panel(metric, what));
            }
        }
        Map<Integer, Panel> panels = new HashMap<>();
        Rollups.read(dsl, unit, from, to, names).forEach((year, entries) -> {
            int matched = Rollups.Entry.whole(entries.get(Rollups.matched()));
            if (matched == 0) {
                return;
            }
            Map<Metric, Panel.Of> of = new HashMap<>();
            for (Metric metric : metrics) {
                of.put(metric, new Panel.Of(Rollups.Entry.whole(entries.get(Rollups.panel(metric, "agencies"))), value(entries, Rollups.panel(metric, "nn")),
                        metric.isRate() ? value(entries, Rollups.panel(metric, "nd")) : null, value(entries, Rollups.panel(metric, "pn")),
                        metric.isRate() ? value(entries, Rollups.panel(metric, "pd")) : null));
            }
            panels.put(year, new Panel(year, matched, of));
        });
        return panels;
    }

    /** A count kept as a sum of ±1s: whole however it was reached. */
    private static Double value(Map<String, Rollups.Entry> entries, String name) {
        Rollups.Entry entry = entries.get(name);
        return entry == null ? null : entry.valueOrNull();
    }

    private static int count(Record row, String name) {
        Integer value = row.get(name, Integer.class);
        return value == null ? 0 : value;
    }

    /** Each term's sum from the cell sums named prefix + cell index; a term whose cells are all null has none. */
    private static Map<String, Double> termSums(Record row, String prefix, Map<String, List<CellCode>> terms, Map<CellCode, Integer> index) {
        Map<String, Double> sums = new HashMap<>();
        terms.forEach((term, cells) -> {
            Double total = null;
            for (CellCode cell : cells) {
                Double sum = row.get(prefix + index.get(cell), Double.class);
                if (sum != null) {
                    total = (total == null ? 0 : total) + sum;
                }
            }
            if (total != null) {
                sums.put(term, total);
            }
        });
        return sums;
    }
}
