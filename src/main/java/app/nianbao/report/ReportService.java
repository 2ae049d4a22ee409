package app.nianbao.report;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.CELL_BOX;
import static app.nianbao.store.jooq.Tables.CURRENT_CELLS;
import static app.nianbao.store.jooq.Tables.CURRENT_REPORT;
import static app.nianbao.store.jooq.Tables.FIGURE;
import static app.nianbao.store.jooq.Tables.FINDING;
import static app.nianbao.store.jooq.Tables.REPORT;
import static app.nianbao.store.jooq.Tables.REPORT_RESTORE;
import static app.nianbao.store.jooq.Tables.SCAN_PAGE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.nianbao.catalog.AgencyLevel;
import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Scope;
import app.nianbao.catalog.Template;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;
import app.nianbao.figures.ReviewStatus;
import app.nianbao.figures.Severity;
import app.nianbao.parse.Published;
import app.nianbao.parse.ScanImage;
import app.nianbao.store.jooq.tables.records.FindingRecord;

/**
 * Stored reports read back — lists, one report with its figures, findings and versions — and
 * the reviews of findings; the import writes reports through {@link ReportBatch}.
 */
@Service
public class ReportService {

    /** A current report, named without the counts that lists show. */
    public record ReportRef(long reportId, long agencyId, String agency, int year, String template) {
    }

    /**
     * A stored report as lists show it. Errors and warnings are those that count: an auditor's
     * dismissals are left out and kept apart, and a dismissed blank-cell warning no longer counts
     * as a blank cell in the score.
     */
    public record ReportSummary(long reportId, long agencyId, String agency, int year, String template, String format,
                                int version, int errors, int warnings, int blankCells, int adjustedCells,
                                LocalDateTime importedAt, Published published, Marks marks, Dismissed dismissed) {
        public int score() {
            int blank = blankCells - dismissed.blankCells();
            return QualityScore.of(errors, warnings - blank, blank, adjustedCells);
        }
    }

    /** Findings an auditor dismissed, by severity, and how many of the warnings were blank cells. */
    public record Dismissed(int errors, int warnings, int blankCells) {

        public static final Dismissed NONE = new Dismissed(0, 0, 0);
    }

    /** What the collector saw of a report at its source after it was published: changed, taken down (dates or null). */
    public record Marks(LocalDate changedOn, LocalDate withdrawnOn) {
    }

    /** One version of an agency's report for a year; for a restored one, what it copies, who restored it, when and why. */
    public record ReportVersion(long reportId, int version, String sourceName, String sha256, LocalDateTime importedAt, Restored restored) {
    }

    /** An older version made current again: the version it copies, by whom, when and why. */
    public record Restored(int fromVersion, String by, LocalDateTime at, String reason) {
    }

    /** A stored finding with its review. */
    public record StoredFinding(long id, Finding finding, String reviewStatus, String reviewComment, String reviewedBy,
                                LocalDateTime reviewedAt) {
    }

    /** Everything the report page shows. */
    public record ReportDetail(ReportSummary summary, Figures figures, List<StoredFinding> findings, String sourceText,
                               List<ReportVersion> versions, ScanLayout scan) {
    }

    /**
     * A scanned report's pages (width and height in pixels, 1-based page numbers) and where each
     * cell was read on them; empty for a report that is not a scan. The images come one at a time
     * from {@link #scanPageImage}, as the reader turns the pages.
     */
    public record ScanLayout(List<ScanPageSize> pages, Map<CellCode, ScanImage.Box> boxes) {

        public boolean isEmpty() {
            return pages.isEmpty();
        }
    }

    public record ScanPageSize(int page, int width, int height) {
    }

    private final DSLContext dsl;
    private final ReportBatch batch;

    public ReportService(DSLContext dsl, ReportBatch batch) {
        this.dsl = dsl;
        this.batch = batch;
    }

    public Optional<Long> findBySha256(String sha256) {
        return dsl.select(REPORT.ID).from(REPORT).where(REPORT.SHA256.eq(sha256)).limit(1).fetchOptional(REPORT.ID);
    }

    /** Replaces a report's findings, keeping the review of every finding that still holds. */
    public void replaceFindings(long reportId, List<Finding> findings) {
        batch.replaceFindings(Map.of(reportId, findings));
    }

