package app.nianbao.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

import app.nianbao.catalog.Template;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;
import app.nianbao.figures.ReportRules;
import app.nianbao.parse.SourceText;
import app.nianbao.report.ReportBatch;
import app.nianbao.report.ReportService;
import app.nianbao.report.ReportService.ReportRef;

/**
 * Runs every rule over stored reports and stores the findings, keeping the reader's own
 * findings (P-rules) and every review of a finding that still holds.
 */
@Service
public class CheckService {

    private final DSLContext dsl;
    private final ReportService reports;
    private final ReportBatch batch;

    public CheckService(DSLContext dsl, ReportService reports, ReportBatch batch) {
        this.dsl = dsl;
        this.reports = reports;
        this.batch = batch;
    }

    /** A report's findings after a run, and the reviews it had whose finding no longer holds (not kept). */
    public record Checked(ReportRef report, List<Finding> findings, List<ReportService.StoredFinding> lapsedReviews) {
    }

    /** Agencies whose years are checked in one transaction: their reports, figures and findings are read in bulk. */
    static final int AGENCIES_PER_PASS = 2_000;

    /**
     * Checks the current reports matching agency (part of the name) and year, all when null:
     * a transaction per pass of agencies, each reading every year of its agencies in a few
     * queries, running the rules on every core and replacing the findings in bulk. Returns the
     * reports' findings as they are checked.
     */
    public List<Checked> run(String agency, Integer year) {
        List<Checked> checked = new ArrayList<>();
        run(agency, year, checked::add);
        return checked;
    }

    /** As {@link #run(String, Integer)}, handing each checked report to the sink instead of keeping them all. */
    public int run(String agency, Integer year, Consumer<Checked> sink) {
        List<Long> agencies = dsl.transactionResult(tx -> reports.agenciesWithReports(agency));
        int checked = 0;
        for (int start = 0; start < agencies.size(); start += AGENCIES_PER_PASS) {
            List<Long> pass = agencies.subList(start, Math.min(agencies.size(), start + AGENCIES_PER_PASS));
            checked += dsl.transactionResult(tx -> checkAgencies(pass, year, sink));
        }
        return checked;
    }

    private int checkAgencies(List<Long> agencyIds, Integer year, Consumer<Checked> sink) {
        List<ReportRef> all = reports.currentRefs(agencyIds);
        Map<String, ReportRef> byAgencyYear = new HashMap<>();
        all.forEach(r -> byAgencyYear.put(ReportBatch.key(r.agencyId(), r.year()), r));
        List<ReportRef> toCheck = all.stream().filter(r -> year == null || r.year() == year).toList();
        List<ReportRef> needed = new ArrayList<>(toCheck);
        if (year != null) {
            // one year is checked: the year before each of its reports is read too, for the rules across years
            toCheck.stream().map(r -> byAgencyYear.get(ReportBatch.key(r.agencyId(), r.year() - 1))).filter(Objects::nonNull)
                    .forEach(needed::add);
        }
        Map<Long, Figures> figures = batch.currentFigures(needed.stream().map(r -> new ReportBatch.Stored(r.reportId(), r.agencyId(), r.year(), 0,
                Template.ofCode(r.template()))).toList());
        Map<Long, String> texts = batch.sourceTexts(needed.stream().map(ReportRef::reportId).toList());
        Map<Long, String> narratives = needed.parallelStream().collect(Collectors.toConcurrentMap(
                ReportRef::reportId, r -> NarrativeRules.narrative(SourceText.lines(texts.getOrDefault(r.reportId(), "")))));
        Map<Long, List<ReportService.StoredFinding>> previous = batch.findings(toCheck.stream().map(ReportRef::reportId).toList());
        List<List<Finding>> computed = toCheck.parallelStream().map(report -> {
            ReportRef before = byAgencyYear.get(ReportBatch.key(report.agencyId(), report.year() - 1));
            List<Finding> findings = before == null
                    ? rules(report.year(), figures.get(report.reportId()), narratives.get(report.reportId()), null, null)
                    : rules(report.year(), figures.get(report.reportId()), narratives.get(report.reportId()), figures.get(before.reportId()),
                            narratives.get(before.reportId()));
            // the reader's own findings stay: the check is the only writer of rule findings, not of those
            previous.getOrDefault(report.reportId(), List.of()).stream().map(ReportService.StoredFinding::finding)
                    .filter(Finding::fromReader).forEach(findings::add);
            return findings;
        }).toList();
        Map<Long, List<Finding>> replaced = new LinkedHashMap<>();
        for (int i = 0; i < toCheck.size(); i++) {
            replaced.put(toCheck.get(i).reportId(), computed.get(i));
        }
        Map<Long, List<ReportService.StoredFinding>> lapsed = batch.replaceFindings(replaced, previous);
        for (int i = 0; i < toCheck.size(); i++) {
            sink.accept(new Checked(toCheck.get(i), computed.get(i), lapsed.getOrDefault(toCheck.get(i).reportId(), List.of())));
        }
        return toCheck.size();
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
