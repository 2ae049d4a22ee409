package app.nianbao.agency;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Folds the ways reports write one agency's name into one key: spaces, full-width brackets,
 * and the short forms agencies use for themselves (管委会 for 管理委员会).
 */
public final class AgencyNames {

    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");
    /**
     * Characters that print nothing or reorder what follows: zero-width spaces and joiners, the
     * byte-order mark, bidirectional controls, and control characters (terminal escapes among
     * them). In a title they only make a name look like another; they are removed before a name
     * is matched or stored.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF\\p{Cc}&&[^\\s]]");

    /** A terminal escape sequence (ESC [ … final byte, or ESC and one byte): its parameters are not part of a name. */
    private static final Pattern ESCAPE = Pattern.compile("\\u001B\\[[0-?]*[ -/]*[@-~]|\\u001B[@-_]");

    private AgencyNames() {
    }

    private static String visible(String name) {
        return INVISIBLE.matcher(ESCAPE.matcher(name).replaceAll("")).replaceAll("");
    }

    /** The name with invisible and control characters removed and compatibility forms (full-width letters) folded by NFKC. */
    public static String clean(String name) {
        return Normalizer.normalize(visible(name), Normalizer.Form.NFKC);
    }

    public static String normalize(String name) {
        String n = SPACE.matcher(clean(name)).replaceAll("")
                .replace('（', '(').replace('）', ')')
                .replace("管委会", "管理委员会");
        return n.replaceAll("^[\\p{Punct}]+|[\\p{Punct}&&[^)]]+$", "");
    }

    /** The name as shown: trimmed, inner spaces dropped (they are line-break noise in Chinese titles). */
    public static String display(String name) {
        return SPACE.matcher(visible(name).strip()).replaceAll("");
    }
}
