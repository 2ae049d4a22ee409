package app.nianbao.check;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.CURRENT_REPORT;
import static app.nianbao.store.jooq.Tables.FINDING;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/** Findings across the store's current reports, for the auditors' data-quality view. */
@Service
public class FindingQueries {

    /** A finding with the report it belongs to. */
    public record FindingRow(long findingId, long agencyId, String agency, int year, String rule, String severity,
                             String message, String reviewStatus) {
    }

    /** How many findings a rule has, by severity. */
    public record RuleCount(String rule, String severity, int findings, int reports) {
    }

    /** What to show: each null means "any". */
    public record Filter(String rule, String severity, String agency, Integer year) {
    }

    private final DSLContext dsl;

    public FindingQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<FindingRow> findings(Filter filter, int limit) {
        return dsl.select(FINDING.ID, CURRENT_REPORT.AGENCY_ID, AGENCY.NAME, CURRENT_REPORT.YEAR, FINDING.RULE, FINDING.SEVERITY,
                        FINDING.MESSAGE, FINDING.REVIEW_STATUS)
                .from(FINDING).join(CURRENT_REPORT).on(CURRENT_REPORT.ID.eq(FINDING.REPORT_ID))
                .join(AGENCY).on(AGENCY.ID.eq(CURRENT_REPORT.AGENCY_ID))
                .where(condition(filter))
                .orderBy(CURRENT_REPORT.YEAR.desc(), AGENCY.NAME, FINDING.ID)
                .limit(limit)
                .fetch(Records.mapping(FindingRow::new));
    }

    public List<RuleCount> countsByRule(Filter filter) {
        return dsl.select(FINDING.RULE, FINDING.SEVERITY, DSL.count(), DSL.countDistinct(FINDING.REPORT_ID))
                .from(FINDING).join(CURRENT_REPORT).on(CURRENT_REPORT.ID.eq(FINDING.REPORT_ID))
                .join(AGENCY).on(AGENCY.ID.eq(CURRENT_REPORT.AGENCY_ID))
                .where(condition(filter))
                .groupBy(FINDING.RULE, FINDING.SEVERITY)
                .orderBy(FINDING.RULE, FINDING.SEVERITY)
                .fetch(Records.mapping(RuleCount::new));
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
        return c;
    }
}
