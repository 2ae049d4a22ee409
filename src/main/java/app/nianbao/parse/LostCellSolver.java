package app.nianbao.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.nianbao.catalog.CellCode;
import app.nianbao.figures.Cell;
import app.nianbao.figures.CellKind;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Identity;
import app.nianbao.figures.Identity.Term;

/**
 * Reconstructs rows that lost cells in extraction (fewer numbers than the template has columns,
 * positions not printed), or whose numbers were glued into digit strings (crawled page text).
 * Every way of placing the read numbers — or of splitting the digits — is tried; the identities
 * R1–R4 fill the gaps and rule out the rest; only cells on which every consistent reconstruction
 * agrees are filled (as inferred). Everything else stays null, so nothing is silently made up.
 * Rows that share no identity are solved apart, so one undetermined row cannot swamp the others.
 */
final class LostCellSolver {

    /** Beyond this many combinations of placements the table is not determined well enough to try. */
    private static final int MAX_COMBINATIONS = 20_000;

    /** How a row is defective. */
    enum Defect {
        /** Fewer values than slots, their positions not printed. */
        LOST,
        /** Its values are digit strings glued together, to be split. */
        GLUED,
        /** Every value in its place, some of them not read surely (OCR): those are unknowns. */
        UNREAD
    }

    /** A row that did not print a value for every slot; for {@link Defect#UNREAD}, {@code read} holds one token per slot. */
    record DefectiveRow(List<CellCode> slots, List<ValueToken> read, String source, Defect defect) {

        boolean glued() {
            return defect == Defect.GLUED;
        }
    }

    /** What the solver decided for one row, and the values of each reconstruction that stayed consistent. */
    record Outcome(DefectiveRow row, int resolvedCells, boolean unique, List<List<String>> candidates) {
    }

    /** Longest split part: no count in a report has more digits (see ValueBound). */
    private static final int MAX_PART_DIGITS = 12;
    /** Splits of one row kept at most: beyond it the row is not determined anyway. */
    private static final int MAX_SPLITS = 2_000;
    /** Steps of splitting one report may take: a digit string this long is left to the reader's eyes. */
    private static final int MAX_SPLIT_STEPS = 2_000_000;

    private int splitSteps;

    private final Figures figures;
    private final List<Identity> identities;

    LostCellSolver(Figures figures, List<Identity> identities) {
        this.figures = figures;
        this.identities = identities;
    }

    /** Fills what the identities determine into the figures and says, per row, how far it got. */
    List<Outcome> solve(List<DefectiveRow> rows) {
        Map<DefectiveRow, Outcome> outcomes = new HashMap<>();
        for (List<DefectiveRow> component : components(rows)) {
            List<List<Map<CellCode, BigDecimal>>> options = new ArrayList<>();
            long combinations = 1;
            for (DefectiveRow row : component) {
                List<Map<CellCode, BigDecimal>> placements = placements(row);
                options.add(placements);
                combinations = Math.min(Long.MAX_VALUE / 4, combinations * Math.max(1, placements.size()));
            }
            Set<CellCode> lost = new HashSet<>();
            component.forEach(r -> lost.addAll(r.slots()));
            List<Identity> touching = identities.stream().filter(i -> i.cells().stream().anyMatch(lost::contains)).toList();
            List<Map<CellCode, BigDecimal>> consistent = new ArrayList<>();
            if (combinations <= MAX_COMBINATIONS) {
                enumerate(options, touching, 0, new LinkedHashMap<>(), consistent);
            }
            for (int r = 0; r < component.size(); r++) {
                DefectiveRow row = component.get(r);
                outcomes.put(row, apply(row, consistent, consistent.isEmpty() ? options.get(r) : consistent));
            }
        }
        return rows.stream().map(outcomes::get).toList();
    }

