package app.nianbao.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The numbers behind a chart, as a table a user can read, copy or open in Excel: a header and
 * rows of text or numbers (null for "no value").
 */
public record DataTable(String title, List<String> columns, List<List<Object>> rows) {

    /** The same table with one more column, its value per row computed from the row (null: no value). */
    public DataTable withColumn(String header, Function<List<Object>, Object> value) {
        List<String> wider = new ArrayList<>(columns);
        wider.add(header);
        List<List<Object>> widerRows = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> r = new ArrayList<>(row);
            r.add(value.apply(row));
            widerRows.add(r);
        }
        return new DataTable(title, wider, widerRows);
    }

    /** CSV with a UTF-8 byte-order mark, so Excel opens Chinese text correctly. */
    public byte[] csv() {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(String.join(",", columns.stream().map(DataTable::quote).toList())).append("\r\n");
        for (List<Object> row : rows) {
            csv.append(String.join(",", row.stream().map(v -> v == null ? "" : v instanceof Number ? v.toString() : quote(v.toString()))
                    .toList())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A first sheet, {@code name}, of label and value rows that say what the numbers are of. */
    public record About(String name, List<List<String>> rows) {

        public static final About NONE = new About("", List.of());
    }

    public byte[] xlsx() {
        return xlsx(About.NONE);
    }

    /** The table as a workbook, opening with {@code about} when it has rows: a file passed on keeps its scope, definition and source. */
    public byte[] xlsx(About about) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!about.rows().isEmpty()) {
                Sheet first = workbook.createSheet(about.name());
                for (int r = 0; r < about.rows().size(); r++) {
                    Row row = first.createRow(r);
                    for (int c = 0; c < about.rows().get(r).size(); c++) {
                        row.createCell(c).setCellValue(about.rows().get(r).get(c));
                    }
                }
                first.setColumnWidth(0, 14 * 256);
                first.setColumnWidth(1, 90 * 256);
            }
            Sheet sheet = workbook.createSheet(title.replaceAll("[\\\\/?*\\[\\]:]", " "));
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        number(row.createCell(c), n);
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A number as a spreadsheet cell. POI writes every number as a double ("2019.0"), which
     * openpyxl and pandas then read as a float; a whole number is written as the integer it is.
     */
    private static void number(Cell cell, Number n) {
        double value = n.doubleValue();
        cell.setCellValue(value);
        if (value == Math.rint(value) && Math.abs(value) < 1e15 && cell instanceof XSSFCell xssf) {
            xssf.getCTCell().setV(Long.toString((long) value));
        }
    }

    /** Rows that start with their year, for a table whose further columns are added one by one. */
    public static List<List<Object>> yearRows(List<Integer> years) {
        List<List<Object>> rows = new ArrayList<>();
        years.forEach(y -> rows.add(new ArrayList<>(List.of(y))));
        return rows;
    }

    /** Appends a column: values[r] to row r, as {@link #number} writes it. */
    public static void addColumn(List<List<Object>> rows, Number[] values) {
        for (int r = 0; r < rows.size(); r++) {
            rows.get(r).add(values[r] == null ? null : number(values[r].doubleValue()));
        }
    }

    /** A count as a whole number, a rate as it is, no value as null. */
    public static Object number(Double value) {
        if (value == null) {
            return null;
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) value.longValue() : value;
    }

    /** A value as a reader sees it: thousands separated, whole numbers without decimals, "—" for none. */
    public static String formatted(Double value) {
        if (value == null) {
            return "—";
        }
        return value == Math.rint(value) ? "%,d".formatted(value.longValue()) : "%,.1f".formatted(value);
    }

    /** A difference as a reader sees it: with its sign, thousands separated, "—" for none. */
    public static String signed(Double value) {
        if (value == null) {
            return "—";
        }
        return value == Math.rint(value) ? "%+,d".formatted(value.longValue()) : "%+,.1f".formatted(value);
    }

    /**
     * A text field of a CSV file, quoted, and neutralised as OWASP advises: text that starts
     * with =, +, -, @, a tab or a carriage return would be run as a formula by a spreadsheet
     * (an agency named =HYPERLINK(…)), so it gets a leading apostrophe.
     */
    public static String quote(String s) {
        String text = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
