package app.nianbao.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Codebook;
import app.nianbao.catalog.Template;
import app.nianbao.figures.Cell;
import app.nianbao.figures.CellKind;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;
import app.nianbao.figures.Identities;
import app.nianbao.figures.ReportRules;
import app.nianbao.figures.Rule;
import app.nianbao.figures.Severity;

/**
 * Finds tables 2, 3 and 4 among a report's lines and reads them into the template's cells.
 * Table 3 anchors everything: its first row is found by its label, the template is read off
 * its rows, and tables 2 and 4 are looked for before and after it.
 */
final class TableReader {

    private static final int T3_MIN_VALUES = 4;
    private static final int T4_MIN_VALUES = 10;
    /** Splits of a glued row named in its finding: enough for a reader to pick the printed one. */
    private static final int CANDIDATES_SHOWN = 30;

    private final List<Row> rows;
    private final List<Finding> findings = new ArrayList<>();
    private final List<LostCellSolver.DefectiveRow> defective = new ArrayList<>();
    private final Codebook book = Codebook.get();

    record Tables(Figures figures, List<Finding> findings) {
    }

    /** The numbers of a row are glued together (crawled page text): a row with fewer than its cells is split, not placed. */
    private final boolean glued;

    private TableReader(List<Line> lines, boolean glued) {
        this.rows = lines.stream().map(Row::of).toList();
        this.glued = glued;
    }

    static Tables read(List<Line> lines) throws UnreadableReportException {
        return read(lines, false);
    }

    static Tables read(List<Line> lines, boolean glued) throws UnreadableReportException {
        return new TableReader(lines, glued).read();
    }

    private Tables read() throws UnreadableReportException {
        int t3Start = findT3Start();
        List<Row> t3Rows = new ArrayList<>();
        int t3End = collectT3(t3Start, t3Rows);
        if (t3Rows.size() < 3) {
            throw new UnreadableReportException("未找到表三（收到和处理政府信息公开申请情况）", "no table 3 found");
        }
        Template template = detectTemplate(t3Rows);
        Figures figures = new Figures(template);
        readT3(figures, t3Rows);
        readT2(figures, t3Start);
        readT4(figures, t3End);
        resolveLostCells(figures);
        reportMissingT3Rows(figures);
        reportRepairs(figures);
        return new Tables(figures, findings);
    }