    /** Rows linked by an identity that touches both, directly or through others: they must be solved together. */
    private List<List<DefectiveRow>> components(List<DefectiveRow> rows) {
        List<List<DefectiveRow>> components = new ArrayList<>();
        List<DefectiveRow> left = new ArrayList<>(rows);
        while (!left.isEmpty()) {
            List<DefectiveRow> component = new ArrayList<>(List.of(left.remove(0)));
            Set<CellCode> cells = new HashSet<>(component.get(0).slots());
            boolean grew = true;
            while (grew) {
                grew = false;
                Set<CellCode> linked = new HashSet<>(cells);
                identities.stream().filter(i -> i.cells().stream().anyMatch(cells::contains)).forEach(i -> linked.addAll(i.cells()));
                for (Iterator<DefectiveRow> it = left.iterator(); it.hasNext(); ) {
                    DefectiveRow row = it.next();
                    if (row.slots().stream().anyMatch(linked::contains)) {
                        component.add(row);
                        cells.addAll(row.slots());
                        it.remove();
                        grew = true;
                    }
                }
            }
            components.add(component);
        }
        return components;
    }

    /** How many digits a row's values print: what a glued row has to split. */
    static int digits(List<ValueToken> values) {
        return values.stream().mapToInt(v -> printedDigits(v).length()).sum();
    }

    /** A value as printed, digits and decimal point only (a unit or a sign dropped). */
    private static String printedDigits(ValueToken v) {
        return v.raw() == null ? "" : v.raw().replaceAll("[^0-9.]", "");
    }

