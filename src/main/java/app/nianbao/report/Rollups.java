package app.nianbao.report;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.CURRENT_CELLS;
import static app.nianbao.store.jooq.Tables.ROLLUP;
import static app.nianbao.store.jooq.Tables.ROLLUP_DELTA;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.conf.SettingsTools;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;

import app.nianbao.catalog.AgencyLevel;
import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.catalog.Template;

/**
 * Yearly sums of every metric per scope unit — the whole country and each level — kept beside
 * current_cells so that a national chart reads a few hundred rows, not one per report. Every
 * sum is over agencies, so a writer keeps them exact by moving them by the difference of its
 * agencies' rows before and after it writes, in its own transaction ({@link #change}): the cost
 * follows the agencies written. A unit is named as its scope is written ("all", "level:COUNTY"). Each entry is a total
 * and how many rows gave a value to it, so that a sum no row gave stays blank, not 0.
 *
 * <p>The names: {@code reports}, {@code template:2019|2021}; per metric {@code m:<metric>:blanks},
 * {@code m:<metric>:excluded} and {@code m:<metric>:<cell>} over the reports printing every cell
 * the metric needs; per metric the panel against the calendar year before, {@code p:matched},
 * {@code p:<metric>:agencies|nn|nd|pn|pd} (now and previous numerator and denominator).
 */
public final class Rollups {

    public static final String ALL = new Scope.All().written();

    /** Agencies whose rows one statement sums, inside PostgreSQL's limit on bind values. */
    private static final int AGENCIES_PER_QUERY = 2_000;

    private Rollups() {
    }

    /** The unit a scope's charts read, or null when the scope is answered from current_cells (regions, subtrees, groups, agencies). */
    public static String unit(Scope scope) {
        return scope instanceof Scope.All || scope instanceof Scope.Level ? scope.written() : null;
    }

    /** One summed quantity of a unit's year: its total, and how many rows gave it a value (none: blank). */
    public record Entry(String unit, int year, String name, double total, long n) {

        public Double valueOrNull() {
            return n == 0 ? null : total;
        }

        /** A count's entry (reports, agencies) as the whole number it is; no entry counts 0. */
        public static int whole(Entry entry) {
            return entry == null ? 0 : (int) Math.round(entry.total());
        }
    }

    public static String reports() {
        return "reports";
    }

    public static String template(Template template) {
        return "template:" + template.code();
    }

    public static String level(Metric metric, String what) {
        return "m:" + metric.code() + ":" + what;
    }

    public static String level(Metric metric, CellCode cell) {
        return level(metric, cell.toString());
    }

    /** A metric's entry within a mix: over the reports that print every cell of every metric of the mix. */
    public static String mix(String mix, Metric metric, String what) {
        return "x:" + mix + ":" + metric.code() + ":" + what;
    }

    public static String mix(String mix, Metric metric, CellCode cell) {
        return mix(mix, metric, cell.toString());
    }

    public static String matched() {
        return "p:matched";
    }

    public static String panel(Metric metric, String what) {
        return "p:" + metric.code() + ":" + what;
    }

    /** The entries of a unit over [from, to], by year then name. */
    public static Map<Integer, Map<String, Entry>> read(DSLContext dsl, String unit, int from, int to, Collection<String> names) {
        Map<Integer, Map<String, Entry>> byYear = new HashMap<>();
        dsl.select(ROLLUP.UNIT, ROLLUP.YEAR, ROLLUP.NAME, ROLLUP.TOTAL, ROLLUP.N).from(ROLLUP)
                .where(ROLLUP.UNIT.eq(unit), ROLLUP.YEAR.between(from, to), ROLLUP.NAME.in(names))
                .fetch(Records.mapping(Entry::new))
                .forEach(e -> byYear.computeIfAbsent(e.year(), y -> new HashMap<>()).put(e.name(), e));
        return byYear;
    }

