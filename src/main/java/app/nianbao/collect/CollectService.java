package app.nianbao.collect;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.REPORT;
import static app.nianbao.store.jooq.Tables.SOURCE_PAGE;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import app.nianbao.collect.Sources.Source;
import app.nianbao.imports.ImportOutcome;
import app.nianbao.imports.ImportService;
import app.nianbao.parse.ParsedReport;
import app.nianbao.parse.Published;
import app.nianbao.parse.ReadOptions;

/**
 * Keeps reports current with their sources. For each source URL it fetches the page (politely),
 * and when the page is a report imports it through the normal import, when it is a list page of
 * annual reports follows its report links (and its next pages), and when it is a page that only
 * links the report as a file fetches the attachment. What it saw is kept per URL in
 * {@code source_page}: first seen, last seen, last changed, and when it went (404/410, or its
 * link left the list page) — a gone report is marked withdrawn, a changed one becomes a new
 * version marked changed after publication.
 */
@Service
public class CollectService {

    /** How far a list is followed: its next pages, at most this many. */
    static final int MAX_LIST_PAGES = 20;

    public enum Outcome {
        /** a report seen for the first time and imported */
        NEW,
        /** a known source whose report changed: imported as a new version */
        CHANGED,
        /** seen again as it was */
        UNCHANGED,
        /** a list page, its links followed */
        LIST,
        /** answered 404/410 or left the list page: its report is marked withdrawn */
        GONE,
        /** fetched but not a readable report, or the fetch failed */
        FAILED,
        /** not fetched: not a public http(s) address, or robots.txt disallows it */
        REFUSED
    }

    /** What one URL gave: the outcome, why (for FAILED, REFUSED and GONE), and the report it became. */
    public record Result(String url, Outcome outcome, String detail, String agency, Integer year, Integer version) {

        static Result of(URI url, Outcome outcome, String detail) {
            return new Result(url.toString(), outcome, detail, null, null, null);
        }
    }

    /** A source URL as the collector keeps it, for the analysts' table. */
    public record SourcePage(String url, String agencyName, String listUrl, LocalDateTime firstSeen, LocalDateTime lastSeen,
                             LocalDateTime lastChanged, LocalDateTime goneOn, String goneReason, Long agencyId, Integer year) {
    }

    /** The collector's settings: the wait between requests to one host, whether private addresses may be fetched, who to contact. */
    public record Settings(long delayMillis, boolean allowPrivate, String contact) {
    }

    private final DSLContext dsl;
    private final ImportService imports;
    private final Settings settings;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    @Autowired
    public CollectService(DSLContext dsl, ImportService imports, @Value("${nianbao.collect.delay-ms:1000}") long delayMillis,
                          @Value("${nianbao.collect.allow-private-addresses:false}") boolean allowPrivate,
                          @Value("${nianbao.collect.contact:}") String contact) {
        this(dsl, imports, new Settings(delayMillis, allowPrivate, contact), Clock.systemDefaultZone());
    }