    /**
     * An auditor's verdict on a finding: confirmed or dismissed (or back to open), with a comment,
     * the reviewer's account and the time. A dismissal says why, or it is refused.
     */
    @PreAuthorize("hasRole('ANALYST')")
    public void review(long findingId, ReviewStatus status, String comment, String reviewer) {
        review(DSL.select(FINDING.ID).from(FINDING).where(FINDING.ID.eq(findingId)), status, comment, reviewer);
    }

    /** One verdict for every finding of a rule in a report (all 135 blank cells at once); returns how many it was given to. */
    @PreAuthorize("hasRole('ANALYST')")
    public int reviewAll(long reportId, String rule, ReviewStatus status, String comment, String reviewer) {
        return review(DSL.select(FINDING.ID).from(FINDING).where(FINDING.REPORT_ID.eq(reportId)).and(FINDING.RULE.eq(rule)),
                status, comment, reviewer);
    }

    /**
     * The one way a review is written: one verdict, comment, reviewer and time for the findings
     * the query selects (by id), in one statement; returns how many were reviewed.
     */
    @PreAuthorize("hasRole('ANALYST')")
    @Transactional
    public int review(Select<? extends Record1<Long>> findingIds, ReviewStatus status, String comment, String reviewer) {
        if (status == ReviewStatus.DISMISSED && (comment == null || comment.isBlank())) {
            throw new IllegalArgumentException("排除一条发现须写明理由 / dismissing a finding needs a comment saying why");
        }
        return dsl.update(FINDING)
                .set(FINDING.REVIEW_STATUS, status.code())
                .set(FINDING.REVIEW_COMMENT, comment == null || comment.isBlank() ? null : comment.strip())
                .set(FINDING.REVIEWED_BY, reviewer)
                .set(FINDING.REVIEWED_AT, LocalDateTime.now())
                .where(FINDING.ID.in(findingIds))
                .execute();
    }

    /**
     * The publication date a user states for a report version, which outranks every date read
     * from the source; null removes it (the register then counts the report as undated).
     */
    @PreAuthorize("hasRole('ANALYST')")
    public void setPublished(long reportId, LocalDate on) {
        dsl.update(REPORT).set(REPORT.PUBLISHED_ON, on).set(REPORT.DATE_SOURCE, on == null ? null
                        : Published.Source.USER.code())
                .where(REPORT.ID.eq(reportId)).execute();
    }

    /** The current version of every agency's report for every year, newest year first. */
    public List<ReportSummary> listCurrent(String search) {
        return page(ReportQuery.search(search), 0, Integer.MAX_VALUE);
    }

    /**
     * One page of the current reports, newest year first: what the reports list shows at a
     * time, so that 700,000 reports cost no more than fifty.
     */
    /** What the reports list can be sorted by; every sort falls back on newest year, then agency name. */
    public enum ReportSort {
        AGENCY, YEAR, FORMAT, VERSION, SCORE, ERRORS, WARNINGS, PUBLISHED;

        /** The sort a link names ("score"), or null for none this version knows. */
        public static ReportSort ofKey(String key) {
            for (ReportSort sort : values()) {
                if (sort.name().equalsIgnoreCase(key)) {
                    return sort;
                }
            }
            return null;
        }
    }

    /**
     * Which current reports the list shows and in what order: part of the agency's name (or a
     * year typed into the search), the agency's level (its stored name, null for any), a year
     * (null for any), and the sort (null for the default order).
     */
    public record ReportQuery(String search, String level, Integer year, ReportSort sort, boolean descending) {

        public static ReportQuery search(String search) {
            return new ReportQuery(search, null, null, null, false);
        }
    }

    public List<ReportSummary> page(String search, int offset, int limit) {
        return page(ReportQuery.search(search), offset, limit);
    }

