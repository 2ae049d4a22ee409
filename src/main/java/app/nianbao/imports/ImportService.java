package app.nianbao.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import app.nianbao.agency.AgencyNames;
import app.nianbao.agency.AgencyService;
import app.nianbao.agency.AgencyWrites;
import app.nianbao.check.CheckService;
import app.nianbao.check.NarrativeRules;
import app.nianbao.figures.Finding;
import app.nianbao.parse.ParsedReport;
import app.nianbao.parse.ReadOptions;
import app.nianbao.parse.ReportReader;
import app.nianbao.parse.SourceText;
import app.nianbao.parse.UnreadableReportException;
import app.nianbao.report.Replaces;
import app.nianbao.report.ReportBatch;
import app.nianbao.report.ReportService;
import app.nianbao.store.Causes;
import app.nianbao.store.Conflicts;
import app.nianbao.store.Hashes;

/**
 * Brings report files into the store, for the command line, the web import and the bundled
 * reports alike: read in parallel, stored a batch per transaction, so that a file lands whole
 * (report, figures, findings) or not at all. The same bytes twice are a no-op; the same agency
 * and year again are a new version.
 */
@Service
public class ImportService {

    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    private final DSLContext dsl;
    private final AgencyService agencies;
    private final ReportService reports;
    private final ReportBatch batch;
    private final long maxBytes;

    public ImportService(DSLContext dsl, AgencyService agencies, ReportService reports, ReportBatch batch,
                         @Value("${nianbao.import.max-bytes:52428800}") long maxBytes) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.reports = reports;
        this.batch = batch;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Files per batch: one transaction, a few bulk statements, and a bounded amount of memory. */
    public static final int BATCH = 500;

    /** A file read, not yet stored: what a batch writes. */
    public record Ready(String file, String sha256, ParsedReport report, boolean agencyExplicit) {
    }

    @PreAuthorize("hasRole('ANALYST')")
    public ImportOutcome importFile(Path file, ReadOptions options) {
        return importFiles(List.of(file), options, outcome -> { }).get(0);
    }

    /**
     * The one import pipeline: files are read and parsed in parallel on every core, a batch at a
     * time, and each batch is stored in one transaction — a file whose bytes are stored already
     * is unchanged, a file that cannot be read fails alone with its reason. The outcomes come in
     * the files' order, each handed to {@code progress} as its batch lands.
     */
    @PreAuthorize("hasRole('ANALYST')")
    public List<ImportOutcome> importFiles(List<Path> files, ReadOptions options, Consumer<ImportOutcome> progress) {
        return importFiles(files, options, BATCH, progress);
    }

    /** As {@link #importFiles(List, ReadOptions, Consumer)}, {@code batchSize} files per transaction. */
    @PreAuthorize("hasRole('ANALYST')")
    public List<ImportOutcome> importFiles(List<Path> files, ReadOptions options, int batchSize, Consumer<ImportOutcome> progress) {
        List<ImportOutcome> outcomes = new ArrayList<>();
        List<List<Path>> batches = new ArrayList<>();
        for (int start = 0; start < files.size(); start += batchSize) {
            batches.add(files.subList(start, Math.min(files.size(), start + batchSize)));
        }
        // the next batch is read and parsed while this one is stored: parsing is all CPU, storing mostly the store's
        CompletableFuture<List<Read>> next = batches.isEmpty() ? null : CompletableFuture.supplyAsync(() -> read(batches.get(0), options));
        for (int b = 0; b < batches.size(); b++) {
            List<Read> read = next.join();
            if (b + 1 < batches.size()) {
                List<Path> following = batches.get(b + 1);
                next = CompletableFuture.supplyAsync(() -> read(following, options));
            }
            // stored bytes are "unchanged" even where today's reader fails on them; for files read, the batch asks
            // inside its own transaction, where another writer may have stored some meanwhile
            List<String> failedHashes = read.stream().filter(r -> r.sha256() != null && !(r.outcome() instanceof Ready))
                    .map(Read::sha256).toList();
            Set<String> stored = storedOrNone(failedHashes);
            List<Object> parsed = read.stream().map(r -> r.sha256() != null && stored.contains(r.sha256())
                    ? ImportOutcome.unchanged(r.name()) : r.outcome()).toList();
            List<Ready> ready = parsed.stream().filter(Ready.class::isInstance).map(Ready.class::cast).toList();
            Iterator<ImportOutcome> written = storeAll(ready).iterator();
            for (Object p : parsed) {
                ImportOutcome outcome = p instanceof ImportOutcome o ? o : written.next();
                outcomes.add(outcome);
                progress.accept(outcome);
            }
        }
        return outcomes;
    }

