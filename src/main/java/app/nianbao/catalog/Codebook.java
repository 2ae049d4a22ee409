package app.nianbao.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cell codes and labels of codes.csv: which rows and columns each table has in each
 * template, in the template's order. Everything that names a cell goes through here.
 */
public final class Codebook {

    private static final Codebook INSTANCE = load();

    private final Map<Template, Map<String, List<String>>> t2Columns;
    private final Map<Template, List<String>> t3Rows;
    private final List<String> t3Columns;
    private final List<String> t4Rows;
    private final List<String> t4Columns;
    private final Map<String, Label> labels;

    /** Chinese and English label of a row, a column, or a t2 cell. */
    public record Label(String zh, String en) {

        public String in(boolean english) {
            return english ? en : zh;
        }
    }

    private Codebook(Map<Template, Map<String, List<String>>> t2Columns, Map<Template, List<String>> t3Rows,
                     List<String> t3Columns, List<String> t4Rows, List<String> t4Columns, Map<String, Label> labels) {
        this.t2Columns = t2Columns;
        this.t3Rows = t3Rows;
        this.t3Columns = t3Columns;
        this.t4Rows = t4Rows;
        this.t4Columns = t4Columns;
        this.labels = labels;
    }

    public static Codebook get() {
        return INSTANCE;
    }

    /** Rows of table 2 in template order, each with its columns in template order. */
    public Map<String, List<String>> t2(Template template) {
        return t2Columns.get(template);
    }

    public List<String> t3Rows(Template template) {
        return t3Rows.get(template);
    }

    public List<String> t3Columns() {
        return t3Columns;
    }

    public List<String> t4Rows() {
        return t4Rows;
    }

    public List<String> t4Columns() {
        return t4Columns;
    }

    /** Every cell of the template, in the order tables, rows and columns are printed. */
    public List<CellCode> cells(Template template) {
        List<CellCode> cells = new ArrayList<>();
        t2(template).forEach((row, cols) -> cols.forEach(col -> cells.add(new CellCode("t2", row, col))));
        for (String row : t3Rows(template)) {
            for (String col : t3Columns) {
                cells.add(new CellCode("t3", row, col));
            }
        }
        for (String row : t4Rows) {
            for (String col : t4Columns) {
                cells.add(new CellCode("t4", row, col));
            }
        }
        return cells;
    }

    /** Label of a t3/t4 row or column (key "t3.row.granted", "t3.col.total") or a t2 cell ("t2.rules.issued"). */
    public Label label(String key) {
        Label label = labels.get(key);
        return label != null ? label : new Label(key, key);
    }

    /** A cell in words: table 2's own label, or "row / column" of tables 3 and 4. */
    public String cellName(CellCode cell, boolean english) {
        if (cell.table().equals("t2")) {
            return label("t2." + cell.row() + "." + cell.col()).in(english);
        }
        return rowLabel(cell.table(), cell.row()).in(english) + " / " + colLabel(cell.table(), cell.col()).in(english);
    }

    public Label rowLabel(String table, String row) {
        return "t2".equals(table) ? label("t2.row." + row) : label(table + ".row." + row);
    }

    public Label colLabel(String table, String col) {
        return label(table + ".col." + col);
    }

    /** The words two labels start with alike; the first label when they share none. */
    private static String commonWords(String a, String b) {
        String[] x = a.split(" ");
        String[] y = b.split(" ");
        int n = 0;
        while (n < Math.min(x.length, y.length) && x[n].equals(y[n])) {
            n++;
        }
        return n == 0 ? a : String.join(" ", Arrays.copyOf(x, n));
    }

    private static Codebook load() {
        try (InputStream in = Codebook.class.getResourceAsStream("/spec/codes.csv")) {
            if (in == null) {
                throw new IllegalStateException("spec/codes.csv missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<Template, Map<String, List<String>>> t2 = new LinkedHashMap<>();
            Map<Template, List<String>> t3Rows = new LinkedHashMap<>();
            for (Template t : Template.values()) {
                t2.put(t, new LinkedHashMap<>());
                t3Rows.put(t, new ArrayList<>());
            }
            List<String> t3Cols = new ArrayList<>();
            List<String> t4Rows = new ArrayList<>();
            List<String> t4Cols = new ArrayList<>();
            Map<String, Label> labels = new LinkedHashMap<>();
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = parseCsvLine(line);
                String table = f.get(0);
                String row = f.get(1);
                String col = f.get(2);
                String template = f.get(3);
                Label label = new Label(f.get(4), f.get(5));
                if ("t2".equals(table)) {
                    Template t = Template.ofCode(template);
                    t2.get(t).computeIfAbsent(row, r -> new ArrayList<>()).add(col);
                    labels.put("t2." + row + "." + col, label);
                    Label rowLabel = labels.get("t2.row." + row);
                    // the row's name is what its cells' labels share: "规章", "Rules", "Normative documents"
                    labels.put("t2.row." + row, rowLabel == null ? new Label(label.zh().split(" ")[0], label.en())
                            : new Label(rowLabel.zh(), commonWords(rowLabel.en(), label.en())));
                } else if ("*".equals(col)) {
                    labels.put(table + ".row." + row, label);
                    if ("t3".equals(table)) {
                        for (Template t : Template.values()) {
                            if ("both".equals(template) || t.code().equals(template)) {
                                t3Rows.get(t).add(row);
                            }
                        }
                    } else {
                        t4Rows.add(row);
                    }
                } else {
                    labels.put(table + ".col." + col, label);
                    ("t3".equals(table) ? t3Cols : t4Cols).add(col);
                }
            }
            return new Codebook(freeze(t2), freezeLists(t3Rows), List.copyOf(t3Cols), List.copyOf(t4Rows),
                    List.copyOf(t4Cols), Collections.unmodifiableMap(labels));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<Template, Map<String, List<String>>> freeze(Map<Template, Map<String, List<String>>> t2) {
        Map<Template, Map<String, List<String>>> frozen = new LinkedHashMap<>();
        t2.forEach((t, rows) -> {
            Map<String, List<String>> r = new LinkedHashMap<>();
            rows.forEach((row, cols) -> r.put(row, List.copyOf(cols)));
            frozen.put(t, Collections.unmodifiableMap(r));
        });
        return Collections.unmodifiableMap(frozen);
    }

    private static Map<Template, List<String>> freezeLists(Map<Template, List<String>> rows) {
        Map<Template, List<String>> frozen = new LinkedHashMap<>();
        rows.forEach((t, list) -> frozen.put(t, List.copyOf(list)));
        return Collections.unmodifiableMap(frozen);
    }

    /** codes.csv quotes labels that hold commas or quotes, doubling inner quotes. */
    private static List<String> parseCsvLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
