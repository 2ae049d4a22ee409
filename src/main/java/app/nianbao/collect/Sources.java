package app.nianbao.collect;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The list of sources to collect, as CSV: the agency (as the user names it) and the URL of its
 * report page, report file, or its site's list page of annual reports. A row that cannot be
 * read refuses the list with the row's line number.
 *
 * <pre>
 * agency,url
 * 平潭综合实验区,https://www.pingtan.gov.cn/zwgk/ndbg/
 * </pre>
 */
public final class Sources {

    public record Source(String agency, URI url) {
    }

    private static final Map<String, String> HEADERS = Map.of("agency", "agency", "name", "agency", "机构", "agency", "名称", "agency",
            "url", "url", "网址", "url", "地址", "url", "链接", "url");

    private Sources() {
    }

    public static List<Source> read(String text) {
        try {
            var records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get()
                    .parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
            Map<String, String> columns = new HashMap<>();
            records.getHeaderNames().forEach(h -> {
                String meant = HEADERS.get(h.strip().toLowerCase(Locale.ROOT));
                if (meant != null) {
                    columns.put(meant, h);
                }
            });
            if (!columns.containsKey("url")) {
                throw new IllegalArgumentException("来源清单缺少 url（网址）列 / the source list has no url column");
            }
            List<Source> sources = new ArrayList<>();
            for (CSVRecord record : records) {
                sources.add(source(record, columns));
            }
            return sources;
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("来源清单无法读取 / the source list cannot be read: " + e.getMessage(), e);
        }
    }

    private static Source source(CSVRecord record, Map<String, String> columns) {
        long line = record.getRecordNumber() + 1;
        String url = record.isSet(columns.get("url")) ? record.get(columns.get("url")).strip() : "";
        String agency = columns.containsKey("agency") && record.isSet(columns.get("agency")) ? record.get(columns.get("agency")).strip() : "";
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute()) {
                throw new URISyntaxException(url, "not absolute");
            }
            return new Source(agency.isEmpty() ? null : agency, uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("来源清单第 %d 行：「%s」不是完整的网址 / source list line %d: \"%s\" is not a full URL"
                    .formatted(line, url, line, url));
        }
    }
}