    /**
     * Runs a writer that changes these agencies' current rows or their levels, and moves the
     * roll-ups by the difference: the agencies' sums before and after, only where they differ.
     */
    public static void change(DSLContext dsl, Collection<Long> agencyIds, Runnable write) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(agencyIds));
        Map<Key, double[]> before = sums(dsl, ids);
        write.run();
        Map<Key, double[]> after = sums(dsl, ids);
        before.forEach((key, sum) -> {
            double[] now = after.computeIfAbsent(key, k -> new double[2]);
            now[0] -= sum[0];
            now[1] -= sum[1];
        });
        after.values().removeIf(d -> d[0] == 0 && d[1] == 0);
        apply(dsl, after);
    }

    /** Sums everything again from current_cells: for a store written around the writers (the generator) and for the migration. */
    public static void rebuild(DSLContext dsl) {
        dsl.deleteFrom(ROLLUP).execute();
        Sums sums = new Sums();
        rows(dsl, DSL.noCondition(), DSL.noCondition(), sums);
        apply(dsl, sums.byKey);
    }

    /** Whole agencies per statement: a panel pairs an agency's years, so none may be split. */
    private static Map<Key, double[]> sums(DSLContext dsl, List<Long> ids) {
        Sums sums = new Sums();
        for (int start = 0; start < ids.size(); start += AGENCIES_PER_QUERY) {
            List<Long> some = ids.subList(start, Math.min(ids.size(), start + AGENCIES_PER_QUERY));
            rows(dsl, CURRENT_CELLS.AGENCY_ID.in(some), AGENCY.ID.in(some), sums);
        }
        return sums.byKey;
    }

    private record Key(String unit, int year, String name) {
    }

    /** Moves the roll-ups by the differences: staged, then merged by one UPDATE … FROM and one INSERT of the keys not there yet. */
    private static void apply(DSLContext dsl, Map<Key, double[]> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        stage(dsl, deltas);
        Condition sameKey = ROLLUP.UNIT.eq(ROLLUP_DELTA.UNIT).and(ROLLUP.YEAR.eq(ROLLUP_DELTA.YEAR)).and(ROLLUP.NAME.eq(ROLLUP_DELTA.NAME));
        dsl.update(ROLLUP).set(ROLLUP.TOTAL, ROLLUP.TOTAL.plus(ROLLUP_DELTA.TOTAL)).set(ROLLUP.N, ROLLUP.N.plus(ROLLUP_DELTA.N))
                .from(ROLLUP_DELTA).where(sameKey).execute();
        dsl.insertInto(ROLLUP, ROLLUP.UNIT, ROLLUP.YEAR, ROLLUP.NAME, ROLLUP.TOTAL, ROLLUP.N)
                .select(dsl.select(ROLLUP_DELTA.UNIT, ROLLUP_DELTA.YEAR, ROLLUP_DELTA.NAME, ROLLUP_DELTA.TOTAL, ROLLUP_DELTA.N).from(ROLLUP_DELTA)
                        .whereNotExists(DSL.selectOne().from(ROLLUP).where(sameKey)))
                .execute();
        dsl.deleteFrom(ROLLUP_DELTA).execute();
    }

    /** The differences into rollup_delta: DuckDB's appender, multi-row INSERTs of literals elsewhere (planned faster than as many parameters). */
    private static void stage(DSLContext store, Map<Key, double[]> deltas) {
        if (FigureAppender.onDuckDb(store)) {
            store.connection(connection -> {
                try (DuckDBAppender rows = connection.unwrap(DuckDBConnection.class).createAppender("main", ROLLUP_DELTA.getName())) {
                    for (var e : deltas.entrySet()) {
                        rows.beginRow();
                        rows.append(e.getKey().unit());
                        rows.append(e.getKey().year());
                        rows.append(e.getKey().name());
                        rows.append(e.getValue()[0]);
                        rows.append(Math.round(e.getValue()[1]));
                        rows.endRow();
                    }
                }
            });
            return;
        }
        DSLContext dsl = store.configuration().derive(SettingsTools.clone(store.settings()).withStatementType(StatementType.STATIC_STATEMENT)).dsl();
        List<Map.Entry<Key, double[]>> all = List.copyOf(deltas.entrySet());
        for (int start = 0; start < all.size(); start += 500) {
            var insert = dsl.insertInto(ROLLUP_DELTA, ROLLUP_DELTA.UNIT, ROLLUP_DELTA.YEAR, ROLLUP_DELTA.NAME, ROLLUP_DELTA.TOTAL, ROLLUP_DELTA.N);
            for (var e : all.subList(start, Math.min(all.size(), start + 500))) {
                insert = insert.values(e.getKey().unit(), e.getKey().year(), e.getKey().name(), e.getValue()[0], Math.round(e.getValue()[1]));
            }
            insert.execute();
        }
    }

    /** What a metric reads of a row, worked out once. */
    private record Plan(Metric metric, List<CellCode> cells) {

        static final List<Plan> ALL_METRICS = Arrays.stream(Metric.values()).map(m -> new Plan(m, MetricSql.cellsOf(m))).toList();

        /** Every cell some metric reads (50 of the 226 columns): a writer's agencies are read for these only. */
        static final List<CellCode> CELLS = ALL_METRICS.stream().flatMap(p -> p.cells().stream()).distinct().toList();
    }

    /** A mix and every cell of all its metrics, whose blanks leave a report out of the whole mix. */
    private record MixPlan(String name, List<Plan> parts, List<CellCode> every) {

        static final List<MixPlan> ALL_MIXES = Metric.MIXES.entrySet().stream().map(e -> new MixPlan(e.getKey(),
                e.getValue().stream().map(m -> new Plan(m, MetricSql.cellsOf(m))).toList(),
                e.getValue().stream().flatMap(m -> MetricSql.cellsOf(m).stream()).distinct().toList())).toList();
    }

    /** One current row as the sums read it: its year, template, level and per metric its blanks, numerator and denominator. */
    private record Row(long agencyId, int year, Template template, String levelUnit, Map<CellCode, Double> cells, int[] blanks,
                       Double[] numerators, Double[] denominators) {

        static Row of(Record r, String levelUnit) {
            Template template = Template.ofCode(r.get(CURRENT_CELLS.TEMPLATE));
            Map<CellCode, Double> cells = new HashMap<>();
            Plan.CELLS.forEach(cell -> cells.put(cell, r.get(CurrentCells.columns().get(cell))));
            int size = Plan.ALL_METRICS.size();
            int[] blanks = new int[size];
            Double[] numerators = new Double[size];
            Double[] denominators = new Double[size];
            for (int m = 0; m < size; m++) {
                Plan plan = Plan.ALL_METRICS.get(m);
                blanks[m] = MetricSql.blankCount(plan.cells(), template, cells::get);
                numerators[m] = MetricSql.signedSumOrNull(plan.metric().numerator(), cells::get);
                denominators[m] = plan.metric().isRate() ? MetricSql.signedSumOrNull(plan.metric().denominator(), cells::get) : null;
            }
            return new Row(r.get(CURRENT_CELLS.AGENCY_ID), r.get(CURRENT_CELLS.YEAR), template, levelUnit, cells, blanks,
                    numerators, denominators);
        }
    }

    /**
     * The rows matching {@code rows}, an agency at a time, summed as the charts' queries sum
     * current_cells (AnalyticsService's grouped and panel queries): a metric's levels over the
     * reports printing every cell it needs, its panel over the agencies doing so in both years.
     */
    private static void rows(DSLContext dsl, Condition rows, Condition agencies, Sums sums) {
        // the levels asked apart: a join would build over every agency of the store for a batch's few hundred
        Map<Long, String> levels = new HashMap<>();
        dsl.select(AGENCY.ID, AGENCY.LEVEL).from(AGENCY).where(agencies, AGENCY.LEVEL.isNotNull())
                .forEach(a -> levels.put(a.get(AGENCY.ID), new Scope.Level(AgencyLevel.valueOf(a.get(AGENCY.LEVEL))).written()));
        List<Field<?>> fields = new ArrayList<>(List.of(CURRENT_CELLS.AGENCY_ID, CURRENT_CELLS.YEAR, CURRENT_CELLS.TEMPLATE));
        Plan.CELLS.forEach(cell -> fields.add(CurrentCells.columns().get(cell)));
        List<Row> agency = new ArrayList<>();
        try (var cursor = dsl.select(fields).from(CURRENT_CELLS).where(rows)
                .orderBy(CURRENT_CELLS.AGENCY_ID, CURRENT_CELLS.YEAR).fetchSize(5_000).fetchLazy()) {
            for (Record r : cursor) {
                Row row = Row.of(r, levels.get(r.get(CURRENT_CELLS.AGENCY_ID)));
                if (!agency.isEmpty() && agency.get(0).agencyId() != row.agencyId()) {
                    sums.agency(agency);
                    agency.clear();
                }
                agency.add(row);
            }
        }
        if (!agency.isEmpty()) {
            sums.agency(agency);
        }
    }

    /** Totals and how many rows gave each a value, per unit, year and name: a row counts for the country and for its level. */
    private static final class Sums {

        final Map<Key, double[]> byKey = new HashMap<>();

        void agency(List<Row> years) {
            Map<Integer, Row> byYear = new HashMap<>();
            years.forEach(r -> byYear.put(r.year(), r));
            for (Row row : years) {
                levelOf(row);
                Row before = byYear.get(row.year() - 1);
                if (before != null) {
                    panelOf(row, before);
                }
            }
        }

        private void levelOf(Row row) {
            add(row, reports(), 1);
            add(row, template(row.template()), 1);
            for (int m = 0; m < Plan.ALL_METRICS.size(); m++) {
                Plan plan = Plan.ALL_METRICS.get(m);
                int blanks = row.blanks()[m];
                add(row, level(plan.metric(), "blanks"), blanks);
                if (blanks > 0) {
                    add(row, level(plan.metric(), "excluded"), 1);
                    continue;
                }
                for (CellCode cell : plan.cells()) {
                    addIfValue(row, level(plan.metric(), cell), row.cells().get(cell));
                }
            }
            for (MixPlan mix : MixPlan.ALL_MIXES) {
                int blanks = MetricSql.blankCount(mix.every(), row.template(), row.cells()::get);
                for (Plan part : mix.parts()) {
                    add(row, mix(mix.name(), part.metric(), "blanks"), blanks);
                    if (blanks > 0) {
                        add(row, mix(mix.name(), part.metric(), "excluded"), 1);
                        continue;
                    }
                    for (CellCode cell : part.cells()) {
                        addIfValue(row, mix(mix.name(), part.metric(), cell), row.cells().get(cell));
                    }
                }
            }
        }

        private void panelOf(Row now, Row before) {
            add(now, matched(), 1);
            for (int m = 0; m < Plan.ALL_METRICS.size(); m++) {
                Metric metric = Plan.ALL_METRICS.get(m).metric();
                if (now.blanks()[m] != 0 || before.blanks()[m] != 0) {
                    continue;
                }
                add(now, panel(metric, "agencies"), 1);
                addIfValue(now, panel(metric, "nn"), now.numerators()[m]);
                addIfValue(now, panel(metric, "pn"), before.numerators()[m]);
                if (metric.isRate()) {
                    addIfValue(now, panel(metric, "nd"), now.denominators()[m]);
                    addIfValue(now, panel(metric, "pd"), before.denominators()[m]);
                }
            }
        }

        private void addIfValue(Row row, String name, Double value) {
            if (value != null) {
                add(row, name, value);
            }
        }

        private void add(Row row, String name, double total) {
            put(new Key(ALL, row.year(), name), total);
            if (row.levelUnit() != null) {
                put(new Key(row.levelUnit(), row.year(), name), total);
            }
        }

        private void put(Key key, double total) {
            double[] sum = byKey.computeIfAbsent(key, k -> new double[2]);
            sum[0] += total;
            sum[1] += 1;
        }
    }
}