    /** Each way to place the read values in order into the slots, with nulls where cells were lost. */
    private List<Map<CellCode, BigDecimal>> placements(DefectiveRow row) {
        List<Map<CellCode, BigDecimal>> result = new ArrayList<>();
        Set<Map<CellCode, BigDecimal>> seen = new HashSet<>();
        int n = row.slots().size();
        int k = row.read().size();
        Set<CellCode> slots = Set.copyOf(row.slots());
        List<Identity> local = identities.stream().filter(i -> slots.containsAll(i.cells())).toList();
        if (row.defect() == Defect.UNREAD) {
            Map<CellCode, BigDecimal> placement = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                placement.put(row.slots().get(i), row.read().get(i).value());
            }
            Map<CellCode, BigDecimal> solved = solveLocally(placement, local);
            return solved == null ? List.of() : List.of(solved);
        }
        if (row.glued()) {
            List<String> tokens = row.read().stream().map(LostCellSolver::printedDigits).filter(t -> !t.isEmpty()).toList();
            split(row, local, tokens, 0, 0, new ArrayList<>(), result, seen);
            return result;
        }
        placeFrom(row, local, 0, 0, new BigDecimal[n], n, k, result, seen);
        return result;
    }

    /**
     * Each way to cut the printed digit strings into as many numbers as the row has slots: a
     * space printed is a cut, no number but 0 starts with 0, a decimal point stays inside its
     * number; the identities within the row rule out the rest.
     */
    private void split(DefectiveRow row, List<Identity> local, List<String> tokens, int token, int at, List<BigDecimal> parts,
                       List<Map<CellCode, BigDecimal>> result, Set<Map<CellCode, BigDecimal>> seen) {
        int slots = row.slots().size();
        if (result.size() >= MAX_SPLITS) {
            return;
        }
        if (token == tokens.size()) {
            if (parts.size() == slots) {
                Map<CellCode, BigDecimal> placement = new LinkedHashMap<>();
                for (int i = 0; i < slots; i++) {
                    placement.put(row.slots().get(i), parts.get(i));
                }
                Map<CellCode, BigDecimal> solved = solveLocally(placement, local);
                if (solved != null && seen.add(solved)) {
                    result.add(solved);
                }
            }
            return;
        }
        String digits = tokens.get(token);
        int digitsLeft = digits.length() - at;
        for (int t = token + 1; t < tokens.size(); t++) {
            digitsLeft += tokens.get(t).length();
        }
        int slotsLeft = slots - parts.size();
        // every number takes a digit at least, and none more than a count can have
        if (slotsLeft < tokens.size() - token || digitsLeft < slotsLeft || digitsLeft > slotsLeft * (MAX_PART_DIGITS + 1)
                || ++splitSteps > MAX_SPLIT_STEPS) {
            return;
        }
        for (int end = at + 1; end <= Math.min(digits.length(), at + MAX_PART_DIGITS + 1); end++) {
            String part = digits.substring(at, end);
            boolean last = end == digits.length();
            if (part.startsWith(".") || part.endsWith(".") && !last || part.length() > 1 && part.startsWith("0") && !part.startsWith("0.")
                    || part.chars().filter(c -> c == '.').count() > 1 || (!last && digits.charAt(end) == '.')) {
                continue;
            }
            if (part.endsWith(".")) {
                continue;
            }
            parts.add(new BigDecimal(part));
            if (last) {
                split(row, local, tokens, token + 1, 0, parts, result, seen);
            } else {
                split(row, local, tokens, token, end, parts, result, seen);
            }
            parts.remove(parts.size() - 1);
        }
    }

    private void placeFrom(DefectiveRow row, List<Identity> local, int slot, int readIndex, BigDecimal[] current, int n, int k,
                           List<Map<CellCode, BigDecimal>> result, Set<Map<CellCode, BigDecimal>> seen) {
        if (slot == n) {
            if (readIndex == k) {
                Map<CellCode, BigDecimal> placement = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    placement.put(row.slots().get(i), current[i]);
                }
                Map<CellCode, BigDecimal> solved = solveLocally(placement, local);
                if (solved != null && seen.add(solved)) {
                    result.add(solved);
                }
            }
            return;
        }
        if (readIndex < k && n - slot > k - readIndex - 1) {
            current[slot] = row.read().get(readIndex).value();
            placeFrom(row, local, slot + 1, readIndex + 1, current, n, k, result, seen);
        }
        if (n - slot > k - readIndex) {
            current[slot] = null;
            placeFrom(row, local, slot + 1, readIndex, current, n, k, result, seen);
        }
    }

    /**
     * Applies the identities that lie wholly within the row (R2, R4) so equal reconstructions
     * collapse into one; null when the placement breaks them.
     */
    private Map<CellCode, BigDecimal> solveLocally(Map<CellCode, BigDecimal> placement, List<Identity> local) {
        Map<CellCode, BigDecimal> values = new HashMap<>(placement);
        if (!propagate(values, local, placement.keySet())) {
            return null;
        }
        Map<CellCode, BigDecimal> ordered = new LinkedHashMap<>();
        placement.keySet().forEach(c -> ordered.put(c, values.get(c)));
        return ordered;
    }

    private void enumerate(List<List<Map<CellCode, BigDecimal>>> options, List<Identity> touching, int index, Map<CellCode, BigDecimal> chosen,
                           List<Map<CellCode, BigDecimal>> consistent) {
        if (index == options.size()) {
            Map<CellCode, BigDecimal> values = new HashMap<>(chosen);
            // A combination the identities leave underdetermined keeps nulls, so no cell of it counts as agreed.
            if (propagate(values, touching, chosen.keySet())) {
                Map<CellCode, BigDecimal> solution = new LinkedHashMap<>();
                chosen.keySet().forEach(c -> solution.put(c, values.get(c)));
                consistent.add(solution);
            }
            return;
        }
        for (Map<CellCode, BigDecimal> option : options.get(index)) {
            Map<CellCode, BigDecimal> next = new LinkedHashMap<>(chosen);
            next.putAll(option);
            enumerate(options, touching, index + 1, next, consistent);
        }
    }

    /**
     * Fills unknown cells (those of {@code unknowns} without a value) from identities with a
     * single unknown, then verifies every identity that touches them. False when one breaks,
     * or a filled value is negative or fractional.
     */
    private boolean propagate(Map<CellCode, BigDecimal> values, List<Identity> candidates, Set<CellCode> unknowns) {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Identity identity : candidates) {
                List<CellCode> open = new ArrayList<>();
                for (CellCode c : identity.cells()) {
                    if (valueOf(values, unknowns, c) == null) {
                        open.add(c);
                    }
                }
                if (open.size() != 1 || !unknowns.contains(open.get(0)) || !touchesFixedCellsOnly(identity, values, unknowns)) {
                    continue;
                }
                CellCode target = open.get(0);
                BigDecimal solved = solveFor(identity, target, values, unknowns);
                if (solved.signum() < 0 || solved.stripTrailingZeros().scale() > 0) {
                    return false;
                }
                values.put(target, solved);
                progress = true;
            }
        }
        for (Identity identity : candidates) {
            if (!identity.cells().stream().anyMatch(unknowns::contains)) {
                continue;
            }
            BigDecimal left = sum(identity.lhs(), values, unknowns);
            BigDecimal right = sum(identity.rhs(), values, unknowns);
            if (left != null && right != null && left.compareTo(right) != 0) {
                return false;
            }
        }
        return true;
    }

    /** An identity is usable only when its cells outside the unknowns have values (a printed blank stays blank). */
    private boolean touchesFixedCellsOnly(Identity identity, Map<CellCode, BigDecimal> values, Set<CellCode> unknowns) {
        for (CellCode c : identity.cells()) {
            if (!unknowns.contains(c) && valueOf(values, unknowns, c) == null) {
                return false;
            }
        }
        return true;
    }

    private BigDecimal solveFor(Identity identity, CellCode target, Map<CellCode, BigDecimal> values, Set<CellCode> unknowns) {
        BigDecimal left = BigDecimal.ZERO;
        BigDecimal right = BigDecimal.ZERO;
        boolean targetOnLeft = false;
        for (Term t : identity.lhs()) {
            if (t.cell().equals(target)) {
                targetOnLeft = true;
            } else {
                left = left.add(valueOf(values, unknowns, t.cell()));
            }
        }
        for (Term t : identity.rhs()) {
            if (!t.cell().equals(target)) {
                right = right.add(valueOf(values, unknowns, t.cell()));
            }
        }
        return targetOnLeft ? right.subtract(left) : left.subtract(right);
    }

    private BigDecimal sum(List<Term> terms, Map<CellCode, BigDecimal> values, Set<CellCode> unknowns) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Term t : terms) {
            BigDecimal v = valueOf(values, unknowns, t.cell());
            if (v == null) {
                return null;
            }
            sum = sum.add(v);
        }
        return sum;
    }

    private BigDecimal valueOf(Map<CellCode, BigDecimal> values, Set<CellCode> unknowns, CellCode c) {
        return unknowns.contains(c) ? values.get(c) : figures.cell(c).value();
    }

    /** Writes the cells every consistent reconstruction agrees on; the rest of the row stays null. */
    private Outcome apply(DefectiveRow row, List<Map<CellCode, BigDecimal>> consistent, List<Map<CellCode, BigDecimal>> shown) {
        int resolved = 0;
        Map<CellCode, BigDecimal> first = consistent.isEmpty() ? null : consistent.get(0);
        int readIndex = 0;
        for (int slotIndex = 0; slotIndex < row.slots().size(); slotIndex++) {
            CellCode slot = row.slots().get(slotIndex);
            BigDecimal agreed = first == null ? null : first.get(slot);
            for (Map<CellCode, BigDecimal> solution : consistent) {
                if (agreed != null && (solution.get(slot) == null || solution.get(slot).compareTo(agreed) != 0)) {
                    agreed = null;
                }
            }
            if (row.defect() == Defect.UNREAD) {
                ValueToken token = row.read().get(slotIndex);
                figures.put(token.value() != null ? new Cell(slot, token.value(), token.kind(), token.raw(), row.source())
                        : new Cell(slot, agreed, agreed == null ? CellKind.BLANK : CellKind.INFERRED, agreed == null ? ValueToken.UNREAD : null,
                                row.source()));
                resolved += agreed != null || token.value() != null ? 1 : 0;
                continue;
            }
            ValueToken printed = readIndex < row.read().size() ? row.read().get(readIndex) : null;
            boolean printedHere = printed != null && agreed != null && printed.value().compareTo(agreed) == 0
                    && row.slots().size() - slotIndex >= row.read().size() - readIndex;
            if (agreed == null) {
                figures.put(new Cell(slot, null, CellKind.BLANK, null, row.source()));
            } else if (printedHere && !row.glued()) {
                figures.put(new Cell(slot, agreed, printed.kind(), printed.raw(), row.source()));
                readIndex++;
                resolved++;
            } else {
                figures.put(new Cell(slot, agreed, CellKind.INFERRED, null, row.source()));
                resolved++;
            }
        }
        List<List<String>> candidates = new ArrayList<>(new LinkedHashSet<>(shown.stream()
                .map(solution -> row.slots().stream().map(c -> solution.get(c) == null ? "?" : solution.get(c).stripTrailingZeros()
                        .toPlainString()).toList()).toList()));
        return new Outcome(row, resolved, resolved == row.slots().size(), candidates);
    }
}
