package app.nianbao.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import app.nianbao.agency.AgencyService;
import app.nianbao.agency.AmbiguousAgencyException;
import app.nianbao.check.CheckService;
import app.nianbao.parse.ParsedReport;
import app.nianbao.parse.ReadOptions;
import app.nianbao.parse.ReportReader;
import app.nianbao.parse.UnreadableReportException;
import app.nianbao.report.ReportService;

/**
 * Brings report files into the store, one file one transaction: a file lands whole (report,
 * figures, findings) or not at all. The same bytes twice are a no-op; the same agency and year
 * again are a new version.
 */
@Service
public class ImportService {

    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    private final DSLContext dsl;
    private final long maxBytes;

    public ImportService(DSLContext dsl, @Value("${nianbao.import.max-bytes:52428800}") long maxBytes) {
        this.dsl = dsl;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public ImportOutcome importFile(Path file, ReadOptions options) {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                return ImportOutcome.failed(name, tooLarge(size));
            }
            return importBytes(name, Files.readAllBytes(file), options);
        } catch (IOException e) {
            return ImportOutcome.failed(name, "无法读取文件 / cannot read the file: " + e.getMessage());
        }
    }

    public ImportOutcome importBytes(String name, byte[] bytes, ReadOptions options) {
        Preview preview = preview(name, bytes, options);
        if (preview.alreadyStored()) {
            return ImportOutcome.unchanged(name);
        }
        if (preview.failure() != null) {
            return ImportOutcome.failed(name, preview.failure());
        }
        return store(name, preview.sha256(), preview.report(), options.agency() != null);
    }

    /**
     * A file read but not stored, for the user to look at (and correct) before confirming:
     * the report, or why it cannot be imported, or that these bytes are stored already.
     */
    public record Preview(String file, String sha256, ParsedReport report, String failure, boolean alreadyStored) {
    }

    public Preview preview(String name, byte[] bytes, ReadOptions options) {
        if (bytes.length > maxBytes) {
            return new Preview(name, null, null, tooLarge(bytes.length), false);
        }
        String sha256 = sha256(bytes);
        if (dsl.transactionResult(tx -> new ReportService(tx.dsl()).findBySha256(sha256)).isPresent()) {
            return new Preview(name, sha256, null, null, true);
        }
        try {
            return new Preview(name, sha256, ReportReader.read(bytes, name, options), null, false);
        } catch (UnreadableReportException e) {
            return new Preview(name, sha256, null, e.getMessage(), false);
        } catch (RuntimeException | StackOverflowError e) {
            return new Preview(name, sha256, null, "读取失败 / the reader failed: " + e, false);
        }
    }

    /** Stores a report the user has seen and confirmed (agency and year possibly corrected). */
    public ImportOutcome store(String name, String sha256, ParsedReport parsed, boolean agencyExplicit) {
        if (parsed.agency() == null || parsed.year() == null) {
            return ImportOutcome.failed(name, "标题中未能读出%s，请指定 / the title does not say the %s: give it".formatted(
                    parsed.agency() == null ? "机构名称" : "年度", parsed.agency() == null ? "agency" : "year"));
        }
        try {
            int version = dsl.transactionResult(tx -> {
                ReportService reports = new ReportService(tx.dsl());
                if (reports.findBySha256(sha256).isPresent()) {
                    return 0;
                }
                long agencyId = new AgencyService(tx.dsl()).resolve(parsed.agency(), agencyExplicit);
                int saved = reports.save(agencyId, parsed.year(), parsed, name, sha256);
                new CheckService(tx.dsl()).checkAgency(agencyId);
                return saved;
            });
            return version == 0 ? ImportOutcome.unchanged(name) : ImportOutcome.stored(name, parsed, version);
        } catch (AmbiguousAgencyException e) {
            return ImportOutcome.failed(name, e.getMessage());
        } catch (org.jooq.exception.DataAccessException e) {
            if (e.getCause() instanceof AmbiguousAgencyException ambiguous) {
                return ImportOutcome.failed(name, ambiguous.getMessage());
            }
            throw e;
        }
    }

    private String tooLarge(long size) {
        return "文件过大（%d MB，上限 %d MB） / the file is too large (%d MB, limit %d MB)".formatted(
                size >> 20, maxBytes >> 20, size >> 20, maxBytes >> 20);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