    public List<ReportSummary> page(ReportQuery query, int offset, int limit) {
        if (query.sort() == null) {
            return summaries(inDefaultOrder(query, offset, limit));
        }
        Table<?> rows = current();
        Table<?> counts = QualityScore.findingCounts(DSL.noCondition());
        Field<Integer> errors = QualityScore.count(counts, "errors");
        Field<Integer> warnings = QualityScore.count(counts, "warnings");
        Field<?> key = switch (query.sort()) {
            case AGENCY -> AGENCY.NAME;
            case YEAR -> CURRENT_CELLS.YEAR;
            case FORMAT -> REPORT.FORMAT;
            case VERSION -> REPORT.VERSION;
            case PUBLISHED -> REPORT.PUBLISHED_ON;
            case ERRORS -> errors;
            case WARNINGS -> warnings;
            case SCORE -> QualityScore.of(counts, CURRENT_CELLS.BLANK_CELLS, CURRENT_CELLS.ADJUSTED_CELLS);
        };
        List<SortField<?>> order = new ArrayList<>();
        order.add(query.descending() ? key.desc().nullsLast() : key.asc().nullsLast());
        if (Set.of(ReportSort.ERRORS, ReportSort.WARNINGS, ReportSort.SCORE).contains(query.sort())) {
            rows = rows.leftJoin(counts).on(counts.field(FINDING.REPORT_ID).eq(CURRENT_CELLS.REPORT_ID));
        } else if (Set.of(ReportSort.FORMAT, ReportSort.VERSION, ReportSort.PUBLISHED).contains(query.sort())) {
            rows = rows.join(REPORT).on(REPORT.ID.eq(CURRENT_CELLS.REPORT_ID));
        }
        order.addAll(List.of(CURRENT_CELLS.YEAR.desc(), AGENCY.NAME.asc(), CURRENT_CELLS.REPORT_ID.asc()));
        return summaries(dsl.select(CURRENT_CELLS.REPORT_ID).from(rows).where(filter(query)).orderBy(order)
                .offset(offset).limit(limit).fetch(CURRENT_CELLS.REPORT_ID));
    }

    public int countCurrent(String search) {
        return countCurrent(ReportQuery.search(search));
    }

