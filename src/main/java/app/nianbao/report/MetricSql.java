package app.nianbao.report;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.AGENCY_GROUP_MEMBER;
import static app.nianbao.store.jooq.Tables.CURRENT_CELLS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.catalog.Template;

/**
 * The SQL pieces every metric query is made of: which cells a metric's terms name, their signed
 * sums per report, how many of them a report left blank, and which agencies a scope covers.
 */
public final class MetricSql {

    /** The cells of each written term, worked out once: the roll-ups ask for them per row. */
    private static final Map<String, List<CellCode>> TERMS = new ConcurrentHashMap<>();

    private MetricSql() {
    }

    /** Each term of the metrics ("t3.refused_*.total") with the cells it sums. */
    public static Map<String, List<CellCode>> terms(List<Metric> metrics) {
        Map<String, List<CellCode>> terms = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            List<String> all = new ArrayList<>(metric.numerator());
            all.addAll(metric.denominator());
            for (String written : all) {
                terms.computeIfAbsent(written.replaceFirst("^-", ""), MetricSql::cellsOfTerm);
            }
        }
        return terms;
    }

    /** The cells one written term sums: "a|b" takes whichever of the cells the report's template prints. */
    private static List<CellCode> cellsOfTerm(String term) {
        return TERMS.computeIfAbsent(term, t -> CurrentCells.columns().keySet().stream()
                .filter(c -> Arrays.stream(t.split("\\|")).anyMatch(alternative -> matches(alternative, c))).toList());
    }

    /** Every cell a metric reads, once. */
    public static List<CellCode> cellsOf(Metric metric) {
        return terms(List.of(metric)).values().stream().flatMap(List::stream).distinct().toList();
    }

    /** Whether a cell is what a written term names: "t3.granted.total", or a family "t3.refused_*.total". */
    private static boolean matches(String term, CellCode cell) {
        String[] parts = term.split("\\.");
        boolean family = parts[1].endsWith("*");
        String row = parts[1].replace("*", "");
        return cell.table().equals(parts[0]) && cell.col().equals(parts[2])
                && (family ? cell.row().startsWith(row) : cell.row().equals(row));
    }

    /** The written terms summed per report, "-" subtracting; cells a template does not print count as nothing. */
    public static Field<Double> signedSum(List<String> written) {
        Field<Double> total = DSL.inline(0.0);
        for (String term : written) {
            boolean minus = term.startsWith("-");
            for (CellCode cell : cellsOfTerm(term.replaceFirst("^-", ""))) {
                Field<Double> value = DSL.coalesce(CurrentCells.column(cell), DSL.inline(0.0));
                total = minus ? total.minus(value) : total.plus(value);
            }
        }
        return total;
    }

    /** As {@link #signedSum}, but null for a report that has none of the terms' cells (its template prints none of them). */
    public static Field<Double> signedSumOrNull(List<String> written) {
        Condition none = written.stream().flatMap(t -> cellsOfTerm(t.replaceFirst("^-", "")).stream())
                .map(c -> CurrentCells.column(c).isNull()).reduce(DSL.noCondition(), Condition::and);
        return DSL.when(none, DSL.inline((Double) null)).otherwise(signedSum(written));
    }

    /** How many of these cells a report left blank (null where its template prints them). */
    public static Field<Integer> blankCount(List<CellCode> cells) {
        return cells.stream()
                .<Field<Integer>>map(c -> DSL.when(CurrentCells.column(c).isNull().and(printedIn(c)), DSL.inline(1)).otherwise(DSL.inline(0)))
                .reduce(Field::plus).orElse(DSL.inline(0));
    }

    /** {@link #signedSumOrNull} of one row already read, for the roll-ups that sum rows as the import writes them. */
    public static Double signedSumOrNull(List<String> written, Function<CellCode, Double> value) {
        double total = 0;
        boolean any = false;
        for (String term : written) {
            boolean minus = term.startsWith("-");
            for (CellCode cell : cellsOfTerm(term.replaceFirst("^-", ""))) {
                Double v = value.apply(cell);
                if (v != null) {
                    any = true;
                    total = minus ? total - v : total + v;
                }
            }
        }
        return any ? total : null;
    }

    /** {@link #blankCount} of one row already read. */
    public static int blankCount(List<CellCode> cells, Template template, Function<CellCode, Double> value) {
        int blanks = 0;
        for (CellCode cell : cells) {
            if (value.apply(cell) == null && CurrentCells.templatesOf(cell).contains(template)) {
                blanks++;
            }
        }
        return blanks;
    }

    /** True for rows whose template prints the cell, where a null is a blank rather than an absent row. */
    private static Condition printedIn(CellCode cell) {
        return CURRENT_CELLS.TEMPLATE.in(CurrentCells.templatesOf(cell).stream().map(Template::code).toList());
    }

    public static Condition inScope(Scope scope) {
        return inScope(scope, CURRENT_CELLS.AGENCY_ID);
    }

    /** The same scope over another table's agency column. */
    public static Condition inScope(Scope scope, Field<Long> agencyId) {
        if (scope instanceof Scope.Agencies agencies) {
            return agencyId.in(agencies.ids());
        }
        if (scope instanceof Scope.Level level) {
            return agencyId.in(DSL.select(AGENCY.ID).from(AGENCY).where(AGENCY.LEVEL.eq(level.level().name())));
        }
        if (scope instanceof Scope.Subtree subtree) {
            return agencyId.in(subtree(subtree.root()));
        }
        if (scope instanceof Scope.Region region) {
            return agencyId.in(DSL.select(AGENCY.ID).from(AGENCY).where(AGENCY.REGION_CODE.startsWith(region.codePrefix())));
        }
        if (scope instanceof Scope.Group group) {
            return agencyId.in(DSL.select(AGENCY_GROUP_MEMBER.AGENCY_ID).from(AGENCY_GROUP_MEMBER)
                    .where(AGENCY_GROUP_MEMBER.GROUP_ID.eq(group.id())));
        }
        return DSL.noCondition();
    }

    /** The root and every agency below it, walked in the database. UNION (not ALL) ends even a cyclic hierarchy. */
    private static Select<Record1<Long>> subtree(long root) {
        var tree = DSL.name("tree").fields("id").as(DSL.select(DSL.inline(root).cast(SQLDataType.BIGINT).as("id"))
                .union(DSL.select(AGENCY.ID).from(AGENCY).join(DSL.table(DSL.name("tree")))
                        .on(AGENCY.PARENT_ID.eq(DSL.field(DSL.name("tree", "id"), Long.class)))));
        return DSL.withRecursive(tree).select(DSL.field(DSL.name("tree", "id"), Long.class)).from(tree);
    }
}
