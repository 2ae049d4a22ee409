package app.nianbao.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;


/**
 * The metrics of the dashboard and the API. A count is a sum of cells over the scope; a rate is
 * recomputed from those sums (never an average of agencies' rates). Each names the cell sums it
 * needs: {@code code} is "table.row.col" or "table.row_prefix*.col" for a family of rows.
 */
public enum Metric {
    NEW_APPLICATIONS("本年新收申请", "新收申请总计（表三一、总计列）", "New applications", "New applications received this year, total column (table 3, row 1)", List.of("t3.new_received.total"), List.of()),
    NEW_NATURAL("新收：自然人", "本年新收申请，自然人列", "New: natural persons", "New applications from natural persons", List.of("t3.new_received.natural"), List.of()),
    NEW_COMMERCIAL("新收：商业企业", "本年新收申请，商业企业列", "New: businesses", "New applications from commercial enterprises", List.of("t3.new_received.commercial"), List.of()),
    NEW_RESEARCH("新收：科研机构", "本年新收申请，科研机构列", "New: research institutions", "New applications from research institutions", List.of("t3.new_received.research"), List.of()),
    NEW_SOCIAL("新收：社会公益组织", "本年新收申请，社会公益组织列", "New: public-interest organisations", "New applications from social public-interest organisations", List.of("t3.new_received.social"), List.of()),
    NEW_LEGAL("新收：法律服务机构", "本年新收申请，法律服务机构列", "New: legal services", "New applications from legal service institutions", List.of("t3.new_received.legal"), List.of()),
    NEW_OTHER_ORG("新收：其他组织", "本年新收申请，法人或其他组织·其他列", "New: other organisations", "New applications from other legal persons or organisations", List.of("t3.new_received.other_org"), List.of()),
    CARRIED_OVER("上年结转", "上年结转申请（表三二、总计列）", "Carried over", "Applications carried over from last year (table 3, row 2)", List.of("t3.carried_over.total"), List.of()),
    PROCESSED("办理总计", "本年办理结果总计（表三三(七)）", "Processed", "Total of this year's outcomes (table 3, row 3(7))", List.of("t3.total_processed.total"), List.of()),
    CARRIED_FORWARD("结转下年度", "结转下年度继续办理（表三四、）", "Carried forward", "Applications carried forward to next year (table 3, row 4)", List.of("t3.carried_forward.total"), List.of()),
    GRANTED("予以公开", "予以公开件数", "Granted", "Applications granted in full", List.of("t3.granted.total"), List.of()),
    PARTIAL("部分公开", "部分公开件数", "Partly granted", "Applications granted in part", List.of("t3.partial.total"), List.of()),
    REFUSED("不予公开", "不予公开八种理由之和", "Refused", "Sum of the eight refusal reasons", List.of("t3.refused_*.total"), List.of()),
    UNABLE("无法提供", "无法提供三种情形之和", "Unable to provide", "Sum of the three unable-to-provide cases", List.of("t3.unable_*.total"), List.of()),
    NOT_PROCESSED("不予处理", "不予处理五种情形之和", "Not processed", "Sum of the five not-processed cases", List.of("t3.ignored_*.total"), List.of()),
    OTHER("其他处理", "其他处理（2019 模板一行，2021 模板三行之和）", "Other outcome", "Other handling (one row in the 2019 template, three rows summed in 2021)", List.of("t3.other*.total"), List.of()),
    // Each outcome row of table 3, named as codes.csv names it: the drill-down below the groups.
    REFUSED_STATE_SECRET("refused_state_secret"),
    REFUSED_LAW_FORBIDDEN("refused_law_forbidden"),
    REFUSED_THREE_SAFETY("refused_three_safety"),
    REFUSED_THIRD_PARTY("refused_third_party"),
    REFUSED_INTERNAL("refused_internal"),
    REFUSED_PROCESS("refused_process"),
    REFUSED_ENFORCEMENT_FILE("refused_enforcement_file"),
    REFUSED_QUERY("refused_query"),
    UNABLE_NOT_HELD("unable_not_held"),
    UNABLE_NEED_CREATE("unable_need_create"),
    UNABLE_UNCLEAR("unable_unclear"),
    IGNORED_PETITION("ignored_petition"),
    IGNORED_DUPLICATE("ignored_duplicate"),
    IGNORED_PUBLICATION("ignored_publication"),
    IGNORED_MASSIVE("ignored_massive"),
    IGNORED_CONFIRM("ignored_confirm"),
    DISCLOSURE_RATE("实质公开率", "(予以公开 + 部分公开) ÷ 办理总计", "Disclosure rate", "(granted + partly granted) ÷ total processed", List.of("t3.granted.total", "t3.partial.total"),
            List.of("t3.total_processed.total")),
    GRANTED_RATE("予以公开率", "予以公开 ÷ 办理总计", "Granted-only rate", "granted ÷ total processed", List.of("t3.granted.total"), List.of("t3.total_processed.total")),
    REFUSAL_RATE("不予公开率", "不予公开 ÷ 办理总计", "Refusal rate", "refused ÷ total processed", List.of("t3.refused_*.total"), List.of("t3.total_processed.total")),
    UNABLE_RATE("无法提供率", "无法提供 ÷ 办理总计", "Unable-to-provide rate", "unable to provide ÷ total processed", List.of("t3.unable_*.total"), List.of("t3.total_processed.total")),
    NOT_PROCESSED_RATE("不予处理率", "不予处理 ÷ 办理总计", "Not-processed rate", "not processed ÷ total processed", List.of("t3.ignored_*.total"), List.of("t3.total_processed.total")),
    REVIEWS("行政复议", "行政复议总计（表四）", "Administrative reviews", "Administrative reviews, total (table 4)", List.of("t4.review.total"), List.of()),
    LAWSUITS("行政诉讼", "行政诉讼总计（未经复议直接起诉 + 复议后起诉）", "Lawsuits", "Lawsuits, total (filed directly + after review)", List.of("t4.suit_direct.total", "t4.suit_after_review.total"),
            List.of()),
    REVIEW_CORRECTION_RATE("复议纠错率", "行政复议结果纠正 ÷ (总计 − 尚未审结)", "Review correction rate", "reviews corrected ÷ (total − pending)", List.of("t4.review.corrected"),
            List.of("t4.review.total", "-t4.review.pending")),
    LITIGATION_CORRECTION_RATE("诉讼纠错率", "行政诉讼结果纠正 ÷ (总计 − 尚未审结)，两类诉讼合计", "Litigation correction rate", "lawsuits corrected ÷ (total − pending), both kinds of lawsuit",
            List.of("t4.suit_direct.corrected", "t4.suit_after_review.corrected"),
            List.of("t4.suit_direct.total", "t4.suit_after_review.total", "-t4.suit_direct.pending", "-t4.suit_after_review.pending")),
    CORRECTION_RATE("总纠错率", "复议与诉讼结果纠正 ÷ (总计 − 尚未审结)，三组合计", "Correction rate", "reviews and lawsuits corrected ÷ (total − pending), all three groups",
            List.of("t4.review.corrected", "t4.suit_direct.corrected", "t4.suit_after_review.corrected"),
            List.of("t4.review.total", "t4.suit_direct.total", "t4.suit_after_review.total", "-t4.review.pending",
                    "-t4.suit_direct.pending", "-t4.suit_after_review.pending")),
    DISPUTES_PER_100("每百件申请争议数", "(行政复议 + 行政诉讼) ÷ 本年新收申请 × 100", "Disputes per 100 applications", "(reviews + lawsuits) ÷ new applications × 100",
            List.of("t4.review.total", "t4.suit_direct.total", "t4.suit_after_review.total"), List.of("t3.new_received.total")),
    // Table 2, proactive disclosure. "a|b" takes whichever of the cells the report's template prints.
    RULES_ISSUED("规章制发（新制作）件数", "2021 模板：规章本年制发件数；2019 模板：规章本年新制作数量（口径不同）", "Rules issued (newly made)",
            "2021 template: rules issued this year; 2019 template: rules newly made (defined differently)",
            List.of("t2.rules.issued|t2.rules.new_made"), List.of()),
    NORMATIVE_DOCS_ISSUED("规范性文件制发（新制作）件数", "2021 模板：行政规范性文件本年制发件数；2019 模板：规范性文件本年新制作数量（口径不同）",
            "Normative documents issued (newly made)",
            "2021 template: normative documents issued this year; 2019 template: newly made (defined differently)",
            List.of("t2.normative_docs.issued|t2.normative_docs.new_made"), List.of()),
    NORMATIVE_DOCS_IN_FORCE("现行有效规范性文件", "行政规范性文件现行有效件数（仅 2021 模板）", "Normative documents in force",
            "Normative documents in force (2021 template only)", List.of("t2.normative_docs.in_force"), List.of()),
    LICENSING_DECISIONS("行政许可处理决定", "行政许可本年处理决定数量（两版模板口径相同）", "Licensing decisions",
            "Licensing decisions this year (alike in both templates)", List.of("t2.licensing.decisions"), List.of()),
    PENALTY_DECISIONS("行政处罚处理决定", "行政处罚本年处理决定数量（两版模板口径相同）", "Penalty decisions",
            "Penalty decisions this year (alike in both templates)", List.of("t2.penalty.decisions"), List.of()),
    COERCION_DECISIONS("行政强制处理决定", "行政强制本年处理决定数量（两版模板口径相同）", "Coercive measure decisions",
            "Coercive measure decisions this year (alike in both templates)", List.of("t2.coercion.decisions"), List.of()),
    FEES_COLLECTED("行政事业性收费（万元）", "行政事业性收费本年收费金额，万元（仅 2021 模板）", "Administrative fees collected (10k CNY)",
            "Administrative fees collected this year, 10,000 CNY (2021 template only)", List.of("t2.fees.amount_10k_yuan"), List.of());