    /** Which of these unreadable files' bytes are stored; if the store cannot say, they stay failed with their own reason. */
    private Set<String> storedOrNone(List<String> hashes) {
        try {
            return hashes.isEmpty() ? Set.of() : dsl.transactionResult(tx -> batch.storedHashes(hashes));
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    /** Reads and parses a batch of files on every core; touches no store, so it can run beside a batch being written. */
    private List<Read> read(List<Path> files, ReadOptions options) {
        return files.parallelStream().map(this::hash).map(r -> r.failure() != null ? r : parsed(r, options)).toList();
    }

    /**
     * A file's bytes and their hash, or why it cannot be read; once parsed, the bytes are let go
     * and {@code result} is the report (a {@link Ready}) or the failed outcome.
     */
    private record Read(String name, byte[] bytes, String sha256, Object result) {

        ImportOutcome failure() {
            return result instanceof ImportOutcome o ? o : null;
        }

        Object outcome() {
            return result;
        }
    }

    private Read hash(Path file) {
        String name = label(file.getFileName().toString());
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                return new Read(name, null, null, ImportOutcome.failed(name, tooLarge(size)));
            }
            byte[] bytes = Files.readAllBytes(file);
            return new Read(name, bytes, sha256(bytes), null);
        } catch (IOException e) {
            return new Read(name, null, null, ImportOutcome.failed(name, "无法读取文件 / cannot read the file: " + e.getMessage()));
        }
    }

