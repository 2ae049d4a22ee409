package app.nianbao.analytics;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.AGENCY_GROUP_MEMBER;
import static app.nianbao.store.jooq.Tables.CURRENT_CELLS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Service;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Template;
import app.nianbao.report.CurrentCells;
import app.nianbao.statistics.Funnel;
import app.nianbao.statistics.PeerPercentiles;

/**
 * Metric series over years for a scope. Additive counts are summed over the scope's current
 * reports and rates recomputed from the sums. A report that leaves a cell the metric needs blank
 * is left out of that metric (a blank is unknown, not zero), and the point says how many reports
 * were left out; numerator and denominator always come from the same reports. A year whose
 * reports mix the 2019 and 2021 templates says so.
 */
@Service
public class AnalyticsService {

    /**
     * One year of a series: its value over the reports that give every needed cell, how many
     * reports the year has, the templates among them, the blank needed cells, and the reports
     * left out for them. The value is null when no report is complete.
     */
    public record Point(int year, Double value, int reports, Set<String> templates, int blankCells, int excludedReports) {

        /** The 2019 and 2021 templates differ in 其他处理; a year covering both is not like-for-like. */
        public boolean mixesTemplates() {
            return templates.size() > 1;
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
    }

    private final DSLContext dsl;

    public AnalyticsService(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Series series(Metric metric, Scope scope, int from, int to) {
        return series(List.of(metric), scope, from, to).get(0);
    }

    /** Several metrics over the same scope and years in one pass over the store: a chart's worth. */
    public List<Series> series(List<Metric> metrics, Scope scope, int from, int to) {
        List<Group> groups = grouped(metrics, scope, from, to, CURRENT_CELLS.YEAR);
        List<Series> series = new ArrayList<>();
        for (Metric metric : metrics) {
            List<Point> points = new ArrayList<>();
            for (Group g : groups) {
                Double value = g.excluded(metric) == g.reports() ? null : metric.evaluate(g.sums(metric)).orElse(null);
                points.add(new Point(((Number) g.key()).intValue(), value, g.reports(), g.templates(), g.blanks(metric),
                        g.excluded(metric)));
            }
            series.add(new Series(metric, scope.toString(), points));
        }
        return series;
    }

    /** One agency of a comparison: the metric's numerator ("events") and denominator ("n") summed over its reports. */
    public record AgencyFigures(long agencyId, String agency, double events, double n, Double value) {
    }

    /** Each agency of the scope in one year, for funnels and rankings; only for rate metrics. */
    public List<AgencyFigures> byAgency(Metric metric, Scope scope, int year) {
        if (!metric.isRate()) {
            throw new IllegalArgumentException("comparison needs a rate metric, not " + metric.code());
        }
        // one row per agency straight from SQL (a national peer group has 100,000 of them); current_cells
        // holds one report per agency and year, so nothing needs grouping
        Map<String, List<CellCode>> terms = terms(List.of(metric));
        Field<Double> events = signedSum(metric.numerator(), terms);
        Field<Double> n = signedSum(metric.denominator(), terms);
        return dsl.select(CURRENT_CELLS.AGENCY_ID, AGENCY.NAME, events, n)
                .from(CURRENT_CELLS).join(AGENCY).on(AGENCY.ID.eq(CURRENT_CELLS.AGENCY_ID))
                .where(CURRENT_CELLS.YEAR.eq(year), inScope(scope), blankCount(cellsOf(terms)).eq(0))
                .fetch(r -> new AgencyFigures(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value4() > 0 ? r.value3() / r.value4() * metric.scale() : null));
    }

    /** The written terms summed per report, "-" subtracting; cells a template does not print count as nothing. */
    private static Field<Double> signedSum(List<String> written, Map<String, List<CellCode>> terms) {
        Field<Double> total = DSL.inline(0.0);
        for (String term : written) {
            boolean minus = term.startsWith("-");
            for (CellCode cell : terms.get(term.replaceFirst("^-", ""))) {
                Field<Double> value = DSL.coalesce(CurrentCells.column(cell), DSL.inline(0.0));
                total = minus ? total.minus(value) : total.plus(value);
            }
        }
        return total;
    }

    /** How many of these cells a report left blank (null where its template prints them). */
    private static Field<Integer> blankCount(List<CellCode> cells) {
        return cells.stream()
                .<Field<Integer>>map(c -> DSL.when(CurrentCells.column(c).isNull().and(printedIn(c)), DSL.inline(1)).otherwise(DSL.inline(0)))
                .reduce(Field::plus).orElse(DSL.inline(0));
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
    }

    /** One group (a year, or an agency): per metric, its term sums over complete reports, blank cells and reports left out. */
    private record Group(Object key, int reports, Set<String> templates, Map<Metric, Map<String, Double>> sums,
                         Map<Metric, Integer> blankCells, Map<Metric, Integer> excludedReports) {

        Map<String, Double> sums(Metric metric) {
            return sums.get(metric);
        }

        int blanks(Metric metric) {
            return blankCells.get(metric);
        }

        int excluded(Metric metric) {
            return excludedReports.get(metric);
        }
    }

    /**
     * The cell sums the metrics need, per value of {@code groupBy}, over the scope's current
     * reports: a few columns of current_cells, whatever the number of reports. Each metric sums
     * only the reports that print every cell it needs.
     */
    private List<Group> grouped(List<Metric> metrics, Scope scope, int from, int to, Field<?> groupBy) {
        // inner: each report's needed cells and, per metric, how many of its cells it left blank
        Map<Metric, Map<String, List<CellCode>>> termsOf = new LinkedHashMap<>();
        Map<CellCode, Integer> index = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            Map<String, List<CellCode>> terms = terms(List.of(metric));
            termsOf.put(metric, terms);
            terms.values().forEach(cells -> cells.forEach(cell -> index.putIfAbsent(cell, index.size())));
        }
        List<Field<?>> inner = new ArrayList<>(List.of(groupBy.as("key"), CURRENT_CELLS.TEMPLATE.as("template")));
        index.forEach((cell, i) -> inner.add(CurrentCells.column(cell).as("c" + i)));
        int m = 0;
        for (Metric metric : metrics) {
            inner.add(blankCount(cellsOf(termsOf.get(metric))).as("blank" + m++));
        }
        var rows = DSL.select(inner).from(CURRENT_CELLS).where(CURRENT_CELLS.YEAR.between(from, to), inScope(scope)).asTable("r");
        // outer: per metric, its cells summed over the reports that left none blank
        Field<Object> key = rows.field("key", Object.class);
        List<Field<?>> fields = new ArrayList<>(List.of(key, DSL.count(), DSL.min(rows.field("template", String.class)),
                DSL.max(rows.field("template", String.class))));
        m = 0;
        for (Metric metric : metrics) {
            Field<Integer> blanks = rows.field("blank" + m++, Integer.class);
            for (CellCode cell : cellsOf(termsOf.get(metric))) {
                fields.add(DSL.sum(rows.field("c" + index.get(cell), Double.class)).filterWhere(blanks.eq(0)).coerce(Double.class));
            }
            fields.add(DSL.sum(blanks).coerce(Integer.class));
            fields.add(DSL.count().filterWhere(blanks.gt(0)));
        }
        List<Group> groups = new ArrayList<>();
        for (Record r : dsl.select(fields).from(rows).groupBy(key).orderBy(key).fetch()) {
            int position = 4;
            Map<Metric, Map<String, Double>> sums = new HashMap<>();
            Map<Metric, Integer> blanks = new HashMap<>();
            Map<Metric, Integer> excluded = new HashMap<>();
            for (var entry : termsOf.entrySet()) {
                List<CellCode> cells = cellsOf(entry.getValue());
                Map<CellCode, Double> cellSums = new HashMap<>();
                for (CellCode cell : cells) {
                    Number sum = (Number) r.get(position++);
                    if (sum != null) {
                        cellSums.put(cell, sum.doubleValue());
                    }
                }
                Map<String, Double> termSums = new HashMap<>();
                entry.getValue().forEach((term, termCells) -> {
                    Double total = null;
                    for (CellCode cell : termCells) {
                        Double sum = cellSums.get(cell);
                        if (sum != null) {
                            total = (total == null ? 0 : total) + sum;
                        }
                    }
                    if (total != null) {
                        termSums.put(term, total);
                    }
                });
                sums.put(entry.getKey(), termSums);
                Number blankCells = (Number) r.get(position++);
                blanks.put(entry.getKey(), blankCells == null ? 0 : blankCells.intValue());
                excluded.put(entry.getKey(), ((Number) r.get(position++)).intValue());
            }
            Set<String> templates = new LinkedHashSet<>(List.of((String) r.get(2), (String) r.get(3)));
            groups.add(new Group(r.get(0), ((Number) r.get(1)).intValue(), templates, sums, blanks, excluded));
        }
        return groups;
    }

