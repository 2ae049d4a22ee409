package app.nianbao.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import app.nianbao.agency.AgencyService;
import app.nianbao.analytics.AnalyticsService;
import app.nianbao.analytics.NoteService;
import app.nianbao.analytics.PublicationRegister;
import app.nianbao.api.Answers.AgencyJson;
import app.nianbao.api.Answers.CompareAnswer;
import app.nianbao.api.Answers.ContributionsAnswer;
import app.nianbao.api.Answers.ErrorJson;
import app.nianbao.api.Answers.MetricCatalogue;
import app.nianbao.api.Answers.MetricDefinition;
import app.nianbao.api.Answers.NoteJson;
import app.nianbao.api.Answers.PublicationJson;
import app.nianbao.api.Answers.ReportAnswer;
import app.nianbao.api.Answers.SeriesAnswer;
import app.nianbao.api.Answers.VersionJson;
import app.nianbao.catalog.Codebook;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.export.DataTable;
import app.nianbao.export.Dossier;
import app.nianbao.export.DossierFile;
import app.nianbao.export.Dossiers;
import app.nianbao.figures.Finding;
import app.nianbao.parse.ReportJson;
import app.nianbao.report.ReportService;

/** The read-only JSON API under /api/v1; README lists every path with a curl example. */
@RestController
@RequestMapping("/api/v1")
class ApiController {

    private final AgencyService agencies;
    private final ReportService reports;
    private final AnalyticsService analytics;
    private final PublicationRegister register;
    private final NoteService notes;
    private final Dossiers dossiers;

    ApiController(AgencyService agencies, ReportService reports, AnalyticsService analytics, PublicationRegister register,
                  NoteService notes, Dossiers dossiers) {
        this.notes = notes;
        this.dossiers = dossiers;
        this.agencies = agencies;
        this.reports = reports;
        this.analytics = analytics;
        this.register = register;
    }

