package app.nianbao.figures;

import java.math.BigDecimal;

/**
 * No figure of an annual report reaches a trillion (the largest real counts are millions); a
 * value that does is a misprint or glued digits. The reader keeps it as text, the checks flag it
 * (R7), and no sum it would overflow ever sees it.
 */
public final class ValueBound {

    public static final BigDecimal BOUND = BigDecimal.TEN.pow(12);

    private ValueBound() {
    }

    public static boolean exceeds(BigDecimal value) {
        return value.abs().compareTo(BOUND) >= 0;
    }

    /** Whether text kept in a cell is a number at or beyond the bound, as the reader leaves such a value. */
    public static boolean beyond(String raw) {
        if (raw == null) {
            return false;
        }
        String digits = raw.replaceAll("[,\\s]", "").replaceFirst("^[-−+]", "").replaceFirst("\\..*$", "");
        return digits.length() > 12 && digits.chars().allMatch(Character::isDigit);
    }
}
