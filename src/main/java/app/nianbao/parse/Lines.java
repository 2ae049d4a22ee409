package app.nianbao.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits extracted text into lines and removes what is not report content. */
final class Lines {

    /** Page footers inside tables: "- 4 -", "— 4 —", "第 4 页", "4/6". */
    private static final Pattern PAGE_FOOTER = Pattern.compile(
            "^[-—–－\\s]*\\d{1,3}[-—–－\\s]*$|^第\\s*\\d+\\s*页(\\s*[，,/共]\\s*共?\\s*\\d+\\s*页)?$|^\\d{1,3}\\s*/\\s*\\d{1,3}$");

    private Lines() {
    }

    /** Drops all whitespace; written out because it runs on every line of every report. */
    static String compact(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length());
                    out.append(s, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000';
    }

    private static List<String> split(String s) {
        List<String> cells = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean space = i == s.length() || isSpace(s.charAt(i));
            if (space && start >= 0) {
                cells.add(s.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return cells;
    }

    static List<Line> ofText(String text) {
        List<String> raw = SourceText.lines(text);
        List<Line> lines = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i).strip();
            if (s.isEmpty() || (s.length() <= 16 && PAGE_FOOTER.matcher(s).matches())) {
                continue;
            }
            List<String> cells = split(s);
            lines.add(new Line(s, cells, "line " + (i + 1), false));
        }
        return lines;
    }
}
