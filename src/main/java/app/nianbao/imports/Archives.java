package app.nianbao.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import app.nianbao.parse.UnreadableReportException;
import app.nianbao.parse.ZipEntries;

/**
 * A zip of report files, as a user packs a folder for the web import, unpacked in memory. The
 * sizes a zip declares are not trusted: bytes are counted as they inflate, and the archive is
 * refused once an entry, the whole or the number of entries passes its limit. Entry paths are
 * labels only — nothing is written to disk — so a `../` in them reaches nowhere; archives inside
 * the archive are not opened.
 */
public final class Archives {

    /** More files than a province publishes in a year: beyond it, the archive is not a folder of reports. */
    public static final int MAX_ENTRIES = 20_000;

    /** What an archive may inflate to in all, as a multiple of the limit for one file. */
    static final int TOTAL_FACTOR = 10;

    /** One file of an upload: its label and its bytes. */
    public record Entry(String name, byte[] bytes) {
    }

    private Archives() {
    }

    /** Whether these bytes are a zip archive rather than a document that is a zip inside (Word, OpenDocument). */
    static boolean isArchive(byte[] bytes) {
        // bytes no zip reader understands are left to the report reader to name
        return ZipEntries.names(bytes).map(names -> names.stream().noneMatch(Archives::isDocumentPart)).orElse(false);
    }

    private static boolean isDocumentPart(String name) {
        return name.equals("[Content_Types].xml") || name.equals("mimetype") || name.startsWith("word/");
    }

    /**
     * The report files in a zip, each labelled "archive › path", at most {@code maxBytes} each
     * and {@link #TOTAL_FACTOR} times that in all; folders, hidden files and expected-figure
     * files beside samples are left out.
     */
    static List<Entry> unpack(String archiveName, byte[] bytes, long maxBytes) throws UnreadableReportException {
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String path = label(entry.getName());
                if (entry.isDirectory() || path.isEmpty() || !ReportFiles.isCandidate(path)) {
                    continue;
                }
                if (entries.size() == MAX_ENTRIES) {
                    throw new UnreadableReportException("压缩包中的文件超过 %d 个".formatted(MAX_ENTRIES),
                            "the archive holds more than %d files".formatted(MAX_ENTRIES));
                }
                byte[] content = inflate(zip, maxBytes, path);
                total += content.length;
                if (total > maxBytes * TOTAL_FACTOR) {
                    throw new UnreadableReportException("压缩包解压后超过 %d MB".formatted(maxBytes * TOTAL_FACTOR >> 20),
                            "the archive unpacks to more than %d MB".formatted(maxBytes * TOTAL_FACTOR >> 20));
                }
                entries.add(new Entry(archiveName + " › " + path, content));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableReportException("压缩包已损坏：" + e.getMessage(), "the archive is damaged: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new UnreadableReportException("压缩包中没有年报文件", "the archive holds no report files");
        }
        return entries;
    }

    /** An entry's bytes, counted as they inflate: a declared size may lie. */
    private static byte[] inflate(InputStream zip, long maxBytes, String path) throws IOException, UnreadableReportException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = zip.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > maxBytes) {
                throw new UnreadableReportException("压缩包中的 %s 解压后超过 %d MB".formatted(path, maxBytes >> 20),
                        "%s in the archive unpacks to more than %d MB".formatted(path, maxBytes >> 20));
            }
        }
        return out.toByteArray();
    }

    /** An entry's path as a label: forward slashes, no drive, no leading slash, no `.` or `..` steps, no control characters. */
    static String label(String entryName) {
        List<String> steps = new ArrayList<>();
        for (String step : entryName.replace('\\', '/').split("/")) {
            String clean = step.replaceAll("\\p{Cntrl}", "");
            if (!clean.isEmpty() && !clean.equals(".") && !clean.equals("..") && !clean.matches("[A-Za-z]:")) {
                steps.add(clean);
            }
        }
        return String.join("/", steps);
    }
}
