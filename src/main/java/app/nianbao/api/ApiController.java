package app.nianbao.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.HttpStatus;
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
import app.nianbao.analytics.Metric;
import app.nianbao.analytics.PublicationRegister;
import app.nianbao.analytics.Scope;
import app.nianbao.catalog.Codebook;
import app.nianbao.export.DataTable;
import app.nianbao.export.Dossier;
import app.nianbao.export.DossierFile;
import app.nianbao.export.Dossiers;
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
    private final app.nianbao.analytics.NoteService notes;
    private final Dossiers dossiers;

    ApiController(AgencyService agencies, ReportService reports, AnalyticsService analytics, PublicationRegister register,
                  app.nianbao.analytics.NoteService notes, Dossiers dossiers) {
        this.notes = notes;
        this.dossiers = dossiers;
        this.agencies = agencies;
        this.reports = reports;
        this.analytics = analytics;
        this.register = register;
    }

    /** One agency's publication of one year's report, as the register judges it. */
    record PublicationJson(@JsonProperty("agency_id") long agencyId, String agency, int year, String kind, LocalDate deadline,
                           @JsonProperty("published_on") LocalDate publishedOn, @JsonProperty("date_source") String dateSource,
                           String status, @JsonProperty("days_late") Integer daysLate,
                           @JsonProperty("changed_on") LocalDate changedOn, @JsonProperty("withdrawn_on") LocalDate withdrawnOn) {

        static PublicationJson of(PublicationRegister.Entry e) {
            return new PublicationJson(e.agencyId(), e.agency(), e.year(), e.kind().code(), e.deadline(), e.publishedOn(),
                    e.dateSource(), e.status().code(), e.daysLate(), e.changedOn(), e.withdrawnOn());
        }
    }

    /** An analyst's note on a subject's metric (null: every metric) and year, with its author and time. */
    record NoteJson(long id, String subject, @JsonProperty("subject_label") String subjectLabel, String metric, int year, String text,
                    @JsonProperty("created_by") String createdBy, @JsonProperty("created_at") java.time.LocalDateTime createdAt) {

        static NoteJson of(app.nianbao.analytics.NoteService.Note n) {
            return new NoteJson(n.id(), n.subject(), n.subjectLabel(), n.metric(), n.year(), n.body(), n.createdBy(), n.createdAt());
        }
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
        } catch (java.util.NoSuchElementException e) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    /** A comparison dossier of 2–12 agencies (agencies=1,2,3) side by side. */
    @GetMapping("/dossier.{format}")
    ResponseEntity<byte[]> comparisonDossier(@RequestParam List<Long> agencies, @PathVariable String format,
                                             @RequestParam(defaultValue = "zh") String lang) {
        try {
            return file(dossiers.comparison(agencies, english(lang)), format);
        } catch (java.util.NoSuchElementException e) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, e.getMessage());
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
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(kind.mime()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(kind.name(dossier), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(dossiers.render(dossier, kind));
    }

    @GetMapping("/publication")
    ResponseEntity<List<PublicationJson>> publication(@RequestParam(defaultValue = "all") String scope, @RequestParam int year,
                                                      @RequestParam(defaultValue = "0") int offset,
                                                      @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) int limit) {
        Page page = Page.of(offset, limit);
        var entries = register.entries(Scope.parse(scope), year, LocalDate.now());
        return ResponseEntity.ok().headers(page.headers(entries.size())).body(page.of(entries).stream().map(PublicationJson::of).toList());
    }

    @GetMapping("/agencies")
    ResponseEntity<List<Map<String, Object>>> agencies(@RequestParam(defaultValue = "0") int offset,
                                                       @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) int limit) {
        Page page = Page.of(offset, limit);
        var all = agencies.list();
        return ResponseEntity.ok().headers(page.headers(all.size())).body(page.of(all).stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("name", a.name());
            m.put("aliases", a.aliases());
            m.put("level", a.level());
            m.put("region_code", a.regionCode());
            m.put("region_name", a.regionName());
            m.put("parent_id", a.parentId());
            m.put("synthetic", a.synthetic());
            return m;
        }).toList());
    }

    /**
     * The current version of an agency's report for a year, or with {@code ?version=N} any stored
     * version; both list every version (number, file, SHA-256, when, and for a restored one what it copies).
     */
    @GetMapping("/reports/{agencyId}/{year}")
    Map<String, Object> report(@PathVariable long agencyId, @PathVariable int year, @RequestParam(required = false) Integer version) {
        var detail = reports.detail(agencyId, year)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no report of agency %d for %d".formatted(agencyId, year)));
        var s = detail.summary();
        Map<String, Object> json;
        if (version == null || version == s.version()) {
            json = ReportJson.of(s.agency(), s.year(), s.format(), s.published(), detail.figures(),
                    detail.findings().stream().map(ReportService.StoredFinding::finding).toList());
            json.put("version", s.version());
            json.put("quality_score", s.score());
        } else {
            var chosen = reports.version(agencyId, year, version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no version %d of agency %d's report for %d".formatted(version, agencyId, year)));
            json = ReportJson.of(s.agency(), s.year(), chosen.format(), chosen.published(), chosen.figures(),
                    chosen.findings().stream().map(ReportService.StoredFinding::finding).toList());
            json.put("version", version);
        }
        json.put("current_version", s.version());
        json.put("versions", detail.versions().stream().map(ApiController::versionJson).toList());
        return json;
    }

    private static Map<String, Object> versionJson(ReportService.ReportVersion v) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("version", v.version());
        m.put("source_name", v.sourceName());
        m.put("sha256", v.sha256());
        m.put("imported_at", v.importedAt().toString());
        if (v.restored() != null) {
            m.put("restored_from_version", v.restored().fromVersion());
            m.put("restored_by", v.restored().by());
            m.put("restored_at", v.restored().at().toString());
            m.put("restore_reason", v.restored().reason());
        }
        return m;
    }

    @GetMapping("/metrics")
    Map<String, Object> metrics(@RequestParam(required = false) String metric, @RequestParam(defaultValue = "all") String scope,
                                @RequestParam(defaultValue = "2019") int from, @RequestParam(defaultValue = "2100") int to) {
        if (metric == null) {
            Map<String, Object> definitions = new LinkedHashMap<>();
            for (Metric m : Metric.values()) {
                definitions.put(m.code(), Map.of("name", m.zh(), "name_en", m.en(), "definition", m.definition(),
                        "definition_en", m.definition(true), "rate", m.isRate()));
            }
            return Map.of("metrics", definitions);
        }
        Metric chosen = metric(metric);
        if (from > to) {
            throw new IllegalArgumentException("from must not be after to");
        }
        var series = analytics.series(chosen, Scope.parse(scope), from, to);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("metric", chosen.code());
        json.put("definition", chosen.definition());
        json.put("scope", scope);
        json.put("crosses_templates", series.crossesTemplates());
        // false when the series spans the 2019 and 2021 templates and they define the figure differently
        json.put("like_for_like", !series.crossesTemplates() || chosen.comparableAcrossTemplates());
        json.put("points", series.points().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", p.year());
            m.put("value", p.value());
            m.put("reports", p.reports());
            m.put("templates", p.templates());
            m.put("blank_cells", p.blankCells());
            m.put("excluded_reports", p.excludedReports());
            m.put("agencies_entered", p.agenciesEntered());
            m.put("agencies_left", p.agenciesLeft());
            m.put("change", change(p.change()));
            return m;
        }).toList());
        return json;
    }

    /** A change against the calendar year before over the agencies in both years; ratio null when nothing honest compares. */
    private static Map<String, Object> change(AnalyticsService.Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from_year", c.fromYear());
        m.put("ratio", c.ratio());
        m.put("difference", c.difference());
        m.put("previous", c.previous());
        m.put("current", c.current());
        m.put("panel_agencies", c.panelAgencies());
        m.put("entered", c.entered());
        m.put("left", c.left());
        m.put("from_year_reported", c.fromYearReported());
        return m;
    }

    @GetMapping("/contributions")
    Map<String, Object> contributions(@RequestParam String metric, @RequestParam(defaultValue = "all") String scope,
                                      @RequestParam int year, @RequestParam(defaultValue = "0") int offset,
                                      @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0 || limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("offset must be at least 0 and limit between 1 and 10000");
        }
        var c = analytics.contributions(metric(metric), Scope.parse(scope), year, offset, limit);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("metric", c.metric().code());
        json.put("year", c.year());
        json.put("from_year", c.year() - 1);
        json.put("scope", scope);
        json.put("agencies", c.agencies());
        json.put("total_delta", c.totalDelta());
        json.put("offset", offset);
        json.put("rows", c.rows().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("agency_id", r.agencyId());
            m.put("agency", r.agency());
            m.put("previous", r.previous());
            m.put("current", r.current());
            m.put("delta", r.delta());
            m.put("share", r.share());
            m.put("presence", r.presence().name().toLowerCase(java.util.Locale.ROOT));
            return m;
        }).toList());
        return json;
    }

    @GetMapping("/compare")
    ResponseEntity<Map<String, Object>> compare(@RequestParam String metric, @RequestParam(defaultValue = "all") String scope,
                                                @RequestParam int year, @RequestParam(name = "min_n", defaultValue = "30") int minN,
                                                @RequestParam(defaultValue = "0") int offset,
                                                @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) int limit) {
        Page page = Page.of(offset, limit);
        var comparison = analytics.compare(metric(metric), Scope.parse(scope), year, minN);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("metric", comparison.metric().code());
        json.put("year", year);
        json.put("min_n", minN);
        if (comparison.funnel() != null) {
            json.put("pooled_rate", comparison.funnel().pooledRate());
        }
        var p = comparison.percentiles();
        if (p != null) {
            json.put("percentiles", Map.of("p10", p.p10(), "p25", p.p25(), "p50", p.p50(), "p75", p.p75(), "p90", p.p90()));
        }
        // the pooled rate and percentiles are of every agency; the rows are a page of them
        json.put("agencies_total", comparison.agencies().size());
        json.put("offset", offset);
        json.put("agencies", page.of(comparison.agencies()).stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("agency_id", c.figures().agencyId());
            m.put("agency", c.figures().agency());
            m.put("events", c.point().unit().events());
            m.put("n", c.point().unit().n());
            m.put("rate", c.point().rate());
            m.put("z", c.point().z());
            m.put("limits95", List.of(c.point().lower95(), c.point().upper95()));
            m.put("limits998", List.of(c.point().lower998(), c.point().upper998()));
            m.put("outside95", c.point().outside95());
            m.put("outside998", c.point().outside998());
            m.put("percentile_rank", c.percentileRank());
            m.put("note", c.ranked() ? null : "样本不足");
            return m;
        }).toList());
        return ResponseEntity.ok().headers(page.headers(comparison.agencies().size())).body(json);
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
            java.io.Writer csv = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8),
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
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
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
    ResponseEntity<Map<String, String>> status(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).body(Map.of("error", String.valueOf(e.getReason())));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
