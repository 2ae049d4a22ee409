package app.nianbao.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.nianbao.figures.Rule;
import app.nianbao.agency.AgencyNames;
import app.nianbao.agency.AgencyService;
import app.nianbao.figures.Finding;
import app.nianbao.figures.Severity;
import app.nianbao.imports.ImportService.Ready;
import app.nianbao.parse.LookalikeNames;
import app.nianbao.parse.ParsedReport;

/**
 * The agency in a converted or OCR'd title that no stored agency has, taken for the stored agency
 * it misreads by one look-alike character ({@link LookalikeNames}) and flagged with the printed
 * name — else OCR's 沐 for 沭 would open a second agency beside the real one. A name the user
 * gave is taken as meant; one with no unmistakable match stays as printed.
 */
final class StoredNames {

    private StoredNames() {
    }

    static List<Ready> corrected(List<Ready> ready, AgencyService agencies) {
        Map<String, String> keys = new HashMap<>();
        for (Ready r : ready) {
            if (!r.agencyExplicit() && r.report().agency() != null && r.report().format().isConverted()) {
                keys.put(r.report().agency(), AgencyNames.normalize(r.report().agency()));
            }
        }
        if (keys.isEmpty()) {
            return ready;
        }
        Map<String, Long> known = agencies.findByKeys(keys.values());
        List<String> unknown = keys.values().stream().filter(k -> !known.containsKey(k)).distinct().toList();
        if (unknown.isEmpty()) {
            return ready;
        }
        Map<String, Map<String, String>> near = agencies.sameLengthNeighbours(unknown);
        Map<String, String> meant = new HashMap<>();
        keys.forEach((printed, key) -> {
            Map<String, String> names = near.getOrDefault(key, Map.of());
            LookalikeNames.likeliest(key, names.keySet()).ifPresent(name -> meant.put(printed, names.get(name)));
        });
        return meant.isEmpty() ? ready : ready.stream().map(r -> r.agencyExplicit() || !meant.containsKey(r.report().agency()) ? r
                : new Ready(r.file(), r.sha256(), corrected(r.report(), meant.get(r.report().agency())), false)).toList();
    }

    private static ParsedReport corrected(ParsedReport report, String agency) {
        List<Finding> findings = new ArrayList<>(report.findings());
        findings.add(Finding.of(Rule.P7.id(), Severity.WARNING, null, null, null,
                "标题中的机构名称「%s」按已有机构名称更正为「%s」".formatted(report.agency(), agency)));
        return new ParsedReport(agency, report.year(), report.format(), report.figures(), findings, report.sourceText(),
                report.published(), report.scan());
    }
}
