package app.nianbao.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

import app.nianbao.catalog.Template;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;
import app.nianbao.parse.SourceText;
import app.nianbao.report.ReportService;
import app.nianbao.report.ReportService.ReportRef;

/**
 * Runs every rule over stored reports and stores the findings, keeping the reader's own
 * findings (P-rules) and every review of a finding that still holds.
 */
@Service
public class CheckService {

    private final DSLContext dsl;

    public CheckService(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A report's findings after a run. */
    public record Checked(ReportRef report, List<Finding> findings) {
    }

    /** Checks, in a transaction of its own, the current reports matching agency (part of the name) and year. */
    public List<Checked> run(String agency, Integer year) {
        return dsl.transactionResult(tx -> new CheckService(tx.dsl()).check(agency, year, null));
    }

    /**
     * Re-checks every current report of one agency inside the caller's transaction: an import
     * changes its own year's findings and, through R5, R6, R10 and R11, the next year's.
     */
    public void checkAgency(long agencyId) {
        check(null, null, agencyId);
    }

    private List<Checked> check(String agency, Integer year, Long agencyId) {
        ReportService reports = new ReportService(dsl);
        List<ReportRef> all = reports.currentRefs(agencyId);
        Map<String, ReportRef> byAgencyYear = new HashMap<>();
        all.forEach(r -> byAgencyYear.put(r.agencyId() + "/" + r.year(), r));
        List<Checked> checked = new ArrayList<>();
        for (ReportRef report : all) {
            if ((agency != null && !report.agency().contains(agency)) || (year != null && report.year() != year)
                    || (agencyId != null && report.agencyId() != agencyId)) {
                continue;
            }
            List<Finding> findings = findings(reports, report, byAgencyYear.get(report.agencyId() + "/" + (report.year() - 1)));
            reports.replaceFindings(report.reportId(), findings);
            checked.add(new Checked(report, findings));
        }
        return checked;
    }

    private static List<Finding> findings(ReportService reports, ReportRef report, ReportRef previous) {
        Figures figures = reports.figures(report.reportId(), Template.ofCode(report.template()));
        String narrative = NarrativeRules.narrative(SourceText.lines(reports.sourceText(report.reportId())));
        List<Finding> findings = previous == null ? rules(report.year(), figures, narrative, null, null)
                : rules(report.year(), figures, narrative, reports.figures(previous.reportId(), Template.ofCode(previous.template())),
                        NarrativeRules.narrative(SourceText.lines(reports.sourceText(previous.reportId()))));
        reports.findings(report.reportId()).stream().map(ReportService.StoredFinding::finding)
                .filter(f -> f.rule().startsWith("P")).forEach(findings::add);
        return findings;
    }

    /**
     * Every rule over one report and, when given, the same agency's previous year. A null
     * narrative (generated data has none) skips the rules that read the text.
     */
    public static List<Finding> rules(int year, Figures figures, String narrative, Figures previous, String previousNarrative) {
        List<Finding> findings = new ArrayList<>(ReportRules.check(figures));
        if (narrative != null) {
            findings.addAll(NarrativeRules.textVersusTables(narrative, figures));
        }
        if (previous != null) {
            findings.addAll(CrossYearRules.check(year, figures, previous));
            if (narrative != null && previousNarrative != null) {
                Finding copied = NarrativeRules.copiedFromPreviousYear(year, narrative, previousNarrative);
                if (copied != null) {
                    findings.add(copied);
                }
            }
        }
        return findings;
    }
}