    private int findT3Start() throws UnreadableReportException {
        RowPattern newReceived = RowPattern.T3.get(0);
        for (int i = 0; i < rows.size(); i++) {
            if (newReceived.matches(rows.get(i).label())) {
                return i;
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).line().compact().contains("收到和处理政府信息公开申请")) {
                return i;
            }
        }
        throw new UnreadableReportException("未找到表三（收到和处理政府信息公开申请情况）", "no table 3 found");
    }

    /** Collects table 3's data rows with the labels of the lines around them; returns the index after the table. */
    private int collectT3(int start, List<Row> out) {
        StringBuilder pending = new StringBuilder();
        RowPattern carriedForward = RowPattern.T3.get(RowPattern.T3.size() - 1);
        for (int i = start; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.values().size() >= T3_MIN_VALUES || glued && LostCellSolver.digits(row.values()) >= book.t3Columns().size()) {
                String label = row.label().isEmpty() ? pending.toString() : row.label();
                out.add(new Row(row.line(), label, row.values()));
                pending.setLength(0);
                if (carriedForward.matches(row.label()) || out.size() >= 30) {
                    return i + 1;
                }
            } else if (!out.isEmpty() && row.line().compact().contains("行政复议")) {
                return i;
            } else {
                pending.append(row.label());
            }
        }
        return rows.size();
    }

    /** The 2021 template has three 其他处理 rows where 2019 has one; the rows themselves say which. */
    private Template detectTemplate(List<Row> t3Rows) {
        for (Row row : t3Rows) {
            if (pattern("other_no_correction").matches(row.label()) || pattern("other_no_fee").matches(row.label())) {
                return Template.T2021;
            }
        }
        for (Row row : t3Rows) {
            if (pattern("other").matches(row.label())) {
                return Template.T2019;
            }
        }
        return t3Rows.size() >= 24 ? Template.T2021 : Template.T2019;
    }

    private void readT3(Figures figures, List<Row> t3Rows) {
        List<String> templateRows = book.t3Rows(figures.template());
        List<String> cols = book.t3Columns();
        int last = -1;
        for (Row row : t3Rows) {
            int index = assign(templateRows, last, row.label());
            if (index >= templateRows.size()) {
                findings.add(Finding.of(Rule.P5.id(), Severity.WARNING, "t3", null, null,
                        "%s：表三多出一行数字「%s」，未采用".formatted(row.source(), row.line().text())));
                continue;
            }
            last = index;
            List<CellCode> slots = cols.stream().map(c -> new CellCode("t3", templateRows.get(index), c)).toList();
            place(figures, slots, row);
        }
    }

    private void reportRepairs(Figures figures) {
        for (Cell cell : figures.cells()) {
            if (cell.kind() == CellKind.REPAIRED) {
                CellCode c = cell.code();
                findings.add(new Finding(Rule.P3.id(), Severity.INFO, c.table(), c.row(), c.col(), null, cell.value(),
                        "%s：%s 原文为「%s」，按 %s 读取".formatted(cell.source(), ReportRules.cellName(c), cell.raw(),
                                ReportRules.plain(cell.value()))));
            }
        }
    }

    /** Runs after lost cells are resolved, whose rows have a source even when the solver left them empty. */
    private void reportMissingT3Rows(Figures figures) {
        for (String r : book.t3Rows(figures.template())) {
            if (figures.cell("t3", r, "total").source() == null && figures.cell("t3", r, "natural").source() == null) {
                findings.add(Finding.of(Rule.P1.id(), Severity.ERROR, "t3", r, null,
                        "表三未找到「%s」行".formatted(book.rowLabel("t3", r).zh())));
            }
        }
    }

    /** The row a data line is: the next row its label names, else the next row in template order. */
    private int assign(List<String> templateRows, int last, String label) {
        for (int i = last + 1; i < templateRows.size(); i++) {
            if (pattern(templateRows.get(i)).matches(label)) {
                return i;
            }
        }
        return last + 1;
    }

    private static RowPattern pattern(String row) {
        for (RowPattern p : RowPattern.T3) {
            if (p.row().equals(row)) {
                return p;
            }
        }
        throw new IllegalArgumentException(row);
    }

    /** Puts a row's values into its slots; too few values make it a row for the lost-cell solver. */
    private void place(Figures figures, List<CellCode> slots, Row row) {
        List<ValueToken> values = row.values();
        if (values.size() > slots.size()) {
            findings.add(Finding.of(Rule.P5.id(), Severity.WARNING, slots.get(0).table(), slots.get(0).row(), null,
                    "%s：该行有 %d 个数值，模板只有 %d 列，采用最后 %d 个".formatted(row.source(), values.size(),
                            slots.size(), slots.size())));
            values = values.subList(values.size() - slots.size(), values.size());
        }
        if (values.size() < slots.size()) {
            defective.add(new LostCellSolver.DefectiveRow(slots, values.stream().filter(ValueToken::isNumber).toList(),
                    row.source(), glued ? LostCellSolver.Defect.GLUED : LostCellSolver.Defect.LOST));
            return;
        }
        if (values.stream().anyMatch(ValueToken::isUnread)) {
            defective.add(new LostCellSolver.DefectiveRow(slots, values, row.source(), LostCellSolver.Defect.UNREAD));
            return;
        }
        for (int i = 0; i < slots.size(); i++) {
            ValueToken v = values.get(i);
            figures.put(new Cell(slots.get(i), v.value(), v.kind(), v.kind() == CellKind.BLANK ? null : v.raw(), row.source()));
        }
    }

    private void readT2(Figures figures, int t3Start) {
        int start = -1;
        for (int i = 0; i < t3Start; i++) {
            String c = rows.get(i).line().compact();
            if (c.contains("主动公开政府信息情况") || (start < 0 && c.contains("第二十条"))) {
                start = i;
            }
        }
        Map<String, List<String>> t2 = book.t2(figures.template());
        if (start < 0) {
            findings.add(Finding.of(Rule.P1.id(), Severity.ERROR, "t2", null, null, "未找到表二（主动公开政府信息情况）"));
            return;
        }
        headerTemplate(start, t3Start).filter(t -> t != figures.template()).ifPresent(t -> findings.add(
                Finding.of(Rule.P4.id(), Severity.WARNING, "t2", null, null,
                        "表二的表头属于 %s 年模板，而表三属于 %s 年模板；表二按表三的模板读取".formatted(t.code(),
                                figures.template().code()))));
        StringBuilder pending = new StringBuilder();
        String above = "";
        for (int i = start; i < t3Start; i++) {
            Row row = rows.get(i);
            if (row.values().isEmpty()) {
                pending.append(row.label());
                above = row.label();
                continue;
            }
            // a label that wrapped in a narrow column ("行政规范性文" / "件 77 132 470") is read whole
            String wrapped = above + row.label();
            Optional<String> code = t2Row(row.label(), t2).or(() -> t2Row(wrapped, t2)).or(() -> t2Row(pending.toString(), t2));
            pending.setLength(0);
            above = "";
            if (code.isEmpty() || figures.cell("t2", code.get(), t2.get(code.get()).get(0)).source() != null) {
                continue;
            }
            List<CellCode> slots = t2.get(code.get()).stream().map(c -> new CellCode("t2", code.get(), c)).toList();
            int end = continuedValues(i, t3Start, slots.size());
            if (end > i) {
                row = new Row(row.line(), row.label(), valuesOf(i, end));
                i = end;
            }
            if (row.values().size() < slots.size() && !glued) {
                for (CellCode slot : slots) {
                    figures.put(Cell.missing(slot, row.source()));
                }
                findings.add(Finding.of(Rule.P2.id(), Severity.ERROR, "t2", code.get(), null,
                        "%s：表二「%s」行只读到 %d 个数值（应有 %d 个），无法确定位置，整行留空".formatted(row.source(),
                                book.rowLabel("t2", code.get()).zh(), row.values().size(), slots.size())));
            } else {
                place(figures, slots, row);
            }
        }
        for (String r : t2.keySet()) {
            CellCode first = new CellCode("t2", r, t2.get(r).get(0));
            boolean toSolve = defective.stream().anyMatch(d -> d.slots().contains(first));
            if (figures.cell(first).source() == null && !toSolve) {
                findings.add(Finding.of(Rule.P1.id(), Severity.ERROR, "t2", r, null,
                        "表二未找到「%s」行".formatted(book.rowLabel("t2", r).zh())));
            }
        }
    }

    /**
     * The last line of a row whose values wrapped onto lines of their own ("规章 0" / "0 0"): the
     * unlabelled lines right below that bring the row to exactly its count of values, else {@code from}.
     */
    private int continuedValues(int from, int to, int wanted) {
        int count = rows.get(from).values().size();
        for (int j = from + 1; j < to && count < wanted; j++) {
            Row next = rows.get(j);
            if (!next.label().isEmpty() || next.values().isEmpty()) {
                return from;
            }
            count += next.values().size();
            if (count == wanted) {
                return j;
            }
        }
        return from;
    }

    private List<ValueToken> valuesOf(int from, int to) {
        List<ValueToken> values = new ArrayList<>();
        for (int j = from; j <= to; j++) {
            values.addAll(rows.get(j).values());
        }
        return values;
    }

    private Optional<Template> headerTemplate(int from, int to) {
        for (int i = from; i < to; i++) {
            String c = rows.get(i).line().compact();
            if (c.contains("本年制发") || c.contains("现行有效")) {
                return Optional.of(Template.T2021);
            }
            if (c.contains("新制作数量") || c.contains("上一年项目") || c.contains("对外公开总数")) {
                return Optional.of(Template.T2019);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> t2Row(String label, Map<String, List<String>> t2) {
        for (RowPattern p : RowPattern.T2) {
            if (t2.containsKey(p.row()) && p.matches(label)) {
                return Optional.of(p.row());
            }
        }
        return Optional.empty();
    }

    private void readT4(Figures figures, int t3End) {
        List<CellCode> slots = new ArrayList<>();
        for (String group : book.t4Rows()) {
            for (String col : book.t4Columns()) {
                slots.add(new CellCode("t4", group, col));
            }
        }
        for (int i = t3End; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.values().size() < T4_MIN_VALUES && !(glued && LostCellSolver.digits(row.values()) >= slots.size())) {
                continue;
            }
            List<ValueToken> values = new ArrayList<>(row.values());
            // A long line of 15 numbers may wrap; a following line of numbers alone continues it.
            for (int j = i + 1; j < rows.size() && values.size() < slots.size(); j++) {
                Row next = rows.get(j);
                if (!next.label().isEmpty() || next.values().isEmpty()) {
                    break;
                }
                values.addAll(next.values());
            }
            place(figures, slots, new Row(row.line(), row.label(), values));
            return;
        }
        if (!readStackedT4(figures, t3End)) {
            findings.add(Finding.of(Rule.P1.id(), Severity.ERROR, "t4", null, null, "未找到表四（行政复议、行政诉讼情况）的数字行"));
        }
    }

    /**
     * Table 4 printed as small tables, one per kind of case — a heading naming it (行政复议, 未经复议直接起诉,
     * 复议后起诉) and a row of its five numbers — as converters and some agencies lay it out. A kind
     * whose row is not found stays blank and is flagged like any missing cell.
     */
    private boolean readStackedT4(Figures figures, int t3End) {
        int width = book.t4Columns().size();
        Map<String, Row> byGroup = new LinkedHashMap<>();
        String group = null;
        for (int i = t3End; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (!row.label().isEmpty()) {
                group = t4Group(row.label()).orElse(group);
            }
            if (group != null && row.label().isEmpty() && row.values().size() == width) {
                byGroup.putIfAbsent(group, row);
            }
        }
        byGroup.forEach((code, row) -> place(figures, book.t4Columns().stream().map(col -> new CellCode("t4", code, col)).toList(), row));
        return !byGroup.isEmpty();
    }

    private static Optional<String> t4Group(String label) {
        if (label.contains("复议后")) {
            return Optional.of("suit_after_review");
        }
        if (label.contains("未经复议") || label.contains("直接起诉")) {
            return Optional.of("suit_direct");
        }
        return label.contains("行政复议") ? Optional.of("review") : Optional.empty();
    }

    private void resolveLostCells(Figures figures) {
        LostCellSolver solver = new LostCellSolver(figures, Identities.of(figures.template()));
        for (LostCellSolver.Outcome outcome : solver.solve(defective)) {
            LostCellSolver.DefectiveRow row = outcome.row();
            CellCode first = row.slots().get(0);
            int lost = row.slots().size() - row.read().size();
            String where = first.table().equals("t3") ? "表三「%s」行".formatted(book.rowLabel("t3", first.row()).zh())
                    : first.table().equals("t4") ? "表四" : "表二「%s」行".formatted(book.rowLabel("t2", first.row()).zh());
            String tableRow = first.table().equals("t4") ? null : first.row();
            if (row.defect() == LostCellSolver.Defect.UNREAD) {
                long unread = row.read().stream().filter(ValueToken::isUnread).count();
                long left = row.slots().size() - outcome.resolvedCells();
                findings.add(left == 0
                        ? Finding.of(Rule.P9.id(), Severity.INFO, first.table(), tableRow, null,
                                "%s：%s有 %d 个数字文字识别不能确认，已由表内勾稽关系推断".formatted(row.source(), where, unread))
                        : Finding.of(Rule.P9.id(), Severity.ERROR, first.table(), tableRow, null,
                                "%s：%s有 %d 个数字文字识别不能确认，勾稽关系也不能确定，%d 个单元格留空待核".formatted(row.source(), where,
                                        unread, left)));
            } else if (row.glued()) {
                String printed = String.join(" ", row.read().stream().map(ValueToken::raw).toList());
                if (outcome.unique()) {
                    findings.add(Finding.of(Rule.P8.id(), Severity.INFO, first.table(), tableRow, null,
                            "%s：%s的数字粘连为「%s」，按表内勾稽关系唯一拆分为 %s".formatted(row.source(), where, printed,
                                    String.join("、", outcome.candidates().get(0)))));
                } else {
                    findings.add(Finding.of(Rule.P8.id(), Severity.ERROR, first.table(), tableRow, null,
                            "%s：%s的数字粘连为「%s」，勾稽关系不能唯一拆分，%d 个单元格留空待核；可能的拆分（共 %d 种）：%s".formatted(
                                    row.source(), where, printed, row.slots().size() - outcome.resolvedCells(), outcome.candidates().size(),
                                    String.join("；", outcome.candidates().stream().limit(CANDIDATES_SHOWN).map(c -> String.join("|", c)).toList())
                                            + (outcome.candidates().size() > CANDIDATES_SHOWN ? "…" : ""))));
                }
            } else if (outcome.unique()) {
                findings.add(Finding.of(Rule.P2.id(), Severity.INFO, first.table(), tableRow, null,
                        "%s：%s只读到 %d 个数值（应有 %d 个）；丢失的 %d 个由表内勾稽关系唯一确定，已推断填入".formatted(
                                row.source(), where, row.read().size(), row.slots().size(), lost)));
            } else {
                findings.add(Finding.of(Rule.P2.id(), Severity.ERROR, first.table(), tableRow, null,
                        "%s：%s只读到 %d 个数值（应有 %d 个）；勾稽关系不能唯一确定丢失的位置和数值，%d 个单元格留空待核".formatted(
                                row.source(), where, row.read().size(), row.slots().size(),
                                row.slots().size() - outcome.resolvedCells())));
            }
        }
    }
}
