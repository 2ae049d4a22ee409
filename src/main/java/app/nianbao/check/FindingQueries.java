package app.nianbao.check;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.CURRENT_CELLS;
import static app.nianbao.store.jooq.Tables.CURRENT_REPORT;
import static app.nianbao.store.jooq.Tables.FINDING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import app.nianbao.figures.Finding;
import app.nianbao.figures.ReviewStatus;
import app.nianbao.figures.Severity;
import app.nianbao.report.QualityScore;
import app.nianbao.report.ReportService;

/** Findings across the store's current reports, for the auditors' data-quality view. */
@Service
public class FindingQueries {

    /** A finding with the report it belongs to. */
    public record FindingRow(long findingId, long agencyId, String agency, int year, Finding finding, String reviewStatus) {

        public String rule() {
            return finding.rule();
        }

        public String severity() {
            return finding.severity().code();
        }
    }

    /** What the findings list can be sorted by; every sort falls back on newest year, agency and finding. */
    public enum FindingSort {
        AGENCY, YEAR, RULE, SEVERITY, REVIEW;

        /** The sort a link names ("rule"), or null for none this version knows. */
        public static FindingSort ofKey(String key) {
            for (FindingSort sort : values()) {
                if (sort.name().equalsIgnoreCase(key)) {
                    return sort;
                }
            }
            return null;
        }
    }

    /** How many findings a rule has, by severity. */
    public record RuleCount(String rule, String severity, int findings, int reports) {
    }

    /** What to show: each null means "any"; review is a review state's code (open, confirmed, dismissed). */
    public record Filter(String rule, String severity, String agency, Integer year, String review) {

        public Filter(String rule, String severity, String agency, Integer year) {
            this(rule, severity, agency, year, null);
        }
    }

    private final DSLContext dsl;
    private final ReportService reports;

    public FindingQueries(DSLContext dsl, ReportService reports) {
        this.dsl = dsl;
        this.reports = reports;
    }

    /**
     * One verdict for every finding the filter keeps (all R8 of a scope, say), with one comment,
     * as the signed-in analyst; returns how many findings were reviewed.
     */
    public int reviewAll(Filter filter, ReviewStatus status, String comment) {
        String reviewer = SecurityContextHolder.getContext().getAuthentication().getName();
        return reports.review(DSL.select(FINDING.ID).from(FINDING).join(CURRENT_REPORT).on(CURRENT_REPORT.ID.eq(FINDING.REPORT_ID))
                .join(AGENCY).on(AGENCY.ID.eq(CURRENT_REPORT.AGENCY_ID)).where(condition(filter)), status, comment, reviewer);
    }

    public List<FindingRow> findings(Filter filter, int limit) {
        return findings(filter, null, false, 0, limit);
    }

    /** One page of the findings the filter keeps, sorted (null: newest year, then agency). */
    public List<FindingRow> findings(Filter filter, FindingSort sort, boolean descending, int offset, int limit) {
        List<SortField<?>> order = new ArrayList<>();
        if (sort != null) {
            Field<?> key = switch (sort) {
                case AGENCY -> AGENCY.NAME;
                case YEAR -> CURRENT_REPORT.YEAR;
                case RULE -> FINDING.RULE;
                case SEVERITY -> FINDING.SEVERITY;
                case REVIEW -> FINDING.REVIEW_STATUS;
            };
            order.add(descending ? key.desc() : key.asc());
        }
        order.addAll(List.of(CURRENT_REPORT.YEAR.desc(), AGENCY.NAME.asc(), FINDING.ID.asc()));
        return dsl.select(FINDING.ID, CURRENT_REPORT.AGENCY_ID, AGENCY.NAME, CURRENT_REPORT.YEAR, FINDING.RULE, FINDING.SEVERITY,
                        FINDING.TBL, FINDING.ROW_CODE, FINDING.COL_CODE, FINDING.EXPECTED, FINDING.ACTUAL, FINDING.MESSAGE,
                        FINDING.REVIEW_STATUS)
                .from(FINDING).join(CURRENT_REPORT).on(CURRENT_REPORT.ID.eq(FINDING.REPORT_ID))
                .join(AGENCY).on(AGENCY.ID.eq(CURRENT_REPORT.AGENCY_ID))
                .where(condition(filter))
                .orderBy(order)
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping((id, agencyId, agency, year, rule, severity, table, row, col, expected, actual, message, review) ->
                        new FindingRow(id, agencyId, agency, year, new Finding(rule, Severity.ofCode(severity), table, row, col,
                                expected, actual, message), review)));
    }

    /** How many findings the filter keeps, for the list's pager. */
    public int count(Filter filter) {
        return dsl.fetchCount(dsl.select(FINDING.ID).from(FINDING).join(CURRENT_REPORT).on(CURRENT_REPORT.ID.eq(FINDING.REPORT_ID))
                .join(AGENCY).on(AGENCY.ID.eq(CURRENT_REPORT.AGENCY_ID)).where(condition(filter)));
    }

    /**
     * Findings by rule and severity. Dismissed findings do not count, unless the filter asks for
     * them by their review state.
     */
    public List<RuleCount> countsByRule(Filter filter) {
        Condition counted = filter.review() == null ? FINDING.REVIEW_STATUS.ne(ReviewStatus.DISMISSED.code()) : DSL.noCondition();
        return dsl.select(FINDING.RULE, FINDING.SEVERITY, DSL.count(), DSL.countDistinct(FINDING.REPORT_ID))
                .from(FINDING).join(CURRENT_REPORT).on(CURRENT_REPORT.ID.eq(FINDING.REPORT_ID))
                .join(AGENCY).on(AGENCY.ID.eq(CURRENT_REPORT.AGENCY_ID))
                .where(condition(filter).and(counted))
                .groupBy(FINDING.RULE, FINDING.SEVERITY)
                .orderBy(FINDING.RULE, FINDING.SEVERITY)
                .fetch(Records.mapping(RuleCount::new));
    }

    /**
     * How many current reports have each quality score (dismissed findings left out), computed
     * and grouped by the store, so only the distinct scores travel, however many reports.
     */
    public Map<Integer, Integer> scoreDistribution() {
        Table<?> counts = QualityScore.findingCounts(DSL.noCondition());
        Field<Integer> score = QualityScore.of(counts, CURRENT_CELLS.BLANK_CELLS, CURRENT_CELLS.ADJUSTED_CELLS);
        Map<Integer, Integer> distribution = new TreeMap<>();
        Field<Integer> reports = DSL.count().as("reports");
        dsl.select(score, reports)
                .from(CURRENT_CELLS).leftJoin(counts).on(counts.field(FINDING.REPORT_ID).eq(CURRENT_CELLS.REPORT_ID))
                .groupBy(score)
                .forEach(r -> distribution.put(r.get(score), r.get(reports)));
        return distribution;
    }

    private static Condition condition(Filter f) {
        Condition c = DSL.noCondition();
        if (f.rule() != null) {
            c = c.and(FINDING.RULE.eq(f.rule()));
        }
        if (f.severity() != null) {
            c = c.and(FINDING.SEVERITY.eq(f.severity()));
        }
        if (f.agency() != null && !f.agency().isBlank()) {
            c = c.and(AGENCY.NAME.contains(f.agency().strip()));
        }
        if (f.year() != null) {
            c = c.and(CURRENT_REPORT.YEAR.eq(f.year()));
        }
        if (f.review() != null) {
            c = c.and(FINDING.REVIEW_STATUS.eq(f.review()));
        }
        return c;
    }
}
