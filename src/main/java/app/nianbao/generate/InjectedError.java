package app.nianbao.generate;

import java.math.BigDecimal;

/** A defect put into a generated report on purpose, so the checks can be measured for recall. */
public record InjectedError(String agency, int year, Kind kind, String cell, BigDecimal original, BigDecimal injected) {

    public enum Kind {
        /** a number changed, as by a typing slip: breaks R2 and R1 or R3 */
        CHANGED_CELL,
        /** a cell left empty: R8 */
        BLANK,
        /** carried over does not continue last year's carried forward: R5 (and R1, R2) */
        CARRY_OVER_BREAK
    }

    public String csv() {
        return String.join(",", agency, String.valueOf(year), kind.name(), cell, plain(original), plain(injected));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