    private static List<CellCode> cellsOf(Map<String, List<CellCode>> terms) {
        return terms.values().stream().flatMap(List::stream).distinct().toList();
    }

    /** Each term of the metrics ("t3.refused_*.total") with the cells it sums. */
    private static Map<String, List<CellCode>> terms(List<Metric> metrics) {
        Map<String, List<CellCode>> terms = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            List<String> all = new ArrayList<>(metric.numerator());
            all.addAll(metric.denominator());
            for (String written : all) {
                String term = written.replaceFirst("^-", "");
                terms.computeIfAbsent(term, t -> CurrentCells.columns().keySet().stream()
                        .filter(c -> Arrays.stream(t.split("\\|")).anyMatch(alternative -> matches(alternative, c)))
                        .toList());
            }
        }
        return terms;
    }

    /** Whether a cell is what a written term names: "t3.granted.total", or a family "t3.refused_*.total". */
    private static boolean matches(String term, CellCode cell) {
        String[] parts = term.split("\\.");
        boolean family = parts[1].endsWith("*");
        String row = parts[1].replace("*", "");
        return cell.table().equals(parts[0]) && cell.col().equals(parts[2])
                && (family ? cell.row().startsWith(row) : cell.row().equals(row));
    }

    /** True for rows whose template prints the cell, where a null is a blank rather than an absent row. */
    private static Condition printedIn(CellCode cell) {
        return CURRENT_CELLS.TEMPLATE.in(CurrentCells.templatesOf(cell).stream().map(Template::code).toList());
    }

