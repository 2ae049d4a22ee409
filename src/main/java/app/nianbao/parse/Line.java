package app.nianbao.parse;

import java.util.List;

/**
 * One line of a report as the reader sees it: the cells of a table row (HTML), or the
 * whitespace-separated pieces of a text line. {@code tableRow} says empty cells are real
 * (printed blank), which a text line cannot show.
 */
record Line(String text, List<String> cells, String source, boolean tableRow) {

    /** The line without any whitespace: titles and labels are broken by stray spaces. */
    String compact() {
        return Lines.compact(text);
    }
}