    private Object parse(Read read, ReadOptions options) {
        try {
            return new Ready(read.name(), read.sha256(), ReportReader.read(read.bytes(), read.name(), options), options.agency() != null);
        } catch (UnreadableReportException e) {
            return ImportOutcome.failed(read.name(), e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return ImportOutcome.failed(read.name(), UnreadableReportException.reasonOf(e));
        }
    }

    @PreAuthorize("hasRole('ANALYST')")
    public ImportOutcome importBytes(String name, byte[] bytes, ReadOptions options) {
        Preview preview = preview(name, bytes, options);
        if (preview.alreadyStored()) {
            return ImportOutcome.unchanged(preview.file());
        }
        if (preview.failure() != null) {
            return ImportOutcome.failed(preview.file(), preview.failure());
        }
        return store(preview.file(), preview.sha256(), preview.report(), options.agency() != null);
    }

    /**
     * A file read but not stored, for the user to look at (and correct) before confirming:
     * the report, or why it cannot be imported, or that these bytes are stored already; and,
     * when its agency and year have a report stored, which version it would replace and how.
     */
    public record Preview(String file, String sha256, ParsedReport report, String failure, boolean alreadyStored, Replaces replaces) {

        Preview(String file, String sha256, ParsedReport report, String failure, boolean alreadyStored) {
            this(file, sha256, report, failure, alreadyStored, null);
        }
    }

    public Preview preview(String name, byte[] bytes, ReadOptions options) {
        return previewAll(List.of(new Archives.Entry(name, bytes)), options).get(0);
    }

    /**
     * An upload as the user dropped it — one report file, or a zip of many (unpacked within
     * {@link Archives}' limits) — read for review.
     */
    public List<Preview> previewUpload(String name, byte[] bytes, ReadOptions options) {
        if (bytes.length > maxBytes || !Archives.isArchive(bytes)) {
            return List.of(preview(name, bytes, options));
        }
        try {
            return previewAll(Archives.unpack(name, bytes, maxBytes), options);
        } catch (UnreadableReportException e) {
            return List.of(new Preview(label(name), sha256(bytes), null, e.getMessage(), false));
        }
    }

    /** Files read on every core for review, with one question to the store for the bytes it has already. */
    public List<Preview> previewAll(List<Archives.Entry> given, ReadOptions options) {
        List<Archives.Entry> entries = given.stream().map(e -> new Archives.Entry(label(e.name()), e.bytes())).toList();
        List<Read> read = entries.parallelStream().map(e -> e.bytes().length > maxBytes
                ? new Read(e.name(), null, null, ImportOutcome.failed(e.name(), tooLarge(e.bytes().length)))
                : parsed(new Read(e.name(), e.bytes(), sha256(e.bytes()), null), options)).toList();
        List<String> hashes = read.stream().map(Read::sha256).filter(Objects::nonNull).toList();
        Set<String> stored;
        List<Ready> ready = read.stream().map(Read::outcome).filter(Ready.class::isInstance).map(Ready.class::cast).toList();
        List<Ready> corrected = new ArrayList<>();
        Map<Ready, Replaces> replaced = new IdentityHashMap<>();
        try {
            stored = dsl.transactionResult(tx -> {
                corrected.addAll(StoredNames.corrected(ready, agencies));
                replaced.putAll(replaced(corrected, agencies, reports, batch));
                return hashes.isEmpty() ? Set.<String>of() : batch.storedHashes(hashes);
            });
        } catch (RuntimeException e) {
            // a store that cannot be asked fails every file with that reason, rather than the whole upload with none
            String reason = "无法访问存储 / the store cannot be reached: " + reason(e);
            return read.stream().map(r -> new Preview(r.name(), r.sha256(), null, reason, false)).toList();
        }
        // the readable files' reports, in their order, with their agencies matched against the stored ones
        Iterator<Ready> reports = corrected.iterator();
        List<Preview> previews = new ArrayList<>();
        for (Read r : read) {
            Ready report = r.outcome() instanceof Ready ? reports.next() : null;
            previews.add(r.sha256() != null && stored.contains(r.sha256()) ? new Preview(r.name(), r.sha256(), null, null, true)
                    : report != null ? new Preview(r.name(), r.sha256(), report.report(), null, false, replaced.get(report))
                    : new Preview(r.name(), r.sha256(), null, ((ImportOutcome) r.outcome()).reason(), false));
        }
        return previews;
    }

    /** The findings of a report's own year the import would store: the reader's and every rule that needs no other year. */
    private static List<Finding> wouldHave(ParsedReport report) {
        String narrative = report.sourceText() == null ? null
                : NarrativeRules.narrative(SourceText.lines(report.sourceText()));
        List<Finding> findings = CheckService.rules(report.year(), report.figures(), narrative, null, null);
        report.findings().stream().filter(Finding::fromReader).forEach(findings::add);
        return findings;
    }

    /**
     * For the reports whose agency and year are stored already: the version each would replace
     * and the cells that would change; one query for the agencies and two for the stored versions.
     */
    private static Map<Ready, Replaces> replaced(List<Ready> reports, AgencyService agencies, ReportService store,
                                                           ReportBatch batch) {
        List<Ready> named = reports.stream().filter(r -> r.report().agency() != null && r.report().year() != null).toList();
        Map<String, Long> ids = agencies.findByKeys(named.stream().map(r -> AgencyNames.normalize(r.report().agency())).distinct()
                .toList());
        Map<Long, Set<Integer>> asked = new HashMap<>();
        named.forEach(r -> {
            Long id = ids.get(AgencyNames.normalize(r.report().agency()));
            if (id != null) {
                asked.computeIfAbsent(id, a -> new HashSet<>()).add(r.report().year());
            }
        });
        Map<String, ReportService.StoredVersion> current = new HashMap<>();
        store.currentVersions(asked).forEach(v -> current.put(v.agencyId() + "/" + v.year(), v));
        Map<Long, List<ReportService.StoredFinding>> findings = batch.findings(
                current.values().stream().map(ReportService.StoredVersion::reportId).toList());
        Map<Ready, Replaces> replaced = new IdentityHashMap<>();
        named.forEach(r -> {
            Long id = ids.get(AgencyNames.normalize(r.report().agency()));
            var version = id == null ? null : current.get(id + "/" + r.report().year());
            if (version != null) {
                replaced.put(r, Replaces.of(version, r.report().figures(), findings.getOrDefault(version.reportId(), List.of()),
                        wouldHave(r.report())));
            }
        });
        return replaced;
    }

    /** A file hashed, now parsed: its bytes are let go. */
    private Read parsed(Read hashed, ReadOptions options) {
        return new Read(hashed.name(), null, hashed.sha256(), parse(hashed, options));
    }

    /** Stores a report the user has seen and confirmed (agency and year possibly corrected). */
    @PreAuthorize("hasRole('ANALYST')")
    public ImportOutcome store(String name, String sha256, ParsedReport parsed, boolean agencyExplicit) {
        return storeAll(List.of(new Ready(name, sha256, parsed, agencyExplicit))).get(0);
    }

    /**
     * Stores read reports in one transaction, tried again while it loses a race with another
     * writer ({@link Conflicts}). Should the store refuse the batch, each report is tried alone,
     * so that one bad file fails with its reason and the others land.
     */
    @PreAuthorize("hasRole('ANALYST')")
    public List<ImportOutcome> storeAll(List<Ready> ready) {
        if (ready.isEmpty()) {
            return List.of();
        }
        try {
            return AgencyWrites.besideOthers(() -> Conflicts.retrying(() -> dsl.transactionResult(tx -> new ImportBatch(batch, agencies).store(ready))));
        } catch (RuntimeException e) {
            if (ready.size() == 1) {
                return List.of(ImportOutcome.failed(ready.get(0).file(), Conflicts.isConflict(e)
                        ? "另一项写入（导入或合并）正在修改同一机构的报告，重试后仍未完成，请稍后再试 / another write (an import or a merge) kept changing the same agency's reports: try again shortly"
                        : "存储失败 / the store refused the report: " + reason(e)));
            }
            List<ImportOutcome> alone = new ArrayList<>();
            ready.forEach(r -> alone.addAll(storeAll(List.of(r))));
            return alone;
        }
    }

    private static String reason(Throwable e) {
        return Causes.rootMessage(e);
    }

    private String tooLarge(long size) {
        return "文件过大（%d MB，上限 %d MB） / the file is too large (%d MB, limit %d MB)".formatted(
                size >> 20, maxBytes >> 20, size >> 20, maxBytes >> 20);
    }

    /**
     * A file name as the store keeps it: control characters (a NUL from a hostile upload, which
     * neither store takes), bidi overrides and zero-width characters removed, at most 255 characters.
     */
    static String label(String name) {
        String clean = name == null ? "" : name.replaceAll("[\\p{Cc}\\p{Cf}]", "").strip();
        if (clean.isEmpty()) {
            clean = "unnamed";
        }
        return clean.length() > 255 ? clean.substring(0, 255) : clean;
    }

    public static String sha256(byte[] bytes) {
        return Hashes.sha256(bytes);
    }
}