    private Condition inScope(Scope scope) {
        if (scope instanceof Scope.Agencies agencies) {
            return CURRENT_CELLS.AGENCY_ID.in(agencies.ids());
        }
        if (scope instanceof Scope.Level level) {
            return CURRENT_CELLS.AGENCY_ID.in(DSL.select(AGENCY.ID).from(AGENCY).where(AGENCY.LEVEL.eq(level.level().name())));
        }
        if (scope instanceof Scope.Subtree subtree) {
            return CURRENT_CELLS.AGENCY_ID.in(subtree(subtree.root()));
        }
        if (scope instanceof Scope.Region region) {
            return CURRENT_CELLS.AGENCY_ID.in(DSL.select(AGENCY.ID).from(AGENCY).where(AGENCY.REGION_CODE.startsWith(region.codePrefix())));
        }
        if (scope instanceof Scope.Group group) {
            return CURRENT_CELLS.AGENCY_ID.in(DSL.select(AGENCY_GROUP_MEMBER.AGENCY_ID).from(AGENCY_GROUP_MEMBER)
                    .where(AGENCY_GROUP_MEMBER.GROUP_ID.eq(group.id())));
        }
        return DSL.noCondition();
    }

    /** The root and every agency below it, walked in the database. UNION (not ALL) ends even a cyclic hierarchy. */
    private static org.jooq.Select<Record1<Long>> subtree(long root) {
        var tree = DSL.name("tree").fields("id").as(DSL.select(DSL.inline(root).cast(SQLDataType.BIGINT).as("id"))
                .union(DSL.select(AGENCY.ID).from(AGENCY).join(DSL.table(DSL.name("tree")))
                        .on(AGENCY.PARENT_ID.eq(DSL.field(DSL.name("tree", "id"), Long.class)))));
        return DSL.withRecursive(tree).select(DSL.field(DSL.name("tree", "id"), Long.class)).from(tree);
    }
}
