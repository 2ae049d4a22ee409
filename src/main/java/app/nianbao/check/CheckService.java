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
import app.nianbao.report.ReportService;
import app.nianbao.report.ReportService.ReportSummary;

/**
 * Re-runs every rule over stored reports and stores the findings, keeping the reader's own
 * findings (P-rules) and every review of a finding that still holds.
 */
@Service
public class CheckService {

    private final DSLContext dsl;

    public CheckService(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A report's findings after a run. */
    public record Checked(ReportSummary report, List<Finding> findings) {
    }

    /** Checks the current reports matching agency (part of the name) and year, either may be null. */
    public List<Checked> run(String agency, Integer year) {
        return dsl.transactionResult(tx -> {
            ReportService reports = new ReportService(tx.dsl());
            List<ReportSummary> all = reports.listCurrent(null);
            Map<String, ReportSummary> byAgencyYear = new HashMap<>();
            all.forEach(r -> byAgencyYear.put(r.agencyId() + "/" + r.year(), r));
            List<Checked> checked = new ArrayList<>();
            for (ReportSummary report : all) {
                if ((agency != null && !report.agency().contains(agency)) || (year != null && report.year() != year)) {
                    continue;
                }
                Figures figures = reports.figures(report.reportId(), Template.ofCode(report.template()));
                List<Finding> findings = new ArrayList<>(ReportRules.check(figures));
                ReportSummary previous = byAgencyYear.get(report.agencyId() + "/" + (report.year() - 1));
                if (previous != null) {
                    findings.addAll(CrossYearRules.check(report.year(), figures,
                            reports.figures(previous.reportId(), Template.ofCode(previous.template()))));
                }
                reports.findings(report.reportId()).stream().map(ReportService.StoredFinding::finding)
                        .filter(f -> f.rule().startsWith("P")).forEach(findings::add);
                reports.replaceFindings(report.reportId(), findings);
                checked.add(new Checked(report, findings));
            }
            return checked;
        });
    }
}
