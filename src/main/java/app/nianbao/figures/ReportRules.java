package app.nianbao.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Codebook;
import app.nianbao.figures.Identity.Term;

/**
 * The rules one report can be checked against on its own: the identities R1–R4, values (R7)
 * and completeness (R8). A rule that cannot be evaluated says so as its own finding.
 */
public final class ReportRules {

    /** Cells that hold money or a signed change: R7 lets them be fractional or negative. */
    private static final Set<String> NON_COUNT_COLUMNS = Set.of("amount_10k_yuan", "amount", "change");

    private ReportRules() {
    }

    public static List<Finding> check(Figures figures) {
        List<Finding> findings = new ArrayList<>();
        for (Identity identity : Identities.of(figures.template())) {
            findings.add(evaluate(identity, figures));
        }
        findings.removeIf(f -> f == null);
        for (Cell cell : figures.cells()) {
            checkValue(cell).ifPresent(findings::add);
        }
        findings.addAll(blanks(figures));
        return findings;
    }

    /** The identity's finding, or null when it holds. */
    static Finding evaluate(Identity identity, Figures figures) {
        Optional<BigDecimal[]> sums = identity.sums(figures);
        if (sums.isEmpty()) {
            return notEvaluable(identity, figures);
        }
        BigDecimal expected = sums.get()[0];
        BigDecimal actual = sums.get()[1];
        if (expected.compareTo(actual) == 0) {
            return null;
        }
        String message = "%s：%s，但%s，相差 %s".formatted(identity.scope(),
                side(identity.lhs(), figures, expected), side(identity.rhs(), figures, actual),
                plain(expected.subtract(actual).abs()));
        CellCode anchor = identity.anchor();
        return new Finding(identity.rule(), Severity.ERROR, anchor.table(), rowOf(identity), colOf(identity),
                expected, actual, message);
    }

    private static Finding notEvaluable(Identity identity, Figures figures) {
        List<String> missing = new ArrayList<>();
        for (Term term : identity.lhs()) {
            if (!figures.cell(term.cell()).hasValue()) {
                missing.add(term.name());
            }
        }
        for (Term term : identity.rhs()) {
            if (!figures.cell(term.cell()).hasValue()) {
                missing.add(term.name());
            }
        }
        CellCode anchor = identity.anchor();
        return new Finding(identity.rule(), Severity.INFO, anchor.table(), rowOf(identity), colOf(identity), null, null,
                "%s：无法核对，缺少 %s".formatted(identity.scope(), String.join("、", missing)));
    }

    /** R1 and R3 concern a column, R2 a row, R4 a group (a row of table 4). */
    private static String rowOf(Identity identity) {
        return identity.rule().equals(Rule.R1.id()) ? null : identity.anchor().row();
    }

    private static String colOf(Identity identity) {
        return identity.rule().equals(Rule.R2.id()) || identity.rule().equals(Rule.R4.id()) ? null : identity.anchor().col();
    }

    private static String side(List<Term> terms, Figures figures, BigDecimal sum) {
        if (terms.size() == 1) {
            return "%s %s".formatted(terms.get(0).name(), plain(sum));
        }
        if (terms.size() > 6) {
            long nonZero = terms.stream().filter(t -> figures.cell(t.cell()).value().signum() != 0).count();
            return "各办理结果之和 = %s（%d 项非零）".formatted(plain(sum), nonZero);
        }
        return terms.stream().map(t -> t.name() + " " + plain(figures.cell(t.cell()).value()))
                .collect(Collectors.joining(" + ")) + " = " + plain(sum);
    }

    private static Optional<Finding> checkValue(Cell cell) {
        if (cell.kind() == CellKind.TEXT && ValueBound.beyond(cell.raw())) {
            CellCode c = cell.code();
            return Optional.of(new Finding(Rule.R7.id(), Severity.ERROR, c.table(), c.row(), c.col(), null, null,
                    "%s：数值 %s 超出合理范围（≥ 10¹²），按文字保留，不计入合计 / the value %s is beyond any real count (≥ 10¹²): kept as text, left out of sums"
                            .formatted(cellName(c), cell.raw(), cell.raw())));
        }
        BigDecimal v = cell.value();
        if (v == null || NON_COUNT_COLUMNS.contains(cell.code().col())) {
            return Optional.empty();
        }
        boolean negative = v.signum() < 0;
        boolean fractional = v.stripTrailingZeros().scale() > 0;
        if (!negative && !fractional) {
            return Optional.empty();
        }
        CellCode c = cell.code();
        return Optional.of(new Finding(Rule.R7.id(), Severity.ERROR, c.table(), c.row(), c.col(), null, v,
                "%s：件数应为非负整数，报告为 %s".formatted(cellName(c), plain(v))));
    }

    private static List<Finding> blanks(Figures figures) {
        List<Finding> findings = new ArrayList<>();
        for (Cell cell : figures.cells()) {
            if (cell.kind() == CellKind.BLANK || cell.kind() == CellKind.TEXT) {
                CellCode c = cell.code();
                String how = cell.kind() == CellKind.TEXT ? "填写为「%s」而非数字".formatted(cell.raw())
                        : cell.source() == null ? "未找到" : "空白";
                findings.add(new Finding(Rule.R8.id(), Severity.WARNING, c.table(), c.row(), c.col(), impliedValue(figures, c), null,
                        "%s：%s（空白不等于 0，属于填报缺陷）".formatted(cellName(c), how)));
            }
        }
        return findings;
    }

    /** The value an identity implies for a cell the report leaves empty, when every other cell is there. */
    static BigDecimal impliedValue(Figures figures, CellCode blank) {
        for (Identity identity : Identities.of(figures.template())) {
            if (!identity.cells().contains(blank)) {
                continue;
            }
            BigDecimal left = BigDecimal.ZERO;
            BigDecimal right = BigDecimal.ZERO;
            boolean complete = true;
            boolean onLeft = false;
            for (Term t : identity.lhs()) {
                if (t.cell().equals(blank)) {
                    onLeft = true;
                } else if (figures.cell(t.cell()).hasValue()) {
                    left = left.add(figures.cell(t.cell()).value());
                } else {
                    complete = false;
                }
            }
            for (Term t : identity.rhs()) {
                if (!t.cell().equals(blank)) {
                    if (figures.cell(t.cell()).hasValue()) {
                        right = right.add(figures.cell(t.cell()).value());
                    } else {
                        complete = false;
                    }
                }
            }
            if (complete) {
                return onLeft ? right.subtract(left) : left.subtract(right);
            }
        }
        return null;
    }

    /** "表三「予以公开」行「自然人」列" — how an auditor names a cell. */
    public static String cellName(CellCode c) {
        Codebook book = Codebook.get();
        return switch (c.table()) {
            case "t2" -> "表二「%s」".formatted(book.label("t2." + c.row() + "." + c.col()).zh());
            case "t3" -> "表三「%s」行「%s」列".formatted(book.rowLabel("t3", c.row()).zh(), Identities.columnName(c.col()));
            default -> "表四「%s」「%s」".formatted(Identities.groupName(c.row()), book.colLabel("t4", c.col()).zh());
        };
    }

    public static String plain(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }
}
