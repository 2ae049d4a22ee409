package app.nianbao.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns a web page into the reader's lines: paragraphs as text lines, rows of data tables as
 * table rows with one entry per cell. Tables that hold other tables are page layout, not data.
 */
final class HtmlLines {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li",
            "section", "article", "header", "footer", "tr", "center", "blockquote", "pre", "dd", "dt");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "svg", "head",
            "select", "option", "button", "iframe");

    /** {@code publishedMeta}: the value of the page's publication-time meta element, if it has one. */
    record Page(List<Line> lines, List<String> titles, String publishedMeta) {
    }

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");

    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private HtmlLines() {
    }

    static Page read(String html) {
        Document doc = Jsoup.parse(html);
        List<String> titles = new ArrayList<>();
        Element meta = doc.selectFirst("meta[name=ArticleTitle]");
        if (meta != null) {
            titles.add(meta.attr("content"));
        }
        if (!doc.title().isBlank()) {
            titles.add(doc.title().split("[_|｜]")[0]);
        }
        String published = doc.select("meta").stream()
                .filter(m -> Published.isMetaName(m.attr("name")) || Published.isMetaName(m.attr("property")))
                .map(m -> m.attr("content")).filter(c -> !c.isBlank()).findFirst().orElse(null);
        HtmlLines reader = new HtmlLines();
        reader.walk(doc.body());
        reader.flush();
        return new Page(reader.lines, titles, published);
    }

    private void walk(Node node) {
        if (node instanceof TextNode t) {
            text.append(t.getWholeText());
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        String tag = e.normalName();
        if (SKIPPED.contains(tag)) {
            return;
        }
        if ("table".equals(tag) && e.getElementsByTag("table").size() == 1) {
            flush();
            table(e);
            return;
        }
        boolean block = BLOCKS.contains(tag) || "table".equals(tag) || "td".equals(tag) || "th".equals(tag);
        if (block) {
            flush();
        }
        for (Node child : e.childNodes()) {
            walk(child);
        }
        if (block) {
            flush();
        }
    }

    private void table(Element table) {
        // tag lookups, not CSS selectors: a selector per row costs more than reading the whole page
        for (Element tr : table.getElementsByTag("tr")) {
            List<String> cells = new ArrayList<>();
            for (Element cell : tr.children()) {
                if ("td".equals(cell.normalName()) || "th".equals(cell.normalName())) {
                    cells.add(cellText(cell));
                }
            }
            if (cells.isEmpty()) {
                continue;
            }
            lines.add(new Line(String.join("\t", cells), cells, "line " + (lines.size() + 1), true));
        }
    }

    /** A cell's text with line breaks and non-breaking spaces dropped: `<br>` only wraps a header. */
    private static String cellText(Element cell) {
        return Lines.compact(cell.text().replace('\u00A0', ' '));
    }

    private void flush() {
        // Line breaks in markup are not line breaks on the page; blocks are.
        String s = SPACES.matcher(text).replaceAll(" ").strip();
        text.setLength(0);
        if (!s.isEmpty()) {
            lines.add(new Line(s, List.of(s.split(" ")), "line " + (lines.size() + 1), false));
        }
    }
}
