package app.nianbao.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import app.nianbao.agency.AgencyService.AgencySummary;
import app.nianbao.analytics.AnalyticsService;
import app.nianbao.analytics.NoteService;
import app.nianbao.analytics.PublicationRegister;
import app.nianbao.catalog.Metric;
import app.nianbao.parse.ReportJson;
import app.nianbao.report.ReportService.ReportVersion;
import app.nianbao.statistics.PeerPercentiles;

/** The API's answers, one record per shape, serialised by name: README's API section shows each. */
final class Answers {

    private Answers() {
    }

    record AgencyJson(long id, String name, List<String> aliases, String level, @JsonProperty("region_code") String regionCode,
                      @JsonProperty("region_name") String regionName, @JsonProperty("parent_id") Long parentId, boolean synthetic) {

        static AgencyJson of(AgencySummary a) {
            return new AgencyJson(a.id(), a.name(), a.aliases(), a.level(), a.regionCode(), a.regionName(), a.parentId(), a.synthetic());
        }
    }

    /** A report as `parse` prints it, with the version shown, its score when current, and every stored version. */
    record ReportAnswer(@JsonUnwrapped ReportJson report, int version,
                        @JsonProperty("quality_score") @JsonInclude(JsonInclude.Include.NON_NULL) Integer qualityScore,
                        @JsonProperty("current_version") int currentVersion, List<VersionJson> versions) {
    }

    /** One stored version; the restore fields only on a version that copies an older one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VersionJson(int version, @JsonProperty("source_name") String sourceName, String sha256,
                       @JsonProperty("imported_at") String importedAt,
                       @JsonProperty("restored_from_version") Integer restoredFromVersion, @JsonProperty("restored_by") String restoredBy,
                       @JsonProperty("restored_at") String restoredAt, @JsonProperty("restore_reason") String restoreReason) {

        static VersionJson of(ReportVersion v) {
            var r = v.restored();
            return new VersionJson(v.version(), v.sourceName(), v.sha256(), v.importedAt().toString(), r == null ? null : r.fromVersion(),
                    r == null ? null : r.by(), r == null ? null : r.at().toString(), r == null ? null : r.reason());
        }
    }

    record MetricDefinition(String name, @JsonProperty("name_en") String nameEn, String definition,
                            @JsonProperty("definition_en") String definitionEn, boolean rate) {
    }

    /** Every metric by its code. */
    record MetricCatalogue(Map<String, MetricDefinition> metrics) {
    }

    /** One metric's yearly series; like_for_like is false when it spans two templates that define it differently. */
    record SeriesAnswer(String metric, String definition, String scope, @JsonProperty("crosses_templates") boolean crossesTemplates,
                        @JsonProperty("like_for_like") boolean likeForLike, List<PointJson> points) {

        static SeriesAnswer of(Metric metric, String scope, AnalyticsService.Series series) {
            return new SeriesAnswer(metric.code(), metric.definition(), scope, series.crossesTemplates(),
                    !series.crossesTemplates() || metric.comparableAcrossTemplates(), series.points().stream().map(PointJson::of).toList());
        }
    }

    record PointJson(int year, Double value, int reports, Set<String> templates, @JsonProperty("blank_cells") int blankCells,
                     @JsonProperty("excluded_reports") int excludedReports, @JsonProperty("agencies_entered") int agenciesEntered,
                     @JsonProperty("agencies_left") int agenciesLeft, ChangeJson change) {

        static PointJson of(AnalyticsService.Point p) {
            return new PointJson(p.year(), p.value(), p.reports(), p.templates(), p.blankCells(), p.excludedReports(), p.agenciesEntered(),
                    p.agenciesLeft(), p.change() == null ? null : ChangeJson.of(p.change()));
        }
    }

