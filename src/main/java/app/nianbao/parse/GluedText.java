package app.nianbao.parse;

import java.util.regex.Pattern;

/**
 * Page text as crawlers flatten it: the page one long line, each row's label glued to its numbers
 * and the numbers glued to each other (`本年新收政府信息公开申请数量640020470` for 64, 0, 0, 2, 0, 4,
 * 70). The text is cut back into rows — before ordinal markers and table 2's row names, between a
 * label and its digits, before the next item's number glued to the digits before it — and the
 * table reader then splits each row's digits as the identities allow ({@link LostCellSolver}).
 */
final class GluedText {

    /** Table 3's first rows followed straight by a long digit string: nothing else prints a table like that. */
    private static final Pattern GLUED = Pattern.compile("(予以公开|申请数量)\\s*\\d{6,}");
    private static final Pattern MARKERS = Pattern.compile("(（[一二三四五六七八九十]+）|(?<![一二三四五六七八九十])[一二三四五六七八九十]+、|第二十条)");
    private static final Pattern T2_ROWS = Pattern.compile("(规章|(?<!行政)规范性文件|行政规范性文件|行政许可|其他对外管理服务事项|行政处罚|行政强制|行政事业性收费"
            + "|政府集中采购)(?=\\s*[\\d０-９])");
    /** "…0000000" then "2.其他…": the item number sticks to the digits before it. */
    private static final Pattern ITEM_AFTER_DIGITS = Pattern.compile("(\\d)(\\d)\\.(?=\\p{IsHan})");
    private static final Pattern ITEM_AFTER_TEXT = Pattern.compile("(?<=[^\\d\\s.])(\\d\\.)(?=\\p{IsHan})");
    /** A breadcrumb glued before the title ("当前位置： 首页政务公开…年报 平潭综合实验区2021年度…"), and the page's source and time after it. */
    private static final Pattern BREADCRUMB = Pattern.compile("当前位置[：:][^\\n]*?\\s(?=\\S+?\\s*\\d{4}\\s*年度?政府信息公开)");
    private static final Pattern AFTER_TITLE = Pattern.compile("\\s(?=(来源|发布时间|时间|发布日期|浏览次数)[：:])");
    private static final Pattern LABEL_THEN_DIGITS = Pattern.compile("(?<=[^\\d\\s.,:：\\-])(?=\\d)");

    private GluedText() {
    }

    static boolean looksGlued(String text) {
        return GLUED.matcher(text).find();
    }

    /** The text cut into rows: what the reader reads and the source panel shows, so that each cell's line exists. */
    static String cut(String text) {
        String s = text.replaceAll("[\\r\\n]+", " ");
        s = BREADCRUMB.matcher(s).replaceFirst("");
        s = AFTER_TITLE.matcher(s).replaceAll("\n");
        s = ITEM_AFTER_DIGITS.matcher(s).replaceAll("$1\n$2.");
        s = ITEM_AFTER_TEXT.matcher(s).replaceAll("\n$1");
        s = MARKERS.matcher(s).replaceAll("\n$1");
        s = T2_ROWS.matcher(s).replaceAll("\n$1");
        return LABEL_THEN_DIGITS.matcher(s).replaceAll(" ");
    }
}
