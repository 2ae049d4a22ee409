package app.nianbao.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;
import app.nianbao.figures.ReportRules;
import app.nianbao.figures.Rule;
import app.nianbao.figures.Severity;

/**
 * Rules on a report's narrative: R9, figures the text states that contradict the tables, and
 * R11, a narrative nearly identical to the previous year's. Only what the text states
 * unambiguously is compared: a count right after a fixed phrase, in the same sentence.
 */
public final class NarrativeRules {

    /** R11 notes narratives whose character-bigram Dice similarity is at least this. */
    public static final double COPY_SIMILARITY = 0.90;
    /** Narratives shorter than this many characters are too short to call copied. */
    static final int COPY_MIN_CHARS = 200;

    private static final Pattern NONE_RECEIVED = Pattern.compile("(未|没有)(收到|接到|受理)[^。；]{0,12}?(依申请公开|政府信息公开申请|信息公开申请)");
    private static final Pattern RECEIVED = Pattern.compile(
            "(共|累计|全年)(收到|受理|接收|新收)[^。；，,0-9]{0,14}?申请(共计|共|合计)?(\\d+)(件|条|宗|个)");
    private static final Pattern REVIEWS = Pattern.compile("(发生|收到|涉及|被申请)?行政复议(案件)?(共)?(\\d+)(件|起|宗)");
    private static final Pattern LAWSUITS = Pattern.compile("(发生|收到|涉及|被提起)?行政诉讼(案件)?(共)?(\\d+)(件|起|宗)");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");
    private static final Pattern YEARS = Pattern.compile("(19|20)\\d{2}");

    private NarrativeRules() {
    }

    /** The narrative of a report: its lines that are prose, not table rows. */
    public static String narrative(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            String compact = SPACES.matcher(line).replaceAll("");
            long digits = compact.chars().filter(c -> c >= '0' && c <= '9').count();
            if (compact.length() >= 15 && digits * 4 < compact.length()) {
                text.append(compact).append('\n');
            }
        }
        return text.toString();
    }

    public static List<Finding> textVersusTables(String narrative, Figures figures) {
        List<Finding> findings = new ArrayList<>();
        BigDecimal received = figures.cell("t3", "new_received", "total").value();
        BigDecimal carried = figures.cell("t3", "carried_over", "total").value();
        Matcher none = NONE_RECEIVED.matcher(narrative);
        if (none.find() && received != null && received.signum() > 0) {
            findings.add(new Finding(Rule.R9.id(), Severity.WARNING, "t3", "new_received", "total", BigDecimal.ZERO, received,
                    "正文称「%s」，但表三本年新收申请为 %s 件".formatted(none.group(), ReportRules.plain(received))));
        }
        Set<String> seen = new HashSet<>();
        Matcher stated = RECEIVED.matcher(narrative);
        while (stated.find() && received != null && seen.add(stated.group())) {
            BigDecimal n = new BigDecimal(stated.group(4));
            boolean matchesNew = n.compareTo(received) == 0;
            boolean matchesAll = carried != null && n.compareTo(received.add(carried)) == 0;
            if (!matchesNew && !matchesAll) {
                findings.add(new Finding(Rule.R9.id(), Severity.WARNING, "t3", "new_received", "total", n, received,
                        "正文称「%s」，但表三本年新收申请为 %s 件%s".formatted(stated.group(), ReportRules.plain(received),
                                carried == null ? "" : "（含上年结转共 %s 件）".formatted(ReportRules.plain(received.add(carried))))));
            }
        }
        compareCount(narrative, REVIEWS, figures.cell("t4", "review", "total").value(), "review", "行政复议", findings);
        BigDecimal direct = figures.cell("t4", "suit_direct", "total").value();
        BigDecimal after = figures.cell("t4", "suit_after_review", "total").value();
        compareCount(narrative, LAWSUITS, direct == null || after == null ? null : direct.add(after), "suit_direct",
                "行政诉讼", findings);
        return findings;
    }

    private static void compareCount(String narrative, Pattern pattern, BigDecimal table, String row, String name,
                                     List<Finding> findings) {
        Matcher m = pattern.matcher(narrative);
        if (table == null || !m.find()) {
            return;
        }
        BigDecimal n = new BigDecimal(m.group(4));
        if (n.compareTo(table) != 0) {
            findings.add(new Finding(Rule.R9.id(), Severity.WARNING, "t4", row, "total", n, table,
                    "正文称「%s」，但表四%s总计为 %s 件".formatted(m.group(), name, ReportRules.plain(table))));
        }
    }

    /** R11: the narrative is nearly the previous year's; null when it is not, or too short to tell. */
    public static Finding copiedFromPreviousYear(int year, String narrative, String previousNarrative) {
        if (narrative.length() < COPY_MIN_CHARS || previousNarrative.length() < COPY_MIN_CHARS) {
            return null;
        }
        double similarity = diceSimilarity(withoutYears(narrative), withoutYears(previousNarrative));
        if (similarity < COPY_SIMILARITY) {
            return null;
        }
        return new Finding(Rule.R11.id(), Severity.INFO, null, null, null, null, null,
                "正文与 %d 年报告的正文相似度为 %.0f%%（字符二元组 Dice 系数，阈值 %.0f%%），可能沿用了上年文字"
                        .formatted(year - 1, similarity * 100, COPY_SIMILARITY * 100));
    }

    /** Years change every year even in a copied text; they should not hide the copy. */
    private static String withoutYears(String text) {
        return YEARS.matcher(text).replaceAll("");
    }

    static double diceSimilarity(String a, String b) {
        int[] left = bigrams(a);
        int[] right = bigrams(b);
        // both sorted: the common multiset of bigrams is one merge, no boxing (this runs for every report imported)
        int common = 0;
        for (int i = 0, j = 0; i < left.length && j < right.length; ) {
            if (left[i] == right[j]) {
                common++;
                i++;
                j++;
            } else if (left[i] < right[j]) {
                i++;
            } else {
                j++;
            }
        }
        int total = a.length() - 1 + b.length() - 1;
        return total <= 0 ? 0 : 2.0 * common / total;
    }

    /** A string's character bigrams, each as the two UTF-16 units in one int, sorted. */
    private static int[] bigrams(String s) {
        int[] grams = new int[Math.max(0, s.length() - 1)];
        for (int i = 0; i < grams.length; i++) {
            grams[i] = s.charAt(i) << 16 | s.charAt(i + 1);
        }
        Arrays.sort(grams);
        return grams;
    }
}