    /** A change against the calendar year before over the agencies in both years; ratio null when nothing honest compares. */
    record ChangeJson(@JsonProperty("from_year") int fromYear, Double ratio, Double difference, Double previous, Double current,
                      @JsonProperty("panel_agencies") int panelAgencies, int entered, int left,
                      @JsonProperty("from_year_reported") boolean fromYearReported) {

        static ChangeJson of(AnalyticsService.Change c) {
            return new ChangeJson(c.fromYear(), c.ratio(), c.difference(), c.previous(), c.current(), c.panelAgencies(), c.entered(),
                    c.left(), c.fromYearReported());
        }
    }

    record ContributionsAnswer(String metric, int year, @JsonProperty("from_year") int fromYear, String scope, int agencies,
                               @JsonProperty("total_delta") Double totalDelta, int offset, List<ContributionJson> rows) {

        static ContributionsAnswer of(AnalyticsService.Contributions c, String scope, int offset) {
            return new ContributionsAnswer(c.metric().code(), c.year(), c.year() - 1, scope, c.agencies(), c.totalDelta(), offset,
                    c.rows().stream().map(ContributionJson::of).toList());
        }
    }

    record ContributionJson(@JsonProperty("agency_id") long agencyId, String agency, Double previous, Double current, Double delta,
                            Double share, String presence) {

        static ContributionJson of(AnalyticsService.Contribution r) {
            return new ContributionJson(r.agencyId(), r.agency(), r.previous(), r.current(), r.delta(), r.share(),
                    r.presence().name().toLowerCase(Locale.ROOT));
        }
    }

    /** The pooled rate and percentiles are of every agency compared; the rows are a page of them. */
    record CompareAnswer(String metric, int year, @JsonProperty("min_n") int minN,
                         @JsonProperty("pooled_rate") @JsonInclude(JsonInclude.Include.NON_NULL) Double pooledRate,
                         @JsonInclude(JsonInclude.Include.NON_NULL) PercentilesJson percentiles,
                         @JsonProperty("agencies_total") int agenciesTotal, int offset, List<ComparedJson> agencies) {

        static CompareAnswer of(AnalyticsService.Comparison c, Page page) {
            return new CompareAnswer(c.metric().code(), c.year(), c.minN(), c.funnel() == null ? null : c.funnel().pooledRate(),
                    c.percentiles() == null ? null : PercentilesJson.of(c.percentiles()), c.agencies().size(), page.offset(),
                    page.of(c.agencies()).stream().map(ComparedJson::of).toList());
        }
    }

    record PercentilesJson(double p10, double p25, double p50, double p75, double p90) {

        static PercentilesJson of(PeerPercentiles p) {
            return new PercentilesJson(p.p10(), p.p25(), p.p50(), p.p75(), p.p90());
        }
    }

    /** One agency on the funnel; an agency with fewer applications than min_n is drawn but not ranked ("样本不足"). */
    record ComparedJson(@JsonProperty("agency_id") long agencyId, String agency, long events, long n, double rate, double z,
                        List<Double> limits95, List<Double> limits998, boolean outside95, boolean outside998,
                        @JsonProperty("percentile_rank") Double percentileRank, String note) {

        static ComparedJson of(AnalyticsService.Compared c) {
            var p = c.point();
            return new ComparedJson(c.figures().agencyId(), c.figures().agency(), p.unit().events(), p.unit().n(), p.rate(), p.z(),
                    List.of(p.lower95(), p.upper95()), List.of(p.lower998(), p.upper998()), p.outside95(), p.outside998(),
                    c.percentileRank(), c.ranked() ? null : "样本不足");
        }
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
                    @JsonProperty("created_by") String createdBy, @JsonProperty("created_at") LocalDateTime createdAt) {

        static NoteJson of(NoteService.Note n) {
            return new NoteJson(n.id(), n.subject(), n.subjectLabel(), n.metric(), n.year(), n.body(), n.createdBy(), n.createdAt());
        }
    }

    /** What a refused request is told: the reason, in the words of the check that refused it. */
    record ErrorJson(String error) {
    }
}
