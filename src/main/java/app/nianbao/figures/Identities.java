package app.nianbao.figures;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Codebook;
import app.nianbao.catalog.Template;
import app.nianbao.figures.Identity.Term;

/** The identities R1–R4 of FORMAT.md for each template, built once from the codebook. */
public final class Identities {

    private static final Map<Template, List<Identity>> BY_TEMPLATE = new EnumMap<>(Template.class);
    private static final String[] ORDINALS = {"一", "二", "三", "四", "五", "六", "七"};

    static {
        for (Template template : Template.values()) {
            BY_TEMPLATE.put(template, List.copyOf(build(template)));
        }
    }

    private Identities() {
    }

    public static List<Identity> of(Template template) {
        return BY_TEMPLATE.get(template);
    }

    /** The outcome rows of table 3 whose sum is 办理总计 (R3): from 予以公开 to the last 其他. */
    public static List<String> outcomeRows(Template template) {
        List<String> rows = Codebook.get().t3Rows(template);
        return rows.subList(rows.indexOf("granted"), rows.indexOf("total_processed"));
    }

    /** The short name a message gives a table 3 column, e.g. 自然人, 商业企业, 总计. */
    public static String columnName(String col) {
        String zh = Codebook.get().colLabel("t3", col).zh();
        if ("other_org".equals(col)) {
            return "其他组织";
        }
        return zh.startsWith("法人或其他组织 ") ? zh.substring("法人或其他组织 ".length()) : zh;
    }

    public static String groupName(String group) {
        return Codebook.get().rowLabel("t4", group).zh();
    }

    private static List<Identity> build(Template template) {
        Codebook book = Codebook.get();
        List<String> cols = book.t3Columns();
        List<String> parts = cols.subList(0, cols.size() - 1);
        List<Identity> identities = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            String col = cols.get(i);
            String scope = "第%s列（%s）".formatted(ORDINALS[i], columnName(col));
            identities.add(new Identity(Rule.R1.id(), scope, t3("total_processed", col),
                    List.of(term(t3("new_received", col), "新收"), term(t3("carried_over", col), "上年结转")),
                    List.of(term(t3("total_processed", col), "办理总计"), term(t3("carried_forward", col), "结转下年度"))));
        }
        for (String row : book.t3Rows(template)) {
            List<Term> sum = new ArrayList<>();
            for (String part : parts) {
                sum.add(term(t3(row, part), columnName(part)));
            }
            identities.add(new Identity(Rule.R2.id(), "「%s」行".formatted(book.rowLabel("t3", row).zh()), t3(row, "total"),
                    List.of(term(t3(row, "total"), "总计")), sum));
        }
        for (int i = 0; i < cols.size(); i++) {
            String col = cols.get(i);
            List<Term> outcomes = new ArrayList<>();
            for (String row : outcomeRows(template)) {
                outcomes.add(term(t3(row, col), book.rowLabel("t3", row).zh()));
            }
            identities.add(new Identity(Rule.R3.id(), "第%s列（%s）".formatted(ORDINALS[i], columnName(col)),
                    t3("total_processed", col), List.of(term(t3("total_processed", col), "办理总计")), outcomes));
        }
        for (String group : book.t4Rows()) {
            List<Term> results = new ArrayList<>();
            for (String col : book.t4Columns().subList(0, book.t4Columns().size() - 1)) {
                results.add(term(new CellCode("t4", group, col), book.colLabel("t4", col).zh()));
            }
            identities.add(new Identity(Rule.R4.id(), groupName(group), new CellCode("t4", group, "total"),
                    List.of(term(new CellCode("t4", group, "total"), "总计")), results));
        }
        return identities;
    }

    private static CellCode t3(String row, String col) {
        return new CellCode("t3", row, col);
    }

    private static Term term(CellCode cell, String name) {
        return new Term(cell, name);
    }
}
