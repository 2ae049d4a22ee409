package app.nianbao.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown as PDF and OCR converters write it, as the lines the table reader takes: a pipe-table
 * row is its cells, an HTML table inside the text is read as a web page's, headings and prose are
 * text lines. Separator rows are dropped wherever they fall (converters repeat them mid-table);
 * rows keep the cells they have, one too many or too few, and the table reader places them by
 * their labels as it does for every form.
 */
final class MarkdownLines {

    private static final Pattern SEPARATOR = Pattern.compile("\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?");
    private static final Pattern HTML_TABLE = Pattern.compile("(?is)<table\\b.*?</table\\s*>");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s*");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*])");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");

    private MarkdownLines() {
    }

    /** Whether a text holds pipe tables: a separator row under a row of cells, at least once. */
    static boolean hasPipeTables(String text) {
        String previous = "";
        for (String line : SourceText.lines(text)) {
            String s = line.strip();
            if (SEPARATOR.matcher(s).matches() && s.contains("|") && previous.startsWith("|")) {
                return true;
            }
            previous = s;
        }
        return false;
    }

    static List<Line> read(String text) {
        List<String> raw = SourceText.lines(text);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i).strip();
            if (s.regionMatches(true, 0, "<table", 0, 6)) {
                i = htmlTable(raw, i, lines);
                continue;
            }
            if (s.isEmpty() || SEPARATOR.matcher(s).matches()) {
                continue;
            }
            String source = "line " + (i + 1);
            if (s.startsWith("|")) {
                List<String> cells = cells(s);
                if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                    lines.add(new Line(String.join("\t", cells), cells, source, true));
                }
                continue;
            }
            String plain = SPACES.matcher(EMPHASIS.matcher(HEADING.matcher(s).replaceFirst("")).replaceAll("")).replaceAll(" ").strip();
            if (!plain.isEmpty()) {
                lines.add(new Line(plain, List.of(plain.split(" ")), source, false));
            }
        }
        return lines;
    }

    /** The cells of a pipe row: split at unescaped pipes, the outer pipes dropped, whitespace and emphasis gone. */
    private static List<String> cells(String row) {
        String inner = row.substring(1);
        if (inner.endsWith("|") && !inner.endsWith("\\|")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(Lines.compact(EMPHASIS.matcher(cell.replace("\\|", "|")).replaceAll("")));
        }
        return cells;
    }

    /** An HTML table that starts at line i, read as on a web page; the index of its last line. */
    private static int htmlTable(List<String> raw, int start, List<Line> lines) {
        StringBuilder html = new StringBuilder();
        int end = start;
        for (; end < raw.size(); end++) {
            html.append(raw.get(end)).append('\n');
            Matcher closed = HTML_TABLE.matcher(html);
            if (closed.find()) {
                break;
            }
        }
        for (Line line : HtmlLines.read(html.toString()).lines()) {
            lines.add(new Line(line.text(), line.cells(), "line " + (start + 1), line.tableRow()));
        }
        return Math.min(end, raw.size() - 1);
    }
}
