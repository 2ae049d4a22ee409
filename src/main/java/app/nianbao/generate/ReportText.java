package app.nianbao.generate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Codebook;
import app.nianbao.figures.Figures;
import app.nianbao.parse.Published;

/**
 * A generated report written out as the text of a real one — title, the four sections, the tables
 * as tab-separated rows under the template's labels — for the import path to read back. A blank
 * cell is written as "—", which the reader takes for a cell printed without a number.
 */
final class ReportText {

    private static final List<String> T4_COLUMNS = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");

    private ReportText() {
    }

    /** The report as text, signed off by the agency on its publication date when it has one. */
    static String render(String agency, int year, Figures figures, Published published) {
        Codebook book = Codebook.get();
        StringBuilder text = new StringBuilder();
        text.append(agency).append(year).append("年政府信息公开工作年度报告\n\n");
        text.append("一、总体情况\n\n本报告为模拟数据，由 nianbao generate 生成，不是任何机关的真实年报。\n\n");
        text.append("二、主动公开政府信息情况\n\n");
        for (Map.Entry<String, List<String>> row : book.t2(figures.template()).entrySet()) {
            text.append("信息内容\t").append(row.getValue().stream()
                    .map(col -> afterSpace(book.label("t2." + row.getKey() + "." + col).zh())).collect(Collectors.joining("\t"))).append('\n');
            text.append(book.rowLabel("t2", row.getKey()).zh());
            row.getValue().forEach(col -> text.append('\t').append(plain(figures, new CellCode("t2", row.getKey(), col))));
            text.append('\n');
        }
        text.append("\n三、收到和处理政府信息公开申请情况\n\n");
        text.append("申请人情况\t").append(book.t3Columns().stream().map(col -> afterSpace(book.colLabel("t3", col).zh()))
                .collect(Collectors.joining("\t"))).append('\n');
        for (String row : book.t3Rows(figures.template())) {
            text.append(book.rowLabel("t3", row).zh().replaceFirst(" \\(.*\\)$", ""));
            book.t3Columns().forEach(col -> text.append('\t').append(plain(figures, new CellCode("t3", row, col))));
            text.append('\n');
        }
        text.append("\n四、政府信息公开行政复议、行政诉讼情况\n\n");
        text.append("行政复议\t\t\t\t\t行政诉讼\n\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n");
        text.append(String.join("\t", T4_COLUMNS)).append('\t').append(String.join("\t", T4_COLUMNS)).append('\t')
                .append(String.join("\t", T4_COLUMNS)).append('\n');
        text.append(book.t4Rows().stream().flatMap(row -> book.t4Columns().stream()
                .map(col -> plain(figures, new CellCode("t4", row, col)))).collect(Collectors.joining("\t"))).append('\n');
        text.append("\n五、存在的主要问题及改进情况\n\n（模拟数据。）\n\n六、其他需要报告的事项\n\n（模拟数据。）\n");
        if (published != null) {
            text.append('\n').append(agency).append('\n').append("%d年%d月%d日".formatted(published.on().getYear(),
                    published.on().getMonthValue(), published.on().getDayOfMonth())).append('\n');
        }
        return text.toString();
    }

    /**
     * The same report as a web page: paragraphs, and each table's tab-separated rows as rows of
     * an HTML table, the way agencies' sites publish them. Text is escaped.
     */
    static String html(String agency, int year, Figures figures, Published published) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(agency + year + "年政府信息公开工作年度报告")).append("</title>");
        if (published != null) {
            // as the national government-website norms have CMS pages carry it
            html.append("<meta name=\"PubDate\" content=\"").append(published.on()).append(" 09:00\">");
        }
        html.append("</head><body>\n");
        boolean inTable = false;
        for (String line : render(agency, year, figures, published).split("\n")) {
            boolean row = line.contains("\t");
            if (row && !inTable) {
                html.append("<table border=\"1\">\n");
            } else if (!row && inTable) {
                html.append("</table>\n");
            }
            inTable = row;
            if (row) {
                html.append("<tr>");
                for (String cell : line.split("\t", -1)) {
                    html.append("<td>").append(escape(cell)).append("</td>");
                }
                html.append("</tr>\n");
            } else if (!line.isBlank()) {
                html.append("<p>").append(escape(line)).append("</p>\n");
            }
        }
        if (inTable) {
            html.append("</table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String afterSpace(String label) {
        return label.substring(label.indexOf(' ') + 1);
    }

    private static String plain(Figures figures, CellCode code) {
        BigDecimal value = figures.cell(code).value();
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }
}
