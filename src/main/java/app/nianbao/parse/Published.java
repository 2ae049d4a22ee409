package app.nianbao.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a report was published, and how that is known, in the order of trust the register uses:
 * a date a user entered, the page's or the PDF's metadata, the sign-off date at the end of the
 * text, the time a collector first saw it. Never the statistics period the text states
 * (2022年1月1日至12月31日), and never a date before the year reported on has ended.
 */
public record Published(LocalDate on, Source source) {

    public enum Source {
        USER("user"), PAGE_META("page-meta"), PDF_META("pdf-meta"), TEXT("text"), COLLECTED("collected");

        private final String code;

        Source(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Source> ofCode(String code) {
            for (Source s : values()) {
                if (s.code.equals(code)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** Names of the meta element that carry a page's publication time (national government-website norms and common CMSs). */
    static final List<String> META_NAMES = List.of("pubdate", "publishdate", "firstpublishedtime", "publishtime", "releasedate",
            "dc.date", "dc.date.issued", "article:published_time");

    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    /** Words of a period, not a day: 统计期限自2023年1月1日起至12月31日止. */
    private static final Pattern PERIOD = Pattern.compile("至|起|止|期间|期限|截至|统计|以来|—|－|~|～");
    /** A sign-off is the issuing office's name and the date, a short line near the end. */
    private static final int SIGN_OFF_MAX_CHARS = 32;
    private static final int SIGN_OFF_LAST_LINES = 12;

    /** A metadata value such as "2023-02-20 15:07" or "2023/2/20", if it is a date after the year reported on. */
    static Optional<Published> ofMeta(String value, Source source, Integer year) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = ISO.matcher(value);
        return m.find() ? date(m, year).map(d -> new Published(d, source)) : Optional.empty();
    }

    /** The sign-off date: the last short line near the end of the text that is a date and no period. */
    static Optional<Published> ofSignOff(List<String> lines, Integer year) {
        int seen = 0;
        for (int i = lines.size() - 1; i >= 0 && seen < SIGN_OFF_LAST_LINES; i--) {
            String line = Lines.compact(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            seen++;
            Matcher m = CHINESE.matcher(line);
            if (line.length() <= SIGN_OFF_MAX_CHARS && m.find() && !PERIOD.matcher(line).find()) {
                Optional<LocalDate> date = date(m, year);
                if (date.isPresent()) {
                    return Optional.of(new Published(date.get(), Source.TEXT));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(Matcher m, Integer year) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            // a report on a year is published after it ends, and not in the future
            boolean plausible = (year == null || date.getYear() > year) && !date.isAfter(LocalDate.now().plusDays(1));
            return plausible ? Optional.of(date) : Optional.empty();
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    static boolean isMetaName(String name) {
        return name != null && META_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }
}
