package app.nianbao.report;

import static app.nianbao.store.jooq.Tables.CURRENT_CELLS;
import static app.nianbao.store.jooq.Tables.CURRENT_REPORT;
import static app.nianbao.store.jooq.Tables.FIGURE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Codebook;
import app.nianbao.catalog.Template;
import app.nianbao.figures.Cell;
import app.nianbao.figures.CellKind;
import app.nianbao.figures.Figures;

/**
 * The read model every dashboard query uses: the current report of each agency and year as one
 * wide row of current_cells, a column per cell (named table__row__col). Reading a few columns of
 * 700,000 rows is what keeps charts fast at national scale; the long figure table stays the
 * record of each cell's kind, raw text and source line. Writers of reports call
 * {@link #refresh} in their transaction.
 */
public final class CurrentCells {

    private static final Map<CellCode, Field<Double>> COLUMNS = readColumns();
    private static final Map<CellCode, Set<Template>> TEMPLATES = templates();

    private CurrentCells() {
    }

    /** Every cell column, in the table's order. */
    public static Map<CellCode, Field<Double>> columns() {
        return COLUMNS;
    }

    private static Map<CellCode, Field<Double>> readColumns() {
        Map<CellCode, Field<Double>> columns = new LinkedHashMap<>();
        for (Field<?> field : CURRENT_CELLS.fields()) {
            String[] parts = field.getName().split("__");
            if (parts.length == 3) {
                columns.put(new CellCode(parts[0], parts[1], parts[2]), field.coerce(Double.class));
            }
        }
        return columns;
    }

    public static Field<Double> column(CellCode cell) {
        Field<Double> column = COLUMNS.get(cell);
        if (column == null) {
            throw new IllegalArgumentException("no such cell: " + cell);
        }
        return column;
    }

    /** The templates that print a cell: a null there is a blank; in another template it is simply absent. */
    public static Set<Template> templatesOf(CellCode cell) {
        return TEMPLATES.getOrDefault(cell, Set.of());
    }

    /** Re-derives the rows of these agencies from their current reports and figures, and their part of the roll-ups. */
    public static void refresh(DSLContext dsl, Collection<Long> agencyIds) {
        Rollups.change(dsl, agencyIds, () -> derive(dsl, agencyIds));
    }

    private static void derive(DSLContext dsl, Collection<Long> agencyIds) {
        dsl.deleteFrom(CURRENT_CELLS).where(CURRENT_CELLS.AGENCY_ID.in(agencyIds)).execute();
        List<SelectField<?>> pivot = new ArrayList<>(List.of(CURRENT_REPORT.ID, CURRENT_REPORT.AGENCY_ID, CURRENT_REPORT.YEAR,
                CURRENT_REPORT.TEMPLATE, DSL.count().filterWhere(FIGURE.KIND.in(kinds(CellKind.BLANK, CellKind.TEXT))),
                DSL.count().filterWhere(FIGURE.KIND.in(kinds(CellKind.REPAIRED, CellKind.INFERRED)))));
        COLUMNS.keySet().forEach(cell -> pivot.add(DSL.max(FIGURE.VALUE).filterWhere(FIGURE.TBL.eq(cell.table()),
                FIGURE.ROW_CODE.eq(cell.row()), FIGURE.COL_CODE.eq(cell.col())).cast(Double.class)));
        List<Field<?>> target = new ArrayList<>(List.of(CURRENT_CELLS.REPORT_ID, CURRENT_CELLS.AGENCY_ID, CURRENT_CELLS.YEAR,
                CURRENT_CELLS.TEMPLATE, CURRENT_CELLS.BLANK_CELLS, CURRENT_CELLS.ADJUSTED_CELLS));
        target.addAll(COLUMNS.values());
        dsl.insertInto(CURRENT_CELLS).columns(target)
                .select(DSL.select(pivot).from(CURRENT_REPORT).leftJoin(FIGURE).on(FIGURE.REPORT_ID.eq(CURRENT_REPORT.ID))
                        .where(CURRENT_REPORT.AGENCY_ID.in(agencyIds))
                        .groupBy(CURRENT_REPORT.ID, CURRENT_REPORT.AGENCY_ID, CURRENT_REPORT.YEAR, CURRENT_REPORT.TEMPLATE))
                .execute();
    }

    /**
     * A report's wide row, in the column order of current_cells: report, agency, year, template,
     * blank and adjusted cell counts, then every cell's value (null where blank or where the
     * report's template does not print it).
     */
    public static List<Object> row(long reportId, long agencyId, int year, Figures figures) {
        int blank = 0;
        int adjusted = 0;
        for (Cell cell : figures.cells()) {
            blank += isBlank(cell.kind()) ? 1 : 0;
            adjusted += isAdjusted(cell.kind()) ? 1 : 0;
        }
        List<Object> row = new ArrayList<>(List.of(reportId, agencyId, year, figures.template().code(), blank, adjusted));
        for (CellCode code : COLUMNS.keySet()) {
            BigDecimal value = templatesOf(code).contains(figures.template()) ? figures.cell(code).value() : null;
            row.add(value == null ? null : value.doubleValue());
        }
        return row;
    }

    /** Whether a cell counts against the quality score as blank (printed empty or as text). */
    public static boolean isBlank(CellKind kind) {
        return kind == CellKind.BLANK || kind == CellKind.TEXT;
    }

    /** Whether the reader changed what was printed: repaired characters or inferred lost cells. */
    public static boolean isAdjusted(CellKind kind) {
        return kind == CellKind.REPAIRED || kind == CellKind.INFERRED;
    }

    private static List<String> kinds(CellKind... kinds) {
        return Arrays.stream(kinds).map(CellKind::code).toList();
    }

    private static Map<CellCode, Set<Template>> templates() {
        Map<CellCode, Set<Template>> templates = new LinkedHashMap<>();
        for (Template t : Template.values()) {
            for (CellCode cell : Codebook.get().cells(t)) {
                templates.computeIfAbsent(cell, c -> EnumSet.noneOf(Template.class)).add(t);
            }
        }
        return templates;
    }
}
