package app.nianbao.figures;

import java.math.BigDecimal;

import app.nianbao.catalog.CellCode;

/**
 * One figure of a report: its value (null when the report gives none), how it was read,
 * the text it was read from and where that text stands in the source.
 */
public record Cell(CellCode code, BigDecimal value, CellKind kind, String raw, String source) {

    public static Cell number(CellCode code, BigDecimal value, String raw, String source) {
        return new Cell(code, value, CellKind.NUMBER, raw, source);
    }

    public static Cell missing(CellCode code, String source) {
        return new Cell(code, null, CellKind.BLANK, null, source);
    }

    public boolean hasValue() {
        return value != null;
    }

    /** A cell that is not a plain number read as printed: what `parse` lists under "cells". */
    public boolean isNoteworthy() {
        return kind != CellKind.NUMBER;
    }
}