    /**
     * The notes: those a chart of one scope draws (scope, optionally metric and years, oldest year
     * first), or every note matching the words in q, newest first; paged.
     */
    @GetMapping("/notes")
    ResponseEntity<List<NoteJson>> notes(@RequestParam(required = false) String scope, @RequestParam(required = false) String metric,
                                         @RequestParam(defaultValue = "0") int from, @RequestParam(defaultValue = "9999") int to,
                                         @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int offset,
                                         @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) int limit) {
        Page page = Page.of(offset, limit);
        if (scope != null) {
            List<Metric> metrics = metric == null ? List.of(Metric.values()) : List.of(Metric.ofCode(metric)
                    .orElseThrow(() -> new IllegalArgumentException("unknown metric " + metric)));
            var drawn = notes.forCharts(List.of(Scope.parse(scope).written()), metrics, from, to);
            return ResponseEntity.ok().headers(page.headers(drawn.size())).body(page.of(drawn).stream().map(NoteJson::of).toList());
        }
        return ResponseEntity.ok().headers(page.headers(notes.count(q)))
                .body(notes.search(q, page.offset(), page.limit()).stream().map(NoteJson::of).toList());
    }

    /** One agency's dossier, every year it reported, as PDF or Word (.docx), in Chinese or English (lang=en). */
    @GetMapping("/dossier/{agencyId}.{format}")
    ResponseEntity<byte[]> dossier(@PathVariable long agencyId, @PathVariable String format, @RequestParam(defaultValue = "zh") String lang) {
        try {
            return file(dossiers.agency(agencyId, english(lang)), format);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    /** A comparison dossier of 2–12 agencies (agencies=1,2,3) side by side. */
    @GetMapping("/dossier.{format}")
    ResponseEntity<byte[]> comparisonDossier(@RequestParam List<Long> agencies, @PathVariable String format,
                                             @RequestParam(defaultValue = "zh") String lang) {
        try {
            return file(dossiers.comparison(agencies, english(lang)), format);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    private static boolean english(String lang) {
        if (!lang.equals("zh") && !lang.equals("en")) {
            throw new IllegalArgumentException("lang is zh or en");
        }
        return lang.equals("en");
    }

    private ResponseEntity<byte[]> file(Dossier dossier, String format) {
        DossierFile kind = DossierFile.ofExtension(format);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(kind.mime()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(kind.name(dossier), StandardCharsets.UTF_8).build().toString())
                .body(dossiers.render(dossier, kind));
    }

    @GetMapping("/publication")
    ResponseEntity<List<PublicationJson>> publication(@RequestParam(defaultValue = "all") String scope, @RequestParam int year,
                                                      @RequestParam(defaultValue = "0") int offset,
                                                      @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) int limit) {
        Page page = Page.of(offset, limit);
        var entries = register.page(Scope.parse(scope), year, LocalDate.now(), page.offset(), page.limit());
        return ResponseEntity.ok().headers(page.headers(entries.total())).body(entries.entries().stream().map(PublicationJson::of).toList());
    }

    @GetMapping("/agencies")
    ResponseEntity<List<AgencyJson>> agencies(@RequestParam(defaultValue = "0") int offset,
                                              @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) int limit) {
        Page page = Page.of(offset, limit);
        var all = agencies.list();
        return ResponseEntity.ok().headers(page.headers(all.size())).body(page.of(all).stream().map(AgencyJson::of).toList());
    }

    /**
     * The current version of an agency's report for a year, or with {@code ?version=N} any stored
     * version; both list every version (number, file, SHA-256, when, and for a restored one what it copies).
     */
    @GetMapping("/reports/{agencyId}/{year}")
    ReportAnswer report(@PathVariable long agencyId, @PathVariable int year, @RequestParam(required = false) Integer version) {
        var detail = reports.detail(agencyId, year)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no report of agency %d for %d".formatted(agencyId, year)));
        var s = detail.summary();
        List<VersionJson> versions = detail.versions().stream().map(VersionJson::of).toList();
        if (version == null || version == s.version()) {
            return new ReportAnswer(ReportJson.of(s.agency(), s.year(), s.format(), s.published(), detail.figures(), findings(detail.findings())),
                    s.version(), s.score(), s.version(), versions);
        }
        var chosen = reports.version(agencyId, year, version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no version %d of agency %d's report for %d".formatted(version, agencyId, year)));
        return new ReportAnswer(ReportJson.of(s.agency(), s.year(), chosen.format(), chosen.published(), chosen.figures(),
                findings(chosen.findings())), version, null, s.version(), versions);
    }

    private static List<Finding> findings(List<ReportService.StoredFinding> stored) {
        return stored.stream().map(ReportService.StoredFinding::finding).toList();
    }

    /** Without a metric, every metric's definition; with one, its series over the years asked (the store's years by default). */
    @GetMapping("/metrics")
    Object metrics(@RequestParam(required = false) String metric, @RequestParam(defaultValue = "all") String scope,
                   @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to) {
        if (metric == null) {
            Map<String, MetricDefinition> definitions = new LinkedHashMap<>();
            for (Metric m : Metric.values()) {
                definitions.put(m.code(), new MetricDefinition(m.zh(), m.en(), m.definition(), m.definition(true), m.isRate()));
            }
            return new MetricCatalogue(definitions);
        }
        Metric chosen = metric(metric);
        var years = analytics.reportingYears();
        int first = from == null ? years.first() : from;
        int last = to == null ? years.last() : to;
        if (first > last) {
            throw new IllegalArgumentException("from must not be after to");
        }
        return SeriesAnswer.of(chosen, scope, analytics.series(chosen, Scope.parse(scope), first, last));
    }

    @GetMapping("/contributions")
    ContributionsAnswer contributions(@RequestParam String metric, @RequestParam(defaultValue = "all") String scope,
                                      @RequestParam int year, @RequestParam(defaultValue = "0") int offset,
                                      @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0 || limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("offset must be at least 0 and limit between 1 and 10000");
        }
        return ContributionsAnswer.of(analytics.contributions(metric(metric), Scope.parse(scope), year, offset, limit), scope, offset);
    }

    @GetMapping("/compare")
    ResponseEntity<CompareAnswer> compare(@RequestParam String metric, @RequestParam(defaultValue = "all") String scope,
                                          @RequestParam int year, @RequestParam(name = "min_n", defaultValue = "30") int minN,
                                          @RequestParam(defaultValue = "0") int offset,
                                          @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) int limit) {
        Page page = Page.of(offset, limit);
        var comparison = analytics.compare(metric(metric), Scope.parse(scope), year, minN);
        return ResponseEntity.ok().headers(page.headers(comparison.agencies().size())).body(CompareAnswer.of(comparison, page));
    }

    /**
     * Bulk: one row per current report and cell, with the template's labels in the chosen
     * language next to the codes, streamed a page of reports at a time; filtered by year and
     * scope. Text fields are neutralised against spreadsheet formulas.
     */
    @GetMapping(value = "/figures.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<StreamingResponseBody> figuresCsv(@RequestParam(required = false) Integer year,
                                                     @RequestParam(defaultValue = "all") String scope,
                                                     @RequestParam(defaultValue = "zh") String lang) {
        Scope chosen = Scope.parse(scope);
        boolean english = "en".equals(lang);
        StreamingResponseBody body = out -> {
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    1 << 16);
            csv.write("\uFEFFagency_id,agency,year,template,version,source,table,row,col,row_label,col_label,value,kind\n");
            analytics.exportFigures(chosen, year, f -> {
                try {
                    csv.append(String.valueOf(f.agencyId())).append(',').append(DataTable.quote(f.agency())).append(',')
                            .append(String.valueOf(f.year())).append(',').append(f.template()).append(',')
                            .append(String.valueOf(f.version())).append(',').append(DataTable.quote(f.sourceName())).append(',')
                            .append(f.table()).append(',').append(f.row()).append(',').append(f.col()).append(',')
                            .append(DataTable.quote(label(Codebook.get().rowLabel(f.table(), f.row()), english))).append(',')
                            .append(DataTable.quote(label(Codebook.get().colLabel(f.table(), f.col()), english))).append(',')
                            .append(f.value() == null ? "" : f.value().stripTrailingZeros().toPlainString()).append(',')
                            .append(f.kind()).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        };
        String name = "figures" + (year == null ? "" : "_" + year) + ("all".equals(scope) ? "" : "_" + scope.replaceAll("[^A-Za-z0-9]+", "-"));
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").body(body);
    }

    private static String label(Codebook.Label label, boolean english) {
        return label == null ? "" : label.in(english);
    }

    private static Metric metric(String code) {
        return Metric.ofCode(code).orElseThrow(() -> new IllegalArgumentException("unknown metric " + code
                + "; GET /api/v1/metrics lists them"));
    }

    /** Answered here, not through the servlet error page, which sits behind the sign-in of the views. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ErrorJson> status(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).body(new ErrorJson(String.valueOf(e.getReason())));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ErrorJson> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(new ErrorJson(e.getMessage()));
    }
}
