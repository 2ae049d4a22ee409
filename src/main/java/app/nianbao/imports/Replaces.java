package app.nianbao.imports;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import app.nianbao.catalog.CellCode;
import app.nianbao.figures.Cell;
import app.nianbao.figures.Figures;
import app.nianbao.report.ReportService.StoredVersion;

/**
 * What importing a file would replace: the stored version of its agency and year, and every
 * cell whose number differs (a blank on either side is a blank, not a zero), in template order.
 */
public record Replaces(int version, LocalDateTime importedAt, List<CellChange> changes) {

    /** A cell that would change: before and after (null for blank). */
    public record CellChange(CellCode cell, BigDecimal before, BigDecimal after) {
    }

    public static Replaces of(StoredVersion stored, Figures read) {
        java.util.Map<CellCode, BigDecimal> now = new java.util.HashMap<>();
        read.cells().forEach((Cell c) -> now.put(c.code(), c.value()));
        Set<CellCode> cells = new TreeSet<>(java.util.Comparator.comparing(CellCode::toString));
        cells.addAll(stored.values().keySet());
        cells.addAll(now.keySet());
        List<CellChange> changes = new ArrayList<>();
        for (CellCode cell : cells) {
            BigDecimal before = stored.values().get(cell);
            BigDecimal after = now.get(cell);
            if (!sameNumber(before, after)) {
                changes.add(new CellChange(cell, before, after));
            }
        }
        return new Replaces(stored.version(), stored.importedAt(), changes);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
