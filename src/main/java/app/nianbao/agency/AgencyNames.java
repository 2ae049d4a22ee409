package app.nianbao.agency;

import java.util.regex.Pattern;

/**
 * Folds the ways reports write one agency's name into one key: spaces, full-width brackets,
 * and the short forms agencies use for themselves (管委会 for 管理委员会).
 */
public final class AgencyNames {

    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");

    private AgencyNames() {
    }

    public static String normalize(String name) {
        String n = SPACE.matcher(name).replaceAll("")
                .replace('（', '(').replace('）', ')')
                .replace("管委会", "管理委员会");
        return n.replaceAll("^[\\p{Punct}]+|[\\p{Punct}&&[^)]]+$", "");
    }

    /** The name as shown: trimmed, inner spaces dropped (they are line-break noise in Chinese titles). */
    public static String display(String name) {
        return SPACE.matcher(name.strip()).replaceAll("");
    }
}
