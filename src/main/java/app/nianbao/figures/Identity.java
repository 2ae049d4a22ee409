package app.nianbao.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import app.nianbao.catalog.CellCode;

/**
 * An arithmetic identity of the template: the cells of {@code lhs} sum to the cells of
 * {@code rhs}. The rules R1–R4 check them and the reader solves them for cells lost in extraction.
 *
 * @param scope   where it applies, as an auditor says it ("第一列（自然人）")
 * @param anchor  the cell a finding points at (the total the rule checks)
 */
public record Identity(String rule, String scope, CellCode anchor, List<Term> lhs, List<Term> rhs, List<CellCode> cells) {

    /** The cells of both sides, computed once: the lost-cell solver asks for them in its inner loops. */
    public Identity(String rule, String scope, CellCode anchor, List<Term> lhs, List<Term> rhs) {
        this(rule, scope, anchor, lhs, rhs, both(lhs, rhs));
    }

    /** A cell with the short name a message gives it. */
    public record Term(CellCode cell, String name) {
    }

    private static List<CellCode> both(List<Term> lhs, List<Term> rhs) {
        List<CellCode> cells = new ArrayList<>();
        lhs.forEach(t -> cells.add(t.cell()));
        rhs.forEach(t -> cells.add(t.cell()));
        return List.copyOf(cells);
    }

    /** Both sides' sums, or empty when a cell has no value. */
    public Optional<BigDecimal[]> sums(Figures figures) {
        BigDecimal left = sum(figures, lhs);
        BigDecimal right = sum(figures, rhs);
        return left == null || right == null ? Optional.empty() : Optional.of(new BigDecimal[]{left, right});
    }

    private static BigDecimal sum(Figures figures, List<Term> terms) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Term term : terms) {
            BigDecimal v = figures.cell(term.cell()).value();
            if (v == null) {
                return null;
            }
            sum = sum.add(v);
        }
        return sum;
    }
}
