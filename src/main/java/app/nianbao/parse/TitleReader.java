package app.nianbao.parse;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the agency and the reporting year in a report's title, in either word order
 * ("XXX2022年政府信息公开工作年度报告", "2019年XXX政府信息公开工作年度报告"), even when the
 * title is broken by spaces or over two lines.
 */
final class TitleReader {

    record Title(String agency, Integer year) {
    }

    private static final String REPORT = "政府信息公开(?:工作)?(?:年度)?(?:报告|年报)";
    private static final Pattern YEAR_FIRST = Pattern.compile("^(?:关于)?((?:19|20)\\d{2})年度?(.{2,60}?)" + REPORT);
    private static final Pattern AGENCY_FIRST = Pattern.compile("^(?:关于)?(.{2,60}?)((?:19|20)\\d{2})年度?" + REPORT);
    private static final Pattern YEAR_ONLY = Pattern.compile("((?:19|20)\\d{2})年度?" + REPORT);
    private static final Pattern FILE_YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");
    private static final Pattern LEADING_NOISE = Pattern.compile("^[\\p{Punct}（）【】《》「」“”、·\\s]+");

    private TitleReader() {
    }

    /** The first title among the candidates (metadata first), then the first lines of the text. */
    static Title read(List<String> candidates, List<Line> lines, String fileName) {
        for (String candidate : candidates) {
            Optional<Title> title = parse(candidate);
            if (title.isPresent()) {
                return title.get();
            }
        }
        int limit = Math.min(lines.size(), 20);
        for (int i = 0; i < limit; i++) {
            // A title may run over up to three lines.
            String joined = "";
            for (int j = i; j < Math.min(limit, i + 3); j++) {
                joined += lines.get(j).compact();
                Optional<Title> title = parse(joined);
                if (title.isPresent()) {
                    return title.get();
                }
            }
        }
        Matcher year = FILE_YEAR.matcher(fileName == null ? "" : fileName);
        return new Title(null, year.find() ? Integer.valueOf(year.group(1)) : null);
    }

    static Optional<Title> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = LEADING_NOISE.matcher(Lines.compact(text)).replaceFirst("");
        Matcher m = YEAR_FIRST.matcher(s);
        if (m.find()) {
            return Optional.of(new Title(clean(m.group(2)), Integer.valueOf(m.group(1))));
        }
        m = AGENCY_FIRST.matcher(s);
        if (m.find()) {
            return Optional.of(new Title(clean(m.group(1)), Integer.valueOf(m.group(2))));
        }
        m = YEAR_ONLY.matcher(s);
        if (m.find() && m.start() == 0) {
            return Optional.of(new Title(null, Integer.valueOf(m.group(1))));
        }
        return Optional.empty();
    }

    private static String clean(String agency) {
        String a = agency.replaceAll("[\\p{Punct}（）【】《》「」“”]+$", "");
        // a closing bracket that closes one in the name belongs to it: 某某局（模拟）, 某某区（开发区）
        if (agency.startsWith(a + "）") && a.lastIndexOf('（') > a.lastIndexOf('）')) {
            a = a + "）";
        } else if (agency.startsWith(a + ")") && a.lastIndexOf('(') > a.lastIndexOf(')')) {
            a = a + ")";
        }
        return a.length() < 2 ? null : a;
    }
}
