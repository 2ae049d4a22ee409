package app.nianbao.report;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import app.nianbao.catalog.CellCode;
import app.nianbao.figures.Cell;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;
import app.nianbao.figures.ReviewStatus;
import app.nianbao.figures.Rule;
import app.nianbao.report.ReportService.StoredFinding;
import app.nianbao.report.ReportService.StoredVersion;

/**
 * What importing a file would replace: the stored version of its agency and year, every cell
 * whose number differs (a blank on either side is a blank, not a zero), in template order, and
 * the listed findings that would appear or go. Rules across years (R5, R6, R10, R11) are left
 * out of that comparison: the import runs them against the year before, the preview does not.
 * A finding that goes takes its review with it: {@link #lapsedReviews()} says which.
 */
public record Replaces(int version, LocalDateTime importedAt, List<CellChange> changes, List<Finding> appeared,
                       List<StoredFinding> gone) {

    /** A cell that would change: before and after (null for blank). */
    public record CellChange(CellCode cell, BigDecimal before, BigDecimal after) {
    }

    public static Replaces of(StoredVersion stored, Figures read, List<StoredFinding> storedFindings, List<Finding> wouldHave) {
        Map<CellCode, BigDecimal> now = new HashMap<>();
        read.cells().forEach((Cell c) -> now.put(c.code(), c.value()));
        Set<CellCode> cells = new TreeSet<>(Comparator.comparing(CellCode::toString));
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
        Set<String> before = new HashSet<>();
        storedFindings.forEach(f -> before.add(f.finding().statement()));
        Set<String> after = new HashSet<>();
        wouldHave.forEach(f -> after.add(f.statement()));
        List<Finding> appeared = wouldHave.stream().filter(Replaces::compared).filter(f -> !before.contains(f.statement())).toList();
        List<StoredFinding> gone = storedFindings.stream().filter(f -> compared(f.finding()))
                .filter(f -> !after.contains(f.finding().statement())).toList();
        return new Replaces(stored.version(), stored.importedAt(), changes, appeared, gone);
    }

    /** The gone findings an analyst had reviewed: their reviews would not be kept. */
    public List<StoredFinding> lapsedReviews() {
        return gone.stream().filter(f -> !ReviewStatus.OPEN.code().equals(f.reviewStatus())).toList();
    }

    private static boolean compared(Finding f) {
        return f.listed() && Rule.of(f.rule()).map(r -> !r.acrossYears()).orElse(false);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