    public CollectService(DSLContext dsl, ImportService imports, Settings settings, Clock clock) {
        this.dsl = dsl;
        this.imports = imports;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Collects every source, one after the other, telling each URL's result as it comes. One run
     * at a time — two would each keep their own pace and together hit a host twice as often —
     * so a second call while one runs is refused.
     */
    @PreAuthorize("hasRole('ANALYST')")
    public List<Result> collect(List<Source> sources, Consumer<Result> progress) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("另一次采集正在进行，请稍后再试 / another collection is running: try again when it is done");
        }
        try {
            AddressGuard guard = new AddressGuard(settings.allowPrivate());
            Run run = new Run(guard, new PoliteClient(guard, settings.delayMillis(), imports.maxBytes(), settings.contact()), progress);
            for (Source source : sources) {
                run.source(source);
            }
            return run.results;
        } finally {
            running.set(false);
        }
    }

    public boolean running() {
        return running.get();
    }

    /** How many URLs had each outcome, in the outcomes' order: "NEW 3, UNCHANGED 2". */
    public static Map<Outcome, Long> tally(List<Result> results) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        results.forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
        return counts;
    }

    /** The sources a user listed (not the links found on their list pages), to collect again on the schedule. */
    public List<Source> remembered() {
        return dsl.select(SOURCE_PAGE.AGENCY_NAME, SOURCE_PAGE.URL).from(SOURCE_PAGE).where(SOURCE_PAGE.LIST_URL.isNull())
                .orderBy(SOURCE_PAGE.ID).fetch(r -> new Source(r.get(SOURCE_PAGE.AGENCY_NAME), URI.create(r.get(SOURCE_PAGE.URL))));
    }

    /** The URLs the collector knows, the most recently seen first. */
    public List<SourcePage> pages(int limit) {
        // the agency of the report the URL became, else the one the source list names
        return dsl.select(SOURCE_PAGE.URL, DSL.coalesce(AGENCY.NAME, SOURCE_PAGE.AGENCY_NAME), SOURCE_PAGE.LIST_URL, SOURCE_PAGE.FIRST_SEEN, SOURCE_PAGE.LAST_SEEN,
                        SOURCE_PAGE.LAST_CHANGED, SOURCE_PAGE.GONE_ON, SOURCE_PAGE.GONE_REASON, REPORT.AGENCY_ID, REPORT.YEAR)
                .from(SOURCE_PAGE).leftJoin(REPORT).on(REPORT.ID.eq(SOURCE_PAGE.REPORT_ID)).leftJoin(AGENCY).on(AGENCY.ID.eq(REPORT.AGENCY_ID))
                .orderBy(SOURCE_PAGE.LAST_SEEN.desc(), SOURCE_PAGE.ID).limit(limit)
                .fetch(Records.mapping(SourcePage::new));
    }

    /** One collection run: one polite client (its robots.txt and per-host waits shared by all sources). */
    private final class Run {
        private final AddressGuard guard;
        private final PoliteClient client;
        private final Consumer<Result> progress;
        private final List<Result> results = new ArrayList<>();

        Run(AddressGuard guard, PoliteClient client, Consumer<Result> progress) {
            this.guard = guard;
            this.client = client;
            this.progress = progress;
        }

        void source(Source source) {
            try {
                guard.check(source.url());
            } catch (AddressGuard.RefusedException e) {
                tell(Result.of(source.url(), Outcome.REFUSED, e.getMessage()));
                return;
            }
            page(source.url(), null, source.agency(), true);
        }

        /**
         * One URL: a report (page or file), a list of reports, or a page that carries its report
         * as an attachment. {@code listed} is whether a list may be followed from here.
         */
        private void page(URI url, URI listUrl, String agency, boolean listed) {
            PoliteClient.Fetched fetched;
            try {
                fetched = client.fetch(url);
            } catch (PoliteClient.FetchException e) {
                tell(Result.of(url, e.refused() ? Outcome.REFUSED : Outcome.FAILED, e.getMessage()));
                return;
            }
            if (fetched.gone()) {
                // a URL never seen before is a broken link, not a report that went
                if (known(url).isEmpty()) {
                    tell(Result.of(url, Outcome.FAILED, "HTTP %d（链接无效 / a broken link）".formatted(fetched.status())));
                    return;
                }
                gone(url, "http-" + fetched.status());
                tell(Result.of(url, Outcome.GONE, "HTTP " + fetched.status()));
                return;
            }
            if (!fetched.ok()) {
                tell(Result.of(url, Outcome.FAILED, "HTTP " + fetched.status()));
                return;
            }
            ImportService.Preview preview = read(url, fetched.body(), agency, listUrl != null);
            boolean html = Links.looksLikeHtml(fetched.body(), fetched.contentType());
            if (preview.failure() != null && html) {
                Links.Found found = Links.of(fetched.uri(), fetched.body());
                if (listed && !found.reports().isEmpty()) {
                    list(url, fetched, found, agency);
                    return;
                }
                if (!found.attachments().isEmpty()) {
                    seen(url, listUrl, agency, ImportService.sha256(fetched.body()), null, false);
                    found.attachments().forEach(a -> page(a, url, agency, false));
                    return;
                }
            }
            report(url, listUrl, agency, preview);
        }

        /** A list page: its report links (on this page and the next ones) collected, and links no longer listed marked gone. */
        private void list(URI url, PoliteClient.Fetched first, Links.Found found, String agency) {
            seen(url, null, agency, null, null, false);
            tell(Result.of(url, Outcome.LIST, null));
            Set<URI> reports = new LinkedHashSet<>(found.reports());
            Set<URI> visited = new LinkedHashSet<>(List.of(url, first.uri()));
            Deque<URI> next = new ArrayDeque<>(found.pages());
            boolean whole = true;
            while (!next.isEmpty() && visited.size() < MAX_LIST_PAGES + 1) {
                URI more = next.poll();
                if (!visited.add(more)) {
                    continue;
                }
                try {
                    PoliteClient.Fetched page = client.fetch(more);
                    if (page.ok()) {
                        Links.Found on = Links.of(page.uri(), page.body());
                        reports.addAll(on.reports());
                        next.addAll(on.pages());
                    } else {
                        whole = false;
                        tell(Result.of(more, Outcome.FAILED, "HTTP " + page.status()));
                    }
                } catch (PoliteClient.FetchException e) {
                    whole = false;
                    tell(Result.of(more, Outcome.FAILED, e.getMessage()));
                }
            }
            reports.removeAll(visited);
            reports.forEach(r -> page(r, url, agency, false));
            // a link is only known to have left the list when the whole list was read
            if (whole) {
                unlisted(url, reports);
            }
        }

        /** Reads a fetched page as a report; a link from a list names its own agency, the listed one only if it names none. */
        private ImportService.Preview read(URI url, byte[] body, String agency, boolean fromList) {
            String name = fileName(url);
            ImportService.Preview preview = imports.preview(name, body, new ReadOptions(fromList ? null : agency, null, null));
            if (fromList && preview.failure() != null && agency != null) {
                ImportService.Preview named = imports.preview(name, body, new ReadOptions(agency, null, null));
                return named.failure() == null ? named : preview;
            }
            return preview;
        }

        private void report(URI url, URI listUrl, String agency, ImportService.Preview preview) {
            Optional<Known> known = known(url);
            if (preview.alreadyStored()) {
                Long reportId = reportOf(preview.sha256());
                Long before = known.map(Known::reportId).orElse(null);
                if (before != null && reportId != null && !before.equals(reportId)) {
                    // the source went back to bytes stored before: the version it showed is no longer what it shows
                    dsl.update(REPORT).set(REPORT.CHANGED_ON, LocalDate.now(clock)).where(REPORT.ID.eq(before)).execute();
                    seen(url, listUrl, agency, preview.sha256(), reportId, true);
                    Result back = described(url, Outcome.CHANGED, null, reportId);
                    tell(new Result(back.url(), back.outcome(), "来源改回已存的第 %d 版 / the source shows stored version %d again"
                            .formatted(back.version(), back.version()), back.agency(), back.year(), back.version()));
                    return;
                }
                seen(url, listUrl, agency, preview.sha256(), reportId, false);
                tell(described(url, Outcome.UNCHANGED, null, reportId));
                return;
            }
            if (preview.failure() != null) {
                seen(url, listUrl, agency, preview.sha256(), null, false);
                tell(Result.of(url, Outcome.FAILED, preview.failure()));
                return;
            }
            ParsedReport parsed = preview.report();
            Long before = known.map(Known::reportId).orElse(null);
            if (before != null && parsed.sourceText().equals(sourceText(before))) {
                // the page around the report changed (a counter, a menu), the report did not
                seen(url, listUrl, agency, preview.sha256(), before, false);
                tell(described(url, Outcome.UNCHANGED, "页面有变动，报告文字未变 / the page changed, the report text did not", before));
                return;
            }
            LocalDateTime now = LocalDateTime.now(clock);
            if (parsed.published() == null) {
                LocalDate firstSeen = known.map(Known::firstSeen).orElse(now).toLocalDate();
                parsed = withPublished(parsed, new Published(firstSeen, Published.Source.COLLECTED));
            }
            ImportOutcome outcome = imports.store(preview.file(), preview.sha256(), parsed, false);
            if (outcome.status() != ImportOutcome.Status.IMPORTED && outcome.status() != ImportOutcome.Status.REPLACED) {
                seen(url, listUrl, agency, preview.sha256(), before, false);
                tell(Result.of(url, Outcome.FAILED, outcome.reason()));
                return;
            }
            Long reportId = reportOf(preview.sha256());
            boolean changed = before != null;
            if (changed && reportId != null) {
                dsl.update(REPORT).set(REPORT.CHANGED_ON, now.toLocalDate()).where(REPORT.ID.eq(reportId)).execute();
            }
            seen(url, listUrl, agency, preview.sha256(), reportId, true);
            tell(new Result(url.toString(), changed ? Outcome.CHANGED : Outcome.NEW, null, outcome.agency(), outcome.year(), outcome.version()));
        }

        private void tell(Result result) {
            results.add(result);
            progress.accept(result);
        }
    }

    private record Known(LocalDateTime firstSeen, Long reportId) {
    }

    private Optional<Known> known(URI url) {
        return dsl.select(SOURCE_PAGE.FIRST_SEEN, SOURCE_PAGE.REPORT_ID).from(SOURCE_PAGE).where(SOURCE_PAGE.URL.eq(url.toString()))
                .fetchOptional(Records.mapping(Known::new));
    }

    /** A result with the agency, year and version of the stored report it is about. */
    private Result described(URI url, Outcome outcome, String detail, Long reportId) {
        if (reportId == null) {
            return Result.of(url, outcome, detail);
        }
        return dsl.select(AGENCY.NAME, REPORT.YEAR, REPORT.VERSION).from(REPORT).join(AGENCY).on(AGENCY.ID.eq(REPORT.AGENCY_ID))
                .where(REPORT.ID.eq(reportId))
                .fetchOptional(Records.mapping((agency, year, version) -> new Result(url.toString(), outcome, detail, agency, year, version)))
                .orElse(Result.of(url, outcome, detail));
    }

    private Long reportOf(String sha256) {
        return dsl.select(REPORT.ID).from(REPORT).where(REPORT.SHA256.eq(sha256)).orderBy(REPORT.VERSION.desc()).limit(1)
                .fetchOptional(REPORT.ID).orElse(null);
    }

    private String sourceText(long reportId) {
        return dsl.select(REPORT.SOURCE_TEXT).from(REPORT).where(REPORT.ID.eq(reportId)).fetchOptional(REPORT.SOURCE_TEXT).orElse(null);
    }

    /**
     * Records a URL as seen now: created on first sight, otherwise last seen moved on (and last
     * changed when its report changed). A URL seen again after it went is back: the withdrawn
     * mark leaves its report.
     */
    private void seen(URI url, URI listUrl, String agency, String sha256, Long reportId, boolean changed) {
        LocalDateTime now = LocalDateTime.now(clock);
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            Long wasGoneReport = t.select(SOURCE_PAGE.REPORT_ID).from(SOURCE_PAGE)
                    .where(SOURCE_PAGE.URL.eq(url.toString()), SOURCE_PAGE.GONE_ON.isNotNull()).fetchOptional(SOURCE_PAGE.REPORT_ID).orElse(null);
            if (wasGoneReport != null) {
                t.update(REPORT).setNull(REPORT.WITHDRAWN_ON).where(REPORT.ID.eq(wasGoneReport)).execute();
            }
            int updated = t.update(SOURCE_PAGE).set(SOURCE_PAGE.LAST_SEEN, now).setNull(SOURCE_PAGE.GONE_ON).setNull(SOURCE_PAGE.GONE_REASON)
                    .set(SOURCE_PAGE.SHA256, sha256 != null ? DSL.val(sha256) : SOURCE_PAGE.SHA256)
                    .set(SOURCE_PAGE.REPORT_ID, reportId != null ? DSL.val(reportId) : SOURCE_PAGE.REPORT_ID)
                    .set(SOURCE_PAGE.LAST_CHANGED, changed ? DSL.val(now) : SOURCE_PAGE.LAST_CHANGED)
                    .where(SOURCE_PAGE.URL.eq(url.toString())).execute();
            if (updated == 0) {
                t.insertInto(SOURCE_PAGE).set(SOURCE_PAGE.URL, url.toString()).set(SOURCE_PAGE.AGENCY_NAME, agency)
                        .set(SOURCE_PAGE.LIST_URL, listUrl == null ? null : listUrl.toString()).set(SOURCE_PAGE.FIRST_SEEN, now)
                        .set(SOURCE_PAGE.LAST_SEEN, now).set(SOURCE_PAGE.LAST_CHANGED, changed ? now : null)
                        .set(SOURCE_PAGE.SHA256, sha256).set(SOURCE_PAGE.REPORT_ID, reportId).execute();
            }
        });
    }

    /** A URL that answered 404/410: gone now (if it was not already), and its report withdrawn from the source. */
    private void gone(URI url, String reason) {
        goneWhere(SOURCE_PAGE.URL.eq(url.toString()), reason);
    }

    /** The links of a list page that it no longer lists. */
    private void unlisted(URI listUrl, Set<URI> listed) {
        goneWhere(SOURCE_PAGE.LIST_URL.eq(listUrl.toString()).and(SOURCE_PAGE.URL.notIn(listed.stream().map(URI::toString).toList())),
                "unlisted");
    }

    private void goneWhere(Condition which, String reason) {
        LocalDateTime now = LocalDateTime.now(clock);
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            Condition stillThere = which.and(SOURCE_PAGE.GONE_ON.isNull());
            t.update(REPORT).set(REPORT.WITHDRAWN_ON, now.toLocalDate())
                    .where(REPORT.ID.in(t.select(SOURCE_PAGE.REPORT_ID).from(SOURCE_PAGE).where(stillThere)), REPORT.WITHDRAWN_ON.isNull())
                    .execute();
            t.update(SOURCE_PAGE).set(SOURCE_PAGE.GONE_ON, now).set(SOURCE_PAGE.GONE_REASON, reason).where(stillThere).execute();
        });
    }

    private static ParsedReport withPublished(ParsedReport r, Published published) {
        return new ParsedReport(r.agency(), r.year(), r.format(), r.figures(), r.findings(), r.sourceText(), published, r.scan());
    }

    /** The file name the import shows for a URL: its last path segment, or the host. */
    static String fileName(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? url.getHost() + path : last;
    }
}
