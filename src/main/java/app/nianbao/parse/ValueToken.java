package app.nianbao.parse;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import app.nianbao.figures.CellKind;

/**
 * A piece of text read as a table value: a number (perhaps through a repaired character),
 * an empty cell, or a text placeholder such as "/" or "不适用".
 */
record ValueToken(String raw, BigDecimal value, CellKind kind) {

    private static final Pattern NUMBER = Pattern.compile("[-−+]?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern UNIT = Pattern.compile("(万元|元|件|个|项|条|次|人次|%)$");
    private static final Set<String> PLACEHOLDERS = Set.of("/", "／", "\\", "-", "--", "—", "——", "–", "－", "无",
            "不适用", "空", "—/—", "-/-", "×", "*");

    /** What OCR writes for a number it could not read surely: a value in its place, not known. */
    static final String UNREAD = "?";

    /** Reads a token; empty when it is not a value (a label, a heading). */
    static Optional<ValueToken> read(String raw) {
        String s = raw.replace('\u00A0', ' ').strip();
        if (s.equals(UNREAD)) {
            return Optional.of(new ValueToken(UNREAD, null, CellKind.BLANK));
        }
        if (s.isEmpty()) {
            return Optional.of(new ValueToken(raw, null, CellKind.BLANK));
        }
        if (isPlainDigits(s)) {
            return Optional.of(new ValueToken(s, new BigDecimal(s), CellKind.NUMBER));
        }
        if (s.charAt(0) != '〇' && Character.UnicodeScript.of(s.charAt(0)) == Character.UnicodeScript.HAN && !PLACEHOLDERS.contains(s)) {
            return Optional.empty();
        }
        if (PLACEHOLDERS.contains(s)) {
            return Optional.of(new ValueToken(s, null, CellKind.TEXT));
        }
        StringBuilder fixed = new StringBuilder(s.length());
        boolean repaired = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char f = repair(c);
            repaired |= f != c;
            fixed.append(f);
        }
        String n = UNIT.matcher(fixed.toString().replace(" ", "")).replaceFirst("");
        if (GROUPED.matcher(n).matches()) {
            n = n.replace(",", "");
        }
        if (!NUMBER.matcher(n).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(n.replace('−', '-'));
        return Optional.of(new ValueToken(s, value, repaired ? CellKind.REPAIRED : CellKind.NUMBER));
    }

    /** The common case, read without regular expressions: most cells are short runs of ASCII digits. */
    private static boolean isPlainDigits(String s) {
        if (s.length() > 15) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Characters OCR and typing put where digits belong: Cyrillic and Latin O for 0, full-width forms. */
    private static char repair(char c) {
        if (c >= '０' && c <= '９') {
            return (char) ('0' + (c - '０'));
        }
        return switch (c) {
            case 'О', 'о', 'O', 'o', '〇' -> '0';
            case '．' -> '.';
            case '，' -> ',';
            case '－' -> '-';
            default -> c;
        };
    }

    /** A number OCR saw but could not read surely. */
    boolean isUnread() {
        return value == null && UNREAD.equals(raw);
    }

    boolean isNumber() {
        return value != null;
    }
}
