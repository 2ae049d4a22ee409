package app.nianbao.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A report's source text split the way the reader numbers lines ("line 52" is the 52nd of these). */
public final class SourceText {

    private static final Pattern LINE_REF = Pattern.compile("^line (\\d+)$");

    private SourceText() {
    }

    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\f') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }

    /** The 1-based line a cell's source names, or 0 when it names none. */
    public static int lineNumber(String source) {
        if (source == null) {
            return 0;
        }
        var m = LINE_REF.matcher(source);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }
}
