package app.nianbao.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import app.nianbao.agency.AgencyService;
import app.nianbao.check.CheckService;
import app.nianbao.check.NarrativeRules;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;
import app.nianbao.imports.ImportService.Ready;
import app.nianbao.parse.SourceText;
import app.nianbao.report.ReportBatch;
import app.nianbao.report.ReportBatch.NewReport;
import app.nianbao.report.ReportBatch.Stored;
import app.nianbao.report.ReportService;

/**
 * One batch of read reports stored inside the caller's transaction: agencies resolved, versions
 * numbered against what is stored and within the batch, every rule run once in memory (each new
 * report against its previous year, from the batch or the store, and a stored next year against
 * the new report), and everything written in bulk. The check is the only writer of rule
 * findings; the reader's own findings are handed to it with the report.
 */
final class ImportBatch {

    private final ReportBatch batch;
    private final AgencyService agencies;

    ImportBatch(ReportBatch batch, AgencyService agencies) {
        this.batch = batch;
        this.agencies = agencies;
    }

    /** What the rules need of a report: its year, figures and narrative. */
    private record Checkable(int year, Figures figures, String narrative) {
    }

    List<ImportOutcome> store(List<Ready> given) {
        List<Ready> ready = StoredNames.corrected(given, agencies);
        ImportOutcome[] outcomes = new ImportOutcome[ready.size()];
        Set<String> stored = batch.storedHashes(ready.stream().map(Ready::sha256).toList());
        Set<String> seen = new HashSet<>();
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (Ready r : ready) {
            // stored bytes name no agency anew: their report is stored under the agency it was given then
            if (r.report().agency() != null && !stored.contains(r.sha256())) {
                names.merge(r.report().agency(), r.agencyExplicit(), Boolean::logicalOr);
            }
        }
        AgencyService.Resolved resolved = agencies.resolveAll(names);
        List<Integer> accepted = new ArrayList<>();
        Map<Integer, Long> agencyOf = new HashMap<>();
        for (int i = 0; i < ready.size(); i++) {
            Ready r = ready.get(i);
            if (r.report().agency() == null || r.report().year() == null) {
                outcomes[i] = ImportOutcome.failed(r.file(), "标题中未能读出%s，请指定 / the title does not say the %s: give it".formatted(
                        r.report().agency() == null ? "机构名称" : "年度", r.report().agency() == null ? "agency" : "year"));
            } else if (stored.contains(r.sha256()) || !seen.add(r.sha256())) {
                outcomes[i] = ImportOutcome.unchanged(r.file());
            } else if (resolved.refused().containsKey(r.report().agency())) {
                outcomes[i] = ImportOutcome.failed(r.file(), resolved.refused().get(r.report().agency()).getMessage());
            } else {
                agencyOf.put(i, resolved.ids().get(r.report().agency()));
                accepted.add(i);
            }
        }
        if (!accepted.isEmpty()) {
            write(ready, accepted, agencyOf, outcomes);
        }
        return List.of(outcomes);
    }

