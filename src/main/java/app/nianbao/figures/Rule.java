package app.nianbao.figures;

import java.util.Optional;

/**
 * Every rule a finding can name, the one place its id and its name in both languages live:
 * the checks write findings under these ids, the views and the quality score read them, and
 * README's tables are tested against this list. R rules check a stored report (R1–R4 the
 * template's identities, R5–R6 against the year before, R7–R8 the cells, R9–R11 the narrative
 * and jumps); P rules are the reader's own.
 */
public enum Rule {
    R1("表三：新收 + 结转 ≠ 办理 + 结转下年", "new + carried over ≠ processed + carried forward (table 3)"),
    R2("表三某行各申请人列之和不等于总计", "a row of table 3 does not add up across applicant columns"),
    R3("办理结果之和不等于办理总计", "the outcomes do not add up to the total processed"),
    R4("表四某组之和不等于总计", "a group of table 4 does not add up to its total"),
    R5("上年结转与上一年的结转下年度不一致", "carried over differs from last year's carried forward"),
    R6("现行有效件数与上一年不衔接", "documents in force do not follow from last year"),
    R7("计数为负或不是整数", "a count is negative or not a whole number"),
    R8("模板单元格空白", "a cell of the template is blank"),
    R9("正文与表格矛盾", "the narrative contradicts the tables"),
    R10("数字较上年变化超过五倍", "a figure jumps more than five-fold against last year"),
    R11("正文与上一年几乎相同", "the narrative repeats last year's almost word for word"),
    P1("未找到模板的表或行", "a table or row of the template was not found"),
    P2("某行在提取中丢失单元格", "a row lost cells in extraction"),
    P3("修复了字符才读出数字", "a character was repaired to read a number"),
    P4("表二与表三属于不同模板", "table 2 belongs to the other template than table 3"),
    P5("某行数字多于模板列数", "a row had more numbers than the template has columns"),
    P6("标题中没有机构或年度", "the title gave no agency or no year"),
    P7("标题中的机构名称按行政区划名称或已有机构名称更正",
            "the agency name in the title was corrected to an official division name or a stored agency's name"),
    P8("数字粘连：按勾稽关系拆分，或无法唯一拆分而留空", "numbers glued together: split by the identities, or left blank where no split is unique"),
    P9("文字识别未能确认某行的数字：按勾稽关系推断，或留空", "OCR could not confirm some numbers of a row: inferred by the identities, or left blank");

    private final String zh;
    private final String en;

    Rule(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** The id findings are stored under ("R8"). */
    public String id() {
        return name();
    }

    public String label(boolean english) {
        return english ? en : zh;
    }

    /** The rule of a stored id; empty for one this version does not know (a store written by a later one). */
    public static Optional<Rule> of(String id) {
        for (Rule rule : values()) {
            if (rule.name().equals(id)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Whether a finding of this rule is the reader's own (P) rather than a check of the stored report (R). */
    public boolean fromReader() {
        return name().startsWith("P");
    }

    /** Whether the rule compares a report with the same agency's year before (it can only run where that year is known). */
    public boolean acrossYears() {
        return this == R5 || this == R6 || this == R10 || this == R11;
    }
}
