package app.nianbao.agency;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import app.nianbao.catalog.AgencyLevel;

/**
 * A roster of the agencies expected to publish, as a user keeps it in a spreadsheet: one row per
 * agency with its name and, optionally, level, parent, region, the first and last year it is
 * expected to report on, and its kind. Headers in English or Chinese; a row that cannot be read
 * refuses the whole roster with the row's line number, so a roster lands whole or not at all.
 *
 * <pre>
 * name,level,parent,region,first_year,last_year,kind
 * 平潭综合实验区管理委员会,COUNTY,福建省人民政府,350128,2019,,government
 * </pre>
 */
public final class Roster {

    /** One agency of the roster; every part but the name may be null. */
    public record Row(int line, String name, AgencyLevel level, String parent, String regionCode, String regionName,
                      Integer firstYear, Integer lastYear, AgencyKind kind) {
    }

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("name", "name"), Map.entry("agency", "name"), Map.entry("名称", "name"), Map.entry("机构", "name"),
            Map.entry("机构名称", "name"), Map.entry("level", "level"), Map.entry("层级", "level"), Map.entry("级别", "level"),
            Map.entry("parent", "parent"), Map.entry("上级", "parent"), Map.entry("上级机构", "parent"),
            Map.entry("region", "region"), Map.entry("地区", "region"), Map.entry("region_code", "region_code"),
            Map.entry("地区代码", "region_code"), Map.entry("行政区划代码", "region_code"),
            Map.entry("first_year", "first_year"), Map.entry("起始年", "first_year"), Map.entry("首年", "first_year"),
            Map.entry("last_year", "last_year"), Map.entry("截止年", "last_year"), Map.entry("末年", "last_year"),
            Map.entry("kind", "kind"), Map.entry("类别", "kind"));

    private static final Map<String, AgencyLevel> CHINESE_LEVELS = Map.of("国家", AgencyLevel.NATIONAL, "国家部门", AgencyLevel.NATIONAL,
            "省", AgencyLevel.PROVINCE, "省级", AgencyLevel.PROVINCE, "市", AgencyLevel.CITY, "市级", AgencyLevel.CITY,
            "县", AgencyLevel.COUNTY, "县级", AgencyLevel.COUNTY, "乡镇", AgencyLevel.TOWNSHIP, "部门", AgencyLevel.DEPARTMENT);

    private static final Pattern REGION_WITH_CODE = Pattern.compile("(.*?)\\s*(\\d{2,12})");

    private Roster() {
    }

    public static List<Row> read(String text) {
        try {
            return read(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static List<Row> read(Reader reader) throws IOException {
        var records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get().parse(reader);
        Map<String, String> columns = new HashMap<>();
        for (String header : records.getHeaderNames()) {
            String meant = HEADERS.get(header.strip().toLowerCase(Locale.ROOT));
            if (meant == null) {
                throw new IllegalArgumentException("名册第 1 行：不认识的列「%s」/ roster line 1: unknown column \"%s\" (known: %s)"
                        .formatted(header, header, "name, level, parent, region, region_code, first_year, last_year, kind"));
            }
            columns.put(meant, header);
        }
        if (!columns.containsKey("name")) {
            throw new IllegalArgumentException("名册缺少 name（名称）列 / the roster has no name column");
        }
        List<Row> rows = new ArrayList<>();
        for (CSVRecord record : records) {
            rows.add(row(record, columns));
        }
        return rows;
    }

    private static Row row(CSVRecord record, Map<String, String> columns) {
        int line = (int) record.getRecordNumber() + 1;
        String name = value(record, columns, "name");
        if (name == null) {
            throw refused(line, "缺少名称", "the name is missing");
        }
        String region = value(record, columns, "region");
        String regionCode = value(record, columns, "region_code");
        // a region written as digits is a division code (GB/T 2260), or ends in one after its name (浙江省杭州市 330100)
        Matcher coded = region == null ? null : REGION_WITH_CODE.matcher(region);
        if (regionCode == null && coded != null && coded.matches()) {
            regionCode = coded.group(2);
            region = coded.group(1).isBlank() ? null : coded.group(1).strip();
        }
        Integer first = year(record, columns, "first_year", line);
        Integer last = year(record, columns, "last_year", line);
        if (first != null && last != null && last < first) {
            throw refused(line, "截止年早于起始年", "the last year is before the first");
        }
        return new Row(line, AgencyNames.display(name), level(value(record, columns, "level"), line), value(record, columns, "parent"),
                regionCode, region, first, last, kind(value(record, columns, "kind"), line));
    }

    private static String value(CSVRecord record, Map<String, String> columns, String column) {
        String header = columns.get(column);
        if (header == null || !record.isSet(header)) {
            return null;
        }
        String value = record.get(header).strip();
        return value.isEmpty() ? null : value;
    }

    private static Integer year(CSVRecord record, Map<String, String> columns, String column, int line) {
        String value = value(record, columns, column);
        if (value == null) {
            return null;
        }
        if (!value.matches("(19|20|21)\\d\\d")) {
            throw refused(line, "年份「" + value + "」不是四位年份", "\"" + value + "\" is not a four-digit year");
        }
        return Integer.valueOf(value);
    }

    private static AgencyLevel level(String value, int line) {
        if (value == null) {
            return null;
        }
        AgencyLevel level = Optional.ofNullable(AgencyLevel.ofName(value.toUpperCase(Locale.ROOT))).orElse(CHINESE_LEVELS.get(value));
        if (level == null) {
            throw refused(line, "层级「" + value + "」不可识别", "unknown level \"" + value + "\" (NATIONAL, PROVINCE, CITY, COUNTY, TOWNSHIP, DEPARTMENT)");
        }
        return level;
    }

    private static AgencyKind kind(String value, int line) {
        if (value == null) {
            return null;
        }
        return AgencyKind.ofCode(value.toLowerCase(Locale.ROOT))
                .or(() -> Optional.ofNullable(value.equals("政府") ? AgencyKind.GOVERNMENT : value.equals("部门") ? AgencyKind.DEPARTMENT : null))
                .orElseThrow(() -> refused(line, "类别「" + value + "」应为 政府/部门", "kind \"" + value + "\" should be government or department"));
    }

    private static IllegalArgumentException refused(int line, String chinese, String english) {
        return new IllegalArgumentException("名册第 %d 行：%s / roster line %d: %s".formatted(line, chinese, line, english));
    }
}
