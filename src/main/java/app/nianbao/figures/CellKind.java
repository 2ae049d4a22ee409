package app.nianbao.figures;

/** How a cell's value came to be: read as printed, or not quite. */
public enum CellKind {
    /** A plain number read as printed. */
    NUMBER,
    /** Printed empty, or lost in extraction without a unique reconstruction: the value is null. */
    BLANK,
    /** Lost in extraction and reconstructed from the table's identities. */
    INFERRED,
    /** Read through a fixed character (Cyrillic О for 0, full-width digits). */
    REPAIRED,
    /** Printed as text such as "/", "—" or "不适用": the value is null. */
    TEXT;

    public String code() {
        return name().toLowerCase();
    }

    public static CellKind ofCode(String code) {
        return valueOf(code.toUpperCase());
    }
}
