package app.nianbao.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Splits extracted text into lines and removes what is not report content. */
final class Lines {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");
    /** Page footers inside tables: "- 4 -", "— 4 —", "第 4 页", "4/6". */
    private static final Pattern PAGE_FOOTER = Pattern.compile(
            "^[-—–－\\s]*\\d{1,3}[-—–－\\s]*$|^第\\s*\\d+\\s*页(\\s*[，,/共]\\s*共?\\s*\\d+\\s*页)?$|^\\d{1,3}\\s*/\\s*\\d{1,3}$");

    private Lines() {
    }

    static String compact(String s) {
        return WHITESPACE.matcher(s).replaceAll("");
    }

    static List<Line> ofText(String text) {
        List<String> raw = SourceText.lines(text);
        List<Line> lines = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i).strip();
            if (s.isEmpty() || PAGE_FOOTER.matcher(s).matches()) {
                continue;
            }
            List<String> cells = Arrays.stream(WHITESPACE.split(s)).filter(c -> !c.isEmpty()).toList();
            lines.add(new Line(s, cells, "line " + (i + 1), false));
        }
        return lines;
    }
}