    private void write(List<Ready> ready, List<Integer> accepted, Map<Integer, Long> agencyOf, ImportOutcome[] outcomes) {
        int minYear = accepted.stream().mapToInt(i -> ready.get(i).report().year()).min().orElseThrow();
        int maxYear = accepted.stream().mapToInt(i -> ready.get(i).report().year()).max().orElseThrow();
        agencies.claim(agencyOf.values());
        Map<String, Stored> current = batch.current(new HashSet<>(agencyOf.values()), minYear - 1, maxYear + 1);
        List<Long> ids = batch.reserveReportIds(accepted.size());
        // versions count on from the store and within the batch; the last of an agency-year becomes current
        Map<String, Integer> versions = new HashMap<>();
        Map<String, NewReport> latest = new LinkedHashMap<>();
        List<NewReport> reports = new ArrayList<>();
        for (int n = 0; n < accepted.size(); n++) {
            int i = accepted.get(n);
            Ready r = ready.get(i);
            long agencyId = agencyOf.get(i);
            int year = r.report().year();
            String key = ReportBatch.key(agencyId, year);
            int version = versions.merge(key, current.containsKey(key) ? current.get(key).version() + 1 : 1, (was, first) -> was + 1);
            NewReport report = new NewReport(ids.get(n), agencyId, year, version, r.file(), r.sha256(), r.report());
            reports.add(report);
            latest.put(key, report);
            outcomes[i] = ImportOutcome.stored(r.file(), r.report(), version);
        }
        // the stored years next to the new ones: previous years to check against, next years to check again
        Map<String, Stored> neighbours = new HashMap<>();
        List<Stored> recheck = new ArrayList<>();
        for (NewReport r : latest.values()) {
            String previous = ReportBatch.key(r.agencyId(), r.year() - 1);
            String next = ReportBatch.key(r.agencyId(), r.year() + 1);
            if (!latest.containsKey(previous) && current.containsKey(previous)) {
                neighbours.put(previous, current.get(previous));
            }
            if (!latest.containsKey(next) && current.containsKey(next)) {
                neighbours.put(next, current.get(next));
                recheck.add(current.get(next));
            }
        }
        Map<Long, Figures> storedFigures = batch.figures(neighbours.values());
        Map<Long, String> storedTexts = batch.sourceTexts(neighbours.values().stream().map(Stored::reportId).toList());
        Map<String, Checkable> finalState = new HashMap<>();
        neighbours.forEach((key, s) -> finalState.put(key, new Checkable(s.year(), storedFigures.get(s.reportId()),
                narrative(storedTexts.get(s.reportId())))));
        latest.forEach((key, r) -> finalState.put(key, checkable(r)));
        Map<Long, List<Finding>> findings = new LinkedHashMap<>();
        for (NewReport r : reports) {
            findings.put(r.reportId(), findings(checkable(r), finalState.get(ReportBatch.key(r.agencyId(), r.year() - 1)),
                    r.parsed().findings()));
        }
        List<Long> superseded = latest.keySet().stream().filter(current::containsKey).map(k -> current.get(k).reportId()).toList();
        // a new version keeps the reviews of the findings that still hold in it
        Map<Long, List<ReportService.StoredFinding>> replacedFindings = batch.findings(superseded);
        Map<Long, List<ReportService.StoredFinding>> reviewsBefore = new HashMap<>();
        for (NewReport r : reports) {
            Stored was = current.get(ReportBatch.key(r.agencyId(), r.year()));
            if (was != null) {
                reviewsBefore.put(r.reportId(), replacedFindings.getOrDefault(was.reportId(), List.of()));
            }
        }
        Map<Long, List<ReportService.StoredFinding>> lapsed = new HashMap<>(batch.write(reports, superseded, List.copyOf(latest.values()),
                findings, reviewsBefore));
        // a stored next year is checked again against the new report, its reviews kept where findings still hold
        Map<Long, List<ReportService.StoredFinding>> before = batch.findings(recheck.stream().map(Stored::reportId).toList());
        Map<Long, List<Finding>> rechecked = new LinkedHashMap<>();
        for (Stored next : recheck) {
            List<Finding> readers = before.getOrDefault(next.reportId(), List.of()).stream().map(ReportService.StoredFinding::finding)
                    .toList();
            rechecked.put(next.reportId(), findings(finalState.get(ReportBatch.key(next.agencyId(), next.year())),
                    finalState.get(ReportBatch.key(next.agencyId(), next.year() - 1)), readers));
        }
        // a review of the next year that no longer holds is told with the file that changed its year before
        batch.replaceFindings(rechecked, before).forEach((nextId, gone) -> recheck.stream().filter(n -> n.reportId() == nextId).findFirst()
                .map(n -> latest.get(ReportBatch.key(n.agencyId(), n.year() - 1)))
                .ifPresent(r -> lapsed.merge(r.reportId(), gone, (a, b) -> Stream.concat(a.stream(), b.stream()).toList())));
        for (int n = 0; n < accepted.size(); n++) {
            List<ReportService.StoredFinding> gone = lapsed.getOrDefault(ids.get(n), List.of());
            if (!gone.isEmpty()) {
                outcomes[accepted.get(n)] = outcomes[accepted.get(n)].withLapsedReviews(gone.size());
            }
        }
    }

    private static Checkable checkable(NewReport r) {
        return new Checkable(r.year(), r.parsed().figures(), narrative(r.parsed().sourceText()));
    }

    private static String narrative(String sourceText) {
        return sourceText == null ? null : NarrativeRules.narrative(SourceText.lines(sourceText));
    }

    /** Every rule over a report and its previous year (if any), and the reader's own findings. */
    private static List<Finding> findings(Checkable report, Checkable previous, List<Finding> readers) {
        List<Finding> findings = CheckService.rules(report.year(), report.figures(), report.narrative(),
                previous == null ? null : previous.figures(), previous == null ? null : previous.narrative());
        readers.stream().filter(Finding::fromReader).forEach(findings::add);
        return findings;
    }
}