    private final String zh;
    private final String definition;
    private final String en;
    private final String definitionEn;
    private final List<String> numerator;
    private final List<String> denominator;

    /** One row of table 3, total column, with its labels from codes.csv. */
    Metric(String t3Row) {
        this(Codebook.get().rowLabel("t3", t3Row).zh(), "表三「" + Codebook.get().rowLabel("t3", t3Row).zh() + "」行总计列",
                Codebook.get().rowLabel("t3", t3Row).en(), "Table 3, row \"" + Codebook.get().rowLabel("t3", t3Row).en()
                        + "\", total column", List.of("t3." + t3Row + ".total"), List.of());
    }

    Metric(String zh, String definition, String en, String definitionEn, List<String> numerator, List<String> denominator) {
        this.zh = zh;
        this.definition = definition;
        this.en = en;
        this.definitionEn = definitionEn;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** The rows behind each outcome group that has several, for drilling down from the group. */
    public static final Map<Metric, List<Metric>> ROWS_OF = Map.of(
            REFUSED, List.of(REFUSED_STATE_SECRET, REFUSED_LAW_FORBIDDEN, REFUSED_THREE_SAFETY, REFUSED_THIRD_PARTY, REFUSED_INTERNAL,
                    REFUSED_PROCESS, REFUSED_ENFORCEMENT_FILE, REFUSED_QUERY),
            UNABLE, List.of(UNABLE_NOT_HELD, UNABLE_NEED_CREATE, UNABLE_UNCLEAR),
            NOT_PROCESSED, List.of(IGNORED_PETITION, IGNORED_DUPLICATE, IGNORED_PUBLICATION, IGNORED_MASSIVE, IGNORED_CONFIRM));

    /** Table 2 figures, which the dashboard shows together. */
    public static final List<Metric> PROACTIVE = List.of(RULES_ISSUED, NORMATIVE_DOCS_ISSUED, NORMATIVE_DOCS_IN_FORCE,
            LICENSING_DECISIONS, PENALTY_DECISIONS, COERCION_DECISIONS, FEES_COLLECTED);

    /** New applications by applicant type, in the template's column order. */
    public static final List<Metric> BY_APPLICANT = List.of(NEW_NATURAL, NEW_COMMERCIAL, NEW_RESEARCH, NEW_SOCIAL, NEW_LEGAL,
            NEW_OTHER_ORG);

    /** How applications were answered: granted, partly granted, refused, unable, not processed, other. */
    public static final List<Metric> OUTCOMES = List.of(GRANTED, PARTIAL, REFUSED, UNABLE, NOT_PROCESSED, OTHER);

    /**
     * The parts of a whole the views draw over one set of reports, each with the template's own
     * total after them: applicant types of new applications, outcomes of those processed. Named,
     * so that their yearly sums can be kept (report.Rollups) like a single metric's.
     */
    public static final Map<String, List<Metric>> MIXES = Map.of(
            "applicants", concat(BY_APPLICANT, NEW_APPLICATIONS),
            "outcomes", concat(OUTCOMES, PROCESSED));

    private static List<Metric> concat(List<Metric> parts, Metric whole) {
        List<Metric> all = new ArrayList<>(parts);
        all.add(whole);
        return List.copyOf(all);
    }

    /** The name of a mix of these metrics, in this order, if it is one of {@link #MIXES}. */
    public static Optional<String> mixOf(List<Metric> metrics) {
        return MIXES.entrySet().stream().filter(e -> e.getValue().equals(metrics)).map(Map.Entry::getKey).findFirst();
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public String label(boolean english) {
        return english ? en : zh;
    }

    /** The definition a tooltip and the API documentation show. */
    public String definition() {
        return definition;
    }

    public String definition(boolean english) {
        return english ? definitionEn : definition;
    }

    public List<String> numerator() {
        return numerator;
    }

    /** Empty for a count; a term starting with "-" is subtracted. */
    public List<String> denominator() {
        return denominator;
    }

    /**
     * False for table 2 figures whose 2019 and 2021 columns mean different things: a series
     * across the template change must say it is not like-for-like.
     */
    public boolean comparableAcrossTemplates() {
        return this != RULES_ISSUED && this != NORMATIVE_DOCS_ISSUED;
    }

    public boolean isRate() {
        return !denominator.isEmpty();
    }

    /** Per hundred rather than a fraction. */
    public double scale() {
        return this == DISPUTES_PER_100 ? 100 : 1;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Metric> ofCode(String code) {
        for (Metric m : values()) {
            if (m.code().equals(code)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Evaluates the metric on cell sums (keyed as in numerator/denominator); empty when undefined. */
    public Optional<Double> evaluate(Map<String, Double> sums) {
        Double top = total(numerator, sums);
        if (top == null) {
            return Optional.empty();
        }
        if (!isRate()) {
            return Optional.of(top);
        }
        Double bottom = total(denominator, sums);
        return bottom == null || bottom <= 0 ? Optional.empty() : Optional.of(top / bottom * scale());
    }

    /** The metric from its summed numerator and denominator (the same as the numerator for a count); null where undefined. */
    public Double of(Double numerator, Double denominator) {
        if (numerator == null) {
            return null;
        }
        if (!isRate()) {
            return numerator;
        }
        return denominator == null || denominator <= 0 ? null : numerator / denominator * scale();
    }

    /** The sum of terms ("-" subtracts), or null when a term has no value in the scope. */
    static Double total(List<String> terms, Map<String, Double> sums) {
        double total = 0;
        for (String term : terms) {
            boolean minus = term.startsWith("-");
            Double v = sums.get(minus ? term.substring(1) : term);
            if (v == null) {
                return null;
            }
            total += minus ? -v : v;
        }
        return total;
    }
}