    public int countCurrent(ReportQuery query) {
        return reportsPerYear(query).values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The default order, latest year first and then by name: a page is cut out of the years it
     * falls in, each asked apart, so that PostgreSQL walks the names' index within a year
     * instead of sorting every current report of the store for each page.
     */
    private List<Long> inDefaultOrder(ReportQuery query, int offset, int limit) {
        List<Long> ids = new ArrayList<>();
        int skip = offset;
        for (var year : reportsPerYear(query).entrySet()) {
            if (ids.size() >= limit) {
                break;
            }
            if (skip >= year.getValue()) {
                skip -= year.getValue();
                continue;
            }
            ids.addAll(dsl.select(CURRENT_CELLS.REPORT_ID).from(current()).where(filter(query), CURRENT_CELLS.YEAR.eq(year.getKey()))
                    .orderBy(AGENCY.NAME.asc(), CURRENT_CELLS.REPORT_ID.asc()).offset(skip).limit(limit - ids.size())
                    .fetch(CURRENT_CELLS.REPORT_ID));
            skip = 0;
        }
        return ids;
    }

    /** How many current reports match, per year, latest first; counted by the roll-ups when no text is searched for. */
    private NavigableMap<Integer, Integer> reportsPerYear(ReportQuery query) {
        NavigableMap<Integer, Integer> perYear = new TreeMap<>(Comparator.reverseOrder());
        if (query.search() == null || query.search().isBlank()) {
            String unit = Rollups.unit(query.level() == null ? new Scope.All() : new Scope.Level(AgencyLevel.valueOf(query.level())));
            int from = query.year() == null ? Integer.MIN_VALUE : query.year();
            int to = query.year() == null ? Integer.MAX_VALUE : query.year();
            Rollups.read(dsl, unit, from, to, List.of(Rollups.reports())).forEach((year, entries) ->
                    perYear.put(year, Rollups.Entry.whole(entries.get(Rollups.reports()))));
        } else {
            dsl.select(CURRENT_CELLS.YEAR, DSL.count()).from(current()).where(filter(query)).groupBy(CURRENT_CELLS.YEAR)
                    .forEach(r -> perYear.put(r.value1(), r.value2()));
        }
        perYear.values().removeIf(n -> n == 0);
        return perYear;
    }

    private static Table<?> current() {
        return CURRENT_CELLS.join(AGENCY).on(AGENCY.ID.eq(CURRENT_CELLS.AGENCY_ID));
    }

    private static Condition filter(ReportQuery query) {
        String search = query.search() == null ? "" : query.search().strip();
        Condition matches = search.isEmpty() ? DSL.noCondition()
                : AGENCY.NAME.containsIgnoreCase(search).or(CURRENT_CELLS.YEAR.cast(String.class).eq(search));
        return matches.and(query.level() == null ? DSL.noCondition() : AGENCY.LEVEL.eq(query.level()))
                .and(query.year() == null ? DSL.noCondition() : CURRENT_CELLS.YEAR.eq(query.year()));
    }


    /** The agencies that have current reports, matching part of a name (or all when null), in id order. */
    public List<Long> agenciesWithReports(String nameContains) {
        return dsl.selectDistinct(CURRENT_CELLS.AGENCY_ID).from(CURRENT_CELLS).join(AGENCY).on(AGENCY.ID.eq(CURRENT_CELLS.AGENCY_ID))
                .where(nameContains == null ? DSL.noCondition() : AGENCY.NAME.contains(nameContains))
                .orderBy(CURRENT_CELLS.AGENCY_ID).fetch(CURRENT_CELLS.AGENCY_ID);
    }

    /** The current reports of these agencies, every year, without the per-report counts. */
    public List<ReportRef> currentRefs(Collection<Long> agencyIds) {
        return dsl.select(CURRENT_REPORT.ID, CURRENT_REPORT.AGENCY_ID, AGENCY.NAME, CURRENT_REPORT.YEAR, CURRENT_REPORT.TEMPLATE)
                .from(CURRENT_REPORT).join(AGENCY).on(AGENCY.ID.eq(CURRENT_REPORT.AGENCY_ID))
                .where(CURRENT_REPORT.AGENCY_ID.in(agencyIds))
                .orderBy(CURRENT_REPORT.AGENCY_ID, CURRENT_REPORT.YEAR)
                .fetch(Records.mapping(ReportRef::new));
    }

    /** Current reports, of one agency or (null) of all, without the per-report counts. */
    public List<ReportRef> currentRefs(Long agencyId) {
        return dsl.select(CURRENT_REPORT.ID, CURRENT_REPORT.AGENCY_ID, AGENCY.NAME, CURRENT_REPORT.YEAR, CURRENT_REPORT.TEMPLATE)
                .from(CURRENT_REPORT).join(AGENCY).on(AGENCY.ID.eq(CURRENT_REPORT.AGENCY_ID))
                .where(agencyId == null ? DSL.noCondition() : CURRENT_REPORT.AGENCY_ID.eq(agencyId))
                .orderBy(CURRENT_REPORT.YEAR.desc(), AGENCY.NAME)
                .fetch(Records.mapping(ReportRef::new));
    }

    public Optional<ReportSummary> current(long agencyId, int year) {
        return summaries(dsl.select(CURRENT_CELLS.REPORT_ID).from(CURRENT_CELLS)
                .where(CURRENT_CELLS.AGENCY_ID.eq(agencyId), CURRENT_CELLS.YEAR.eq(year)).fetch(CURRENT_CELLS.REPORT_ID))
                .stream().findFirst();
    }

    public int count() {
        return dsl.fetchCount(REPORT);
    }

    /**
     * The list rows of these reports, in the order given. Finding counts are grouped over just
     * these reports; blank and adjusted cells come from current_cells, not from the figures.
     */
    private List<ReportSummary> summaries(List<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        record Counts(int errors, int warnings, Dismissed dismissed) {
        }
        Map<Long, Counts> severities = new HashMap<>();
        Table<?> counts = QualityScore.findingCounts(FINDING.REPORT_ID.in(reportIds));
        dsl.select(counts.field(FINDING.REPORT_ID), QualityScore.count(counts, "errors"), QualityScore.count(counts, "warnings"),
                        QualityScore.count(counts, "dismissed_errors"), QualityScore.count(counts, "dismissed_warnings"),
                        QualityScore.count(counts, "dismissed_blank"))
                .from(counts)
                .fetch(Records.mapping((id, errors, warnings, dErrors, dWarnings, dBlank) -> Map.entry(id,
                        new Counts(errors, warnings, new Dismissed(dErrors, dWarnings, dBlank)))))
                .forEach(entry -> severities.put(entry.getKey(), entry.getValue()));
        Map<Long, ReportSummary> byId = new HashMap<>();
        dsl.select(REPORT.ID, REPORT.AGENCY_ID, AGENCY.NAME, REPORT.YEAR, REPORT.TEMPLATE, REPORT.FORMAT, REPORT.VERSION,
                        CURRENT_CELLS.BLANK_CELLS, CURRENT_CELLS.ADJUSTED_CELLS, REPORT.IMPORTED_AT, REPORT.PUBLISHED_ON, REPORT.DATE_SOURCE,
                        REPORT.CHANGED_ON, REPORT.WITHDRAWN_ON)
                .from(REPORT).join(AGENCY).on(AGENCY.ID.eq(REPORT.AGENCY_ID))
                .join(CURRENT_CELLS).on(CURRENT_CELLS.REPORT_ID.eq(REPORT.ID))
                .where(REPORT.ID.in(reportIds))
                .fetch(Records.mapping((id, agencyId, agency, year, template, format, version, blank, adjusted, importedAt, on, source,
                                        changed, withdrawn) -> {
                    Counts found = severities.getOrDefault(id, new Counts(0, 0, Dismissed.NONE));
                    return new ReportSummary(id, agencyId, agency, year, template, format, version, found.errors(), found.warnings(),
                            blank, adjusted, importedAt, published(on, source), new Marks(changed, withdrawn), found.dismissed());
                }))
                .forEach(summary -> byId.put(summary.reportId(), summary));
        return reportIds.stream().map(byId::get).toList();
    }

    /** A stored publication date with its source, or null where none is stored. */
    static Published published(LocalDate on, String source) {
        return on == null ? null : new Published(on, Published.Source.ofCode(source)
                .orElse(Published.Source.USER));
    }

    public Optional<ReportDetail> detail(long agencyId, int year) {
        return current(agencyId, year).map(summary -> new ReportDetail(summary, figures(summary.reportId(),
                Template.ofCode(summary.template())), findings(summary.reportId()),
                sourceText(summary.reportId()),
                versions(agencyId, year), scanLayout(summary.reportId())));
    }

    public ScanLayout scanLayout(long reportId) {
        List<ScanPageSize> pages = dsl.select(SCAN_PAGE.PAGE, SCAN_PAGE.WIDTH, SCAN_PAGE.HEIGHT).from(SCAN_PAGE)
                .where(SCAN_PAGE.REPORT_ID.eq(reportId)).orderBy(SCAN_PAGE.PAGE).fetch(Records.mapping(ScanPageSize::new));
        Map<CellCode, ScanImage.Box> boxes = new LinkedHashMap<>();
        if (!pages.isEmpty()) {
            dsl.selectFrom(CELL_BOX).where(CELL_BOX.REPORT_ID.eq(reportId)).forEach(r -> boxes.put(
                    new CellCode(r.getTbl(), r.getRowCode(), r.getColCode()),
                    new ScanImage.Box(r.getPage(), r.getX(), r.getY(), r.getW(), r.getH(), r.getConfidence(), r.getReadAs())));
        }
        return new ScanLayout(pages, boxes);
    }

    /** One page of a scanned report as the JPEG the reader straightened, if there is such a page. */
    public Optional<byte[]> scanPageImage(long reportId, int page) {
        return dsl.select(SCAN_PAGE.IMAGE).from(SCAN_PAGE).where(SCAN_PAGE.REPORT_ID.eq(reportId), SCAN_PAGE.PAGE.eq(page))
                .fetchOptional(SCAN_PAGE.IMAGE);
    }

    public String sourceText(long reportId) {
        return dsl.select(REPORT.SOURCE_TEXT).from(REPORT).where(REPORT.ID.eq(reportId)).fetchOne(REPORT.SOURCE_TEXT);
    }

    public Figures figures(long reportId, Template template) {
        Figures figures = new Figures(template);
        dsl.selectFrom(FIGURE).where(FIGURE.REPORT_ID.eq(reportId)).forEach(r -> figures.put(ReportBatch.cell(r)));
        return figures;
    }

    /** A current stored report: the version a new import of its agency and year would replace, with its figures. */
    public record StoredVersion(long reportId, long agencyId, int year, int version, LocalDateTime importedAt,
                                Map<CellCode, BigDecimal> values) {
    }

    /**
     * The current versions stored for these agency-years (agency id → years), with their values,
     * in two queries however many are asked; an agency-year with none stored is absent.
     */
    public List<StoredVersion> currentVersions(Map<Long, Set<Integer>> yearsByAgency) {
        if (yearsByAgency.isEmpty()) {
            return List.of();
        }
        Condition asked = DSL.or(yearsByAgency.entrySet().stream()
                .map(e -> CURRENT_REPORT.AGENCY_ID.eq(e.getKey()).and(CURRENT_REPORT.YEAR.in(e.getValue()))).toList());
        return withValues(dsl.select(CURRENT_REPORT.ID, CURRENT_REPORT.AGENCY_ID, CURRENT_REPORT.YEAR, CURRENT_REPORT.VERSION,
                        CURRENT_REPORT.IMPORTED_AT)
                .from(CURRENT_REPORT).where(asked).fetch(Records.mapping(Head::new)));
    }

    /** Any stored version, current or not, with its values: what the report page compares with the current one. */
    public Optional<StoredVersion> storedVersion(long reportId) {
        return withValues(dsl.select(REPORT.ID, REPORT.AGENCY_ID, REPORT.YEAR, REPORT.VERSION, REPORT.IMPORTED_AT)
                .from(REPORT).where(REPORT.ID.eq(reportId)).fetch(Records.mapping(Head::new))).stream().findFirst();
    }

    private record Head(long reportId, long agencyId, int year, int version, LocalDateTime importedAt) {
    }

    /** The versions' values, in one query for all of them. */
    private List<StoredVersion> withValues(List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<CellCode, BigDecimal>> values = new HashMap<>();
        dsl.select(FIGURE.REPORT_ID, FIGURE.TBL, FIGURE.ROW_CODE, FIGURE.COL_CODE, FIGURE.VALUE).from(FIGURE)
                .where(FIGURE.REPORT_ID.in(heads.stream().map(Head::reportId).toList()))
                .forEach(r -> values.computeIfAbsent(r.get(FIGURE.REPORT_ID), id -> new HashMap<>())
                        .put(new CellCode(r.get(FIGURE.TBL), r.get(FIGURE.ROW_CODE), r.get(FIGURE.COL_CODE)), r.get(FIGURE.VALUE)));
        return heads.stream().map(h -> new StoredVersion(h.reportId(), h.agencyId(), h.year(), h.version(), h.importedAt(),
                values.getOrDefault(h.reportId(), Map.of()))).toList();
    }

    public List<StoredFinding> findings(long reportId) {
        return dsl.selectFrom(FINDING).where(FINDING.REPORT_ID.eq(reportId)).orderBy(FINDING.ID).fetch(ReportService::stored);
    }

    static StoredFinding stored(FindingRecord r) {
        return new StoredFinding(r.getId(), new Finding(r.getRule(), Severity.ofCode(r.getSeverity()), r.getTbl(),
                r.getRowCode(), r.getColCode(), r.getExpected(), r.getActual(), r.getMessage()),
                r.getReviewStatus(), r.getReviewComment(), r.getReviewedBy(), r.getReviewedAt());
    }

    public List<ReportVersion> versions(long agencyId, int year) {
        var from = REPORT.as("restored_report");
        return dsl.select(REPORT.ID, REPORT.VERSION, REPORT.SOURCE_NAME, REPORT.SHA256, REPORT.IMPORTED_AT,
                        from.VERSION, REPORT_RESTORE.RESTORED_BY, REPORT_RESTORE.RESTORED_AT, REPORT_RESTORE.REASON)
                .from(REPORT).leftJoin(REPORT_RESTORE).on(REPORT_RESTORE.REPORT_ID.eq(REPORT.ID))
                .leftJoin(from).on(from.ID.eq(REPORT_RESTORE.RESTORED_FROM))
                .where(REPORT.AGENCY_ID.eq(agencyId), REPORT.YEAR.eq(year)).orderBy(REPORT.VERSION.desc())
                .fetch(Records.mapping((id, version, source, sha, at, fromVersion, by, restoredAt, reason) -> new ReportVersion(id, version,
                        source, sha, at, by == null ? null : new Restored(fromVersion, by, restoredAt, reason))));
    }

    /** Any stored version of a report as the API serves it: its place in the history, form, figures and findings. */
    public record VersionDetail(ReportVersion version, String template, String format, Published published,
                                Figures figures, List<StoredFinding> findings) {
    }

    public Optional<VersionDetail> version(long agencyId, int year, int version) {
        return versions(agencyId, year).stream().filter(v -> v.version() == version).findFirst().map(v -> {
            var head = dsl.select(REPORT.TEMPLATE, REPORT.FORMAT, REPORT.PUBLISHED_ON, REPORT.DATE_SOURCE).from(REPORT)
                    .where(REPORT.ID.eq(v.reportId())).fetchOne();
            Template template = Template.ofCode(head.get(REPORT.TEMPLATE));
            return new VersionDetail(v, template.code(), head.get(REPORT.FORMAT), published(head.get(REPORT.PUBLISHED_ON),
                    head.get(REPORT.DATE_SOURCE)), figures(v.reportId(), template), findings(v.reportId()));
        });
    }

    /**
     * Makes an older version current again, as a new version that copies it (figures, findings
     * with their reviews, a scan's pages and boxes), recording who did it, when and why; the
     * versions in between stay stored. Returns the new version's number.
     */
    @PreAuthorize("hasRole('ANALYST')")
    @Transactional
    public int restore(long reportId, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("恢复旧版本须写明理由 / making an older version current needs a reason");
        }
        var old = dsl.select(REPORT.AGENCY_ID, REPORT.YEAR).from(REPORT).where(REPORT.ID.eq(reportId)).fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("没有这个版本 / no such version: " + reportId));
        int version = dsl.select(DSL.max(REPORT.VERSION)).from(REPORT)
                .where(REPORT.AGENCY_ID.eq(old.get(REPORT.AGENCY_ID)), REPORT.YEAR.eq(old.get(REPORT.YEAR))).fetchOne(DSL.max(REPORT.VERSION)) + 1;
        long copy = batch.reserveReportIds(1).get(0);
        LocalDateTime now = LocalDateTime.now();
        copyRows(REPORT, REPORT.ID, reportId, copy, Map.of(REPORT.VERSION, DSL.inline(version), REPORT.IMPORTED_AT, DSL.val(now)));
        copyRows(FIGURE, FIGURE.REPORT_ID, reportId, copy, Map.of());
        copyRows(FINDING, FINDING.REPORT_ID, reportId, copy, Map.of(FINDING.ID, DSL.field("nextval('finding_id_seq')", Long.class)));
        copyRows(SCAN_PAGE, SCAN_PAGE.REPORT_ID, reportId, copy, Map.of());
        copyRows(CELL_BOX, CELL_BOX.REPORT_ID, reportId, copy, Map.of());
        dsl.insertInto(REPORT_RESTORE, REPORT_RESTORE.REPORT_ID, REPORT_RESTORE.RESTORED_FROM, REPORT_RESTORE.RESTORED_BY,
                REPORT_RESTORE.RESTORED_AT, REPORT_RESTORE.REASON).values(copy, reportId, by, now, reason.strip()).execute();
        CurrentCells.refresh(dsl, List.of(old.get(REPORT.AGENCY_ID)));
        return version;
    }

    /** Copies a report's rows of a table to another report id, every column as it is but the ones given. */
    private <R extends org.jooq.Record> void copyRows(Table<R> table, Field<Long> reportColumn, long from, long to,
                                                      Map<Field<?>, Field<?>> replaced) {
        List<Field<?>> values = new ArrayList<>();
        for (Field<?> column : table.fields()) {
            values.add(column.equals(reportColumn) ? DSL.inline(to) : replaced.getOrDefault(column, column));
        }
        dsl.insertInto(table).columns(table.fields()).select(DSL.select(values).from(table).where(reportColumn.eq(from))).execute();
    }
}
