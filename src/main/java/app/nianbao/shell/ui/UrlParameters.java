package app.nianbao.shell.ui;

import java.util.List;
import java.util.Map;

/** Reading a view's state from its link, where anything may be missing or mistyped. */
public final class UrlParameters {

    private UrlParameters() {
    }

    /** The first value of a parameter, or the fallback when it is absent or empty. */
    public static String text(Map<String, List<String>> params, String name, String fallback) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? fallback : values.get(0);
    }

    /** A whole-number parameter, or the fallback when it is absent or not a number. */
    public static int integer(Map<String, List<String>> params, String name, int fallback) {
        try {
            return Integer.parseInt(text(params, name, ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
