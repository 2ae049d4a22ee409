package app.nianbao.parse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises a template row by the words of its label that survive OCR and line breaks.
 * Labels are compared without whitespace; where a label is illegible, position decides.
 */
record RowPattern(String row, Pattern pattern) {

    static RowPattern of(String row, String regex) {
        return new RowPattern(row, Pattern.compile(regex));
    }

    boolean matches(String compactLabel) {
        return pattern.matcher(compactLabel).find();
    }

    /** Table 3, both templates; a template's own row list says which of these it has. */
    static final List<RowPattern> T3 = List.of(
            of("new_received", "本年新收|新收政府信息"),
            of("carried_over", "上年结转"),
            of("granted", "予以公开"),
            of("partial", "部分公开"),
            of("refused_state_secret", "国家秘密"),
            of("refused_law_forbidden", "法律行政法规|禁止公开"),
            of("refused_three_safety", "三安全|一稳定"),
            of("refused_third_party", "第三方"),
            of("refused_internal", "内部事务"),
            of("refused_process", "过程性"),
            of("refused_enforcement_file", "执法案卷"),
            of("refused_query", "行政查询|查询事项"),
            of("unable_not_held", "不掌握"),
            of("unable_need_create", "另行制作|没有现成"),
            of("unable_unclear", "仍不明确|补正后申请"),
            of("ignored_petition", "信访|举报投诉"),
            of("ignored_duplicate", "重复申请"),
            of("ignored_publication", "出版物"),
            of("ignored_massive", "大量反复|无正当理由大量"),
            of("ignored_confirm", "重新出具|确认或"),
            of("other_no_correction", "逾期不补正|不补正"),
            of("other_no_fee", "收费通知|缴纳费用|未按收费"),
            of("other_other", "^(\\d+[.．、]?)?其他$|[3３][.．、]其他$"),
            of("other", "其他处理$"),
            of("total_processed", "总计$"),
            of("carried_forward", "结转下年"));

    /** Table 2, both templates. */
    static final List<RowPattern> T2 = List.of(
            of("rules", "^规章|规章$"),
            of("normative_docs", "规范性文件"),
            of("licensing", "行政许可"),
            of("other_admin_services", "其他对外管理服务"),
            of("penalty", "行政处罚"),
            of("coercion", "行政强制"),
            of("fees", "行政事业性收费|事业性收费"),
            of("procurement", "集中采购"));
}
