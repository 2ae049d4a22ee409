package app.nianbao;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real reports of ../shared, copied byte for byte once: those the product bundles live in
 * data/reports (its demo data, read from there), the others and every expected figure in the
 * test resources.
 */
public final class Samples {

    /** Each real sample with the file that holds it. */
    public static final List<String> REPORTS = List.of("2019_pingtan.html", "2019_shanghai.html", "2021_pingtan.html",
            "2023_pingtan.html", "2024_huaian.pdf", "000_02c6609157ceda09.txt", "2021_pingtan_word.docx", "2025_shuyang.md");

    public static final String SEED = "000_02c6609157ceda09.txt";

    /**
     * Word documents and Word-exported PDFs made from the real samples with LibreOffice 7.4
     * ({@code soffice --convert-to docx|doc|pdf}, see samples/derived/README.md), each with the
     * sample it was made from, whose expected figures it must give.
     */
    public static final java.util.Map<String, String> DERIVED = java.util.Map.of(
            "derived/2021_pingtan_word.doc", "2021_pingtan_word.docx",
            "derived/2023_pingtan_word.doc", "2023_pingtan.html",
            "derived/2019_shanghai_word.doc", "2019_shanghai.html",
            "derived/2019_pingtan_word.pdf", "2019_pingtan.html",
            "derived/2023_pingtan_word.pdf", "2023_pingtan.html");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {
    }

    /** Where the product keeps the reports it bundles; the tests read those from there rather than from a second copy. */
    private static final Path BUNDLED = Path.of("data/reports");

    public static byte[] bytes(String name) {
        Path bundled = BUNDLED.resolve(name);
        if (java.nio.file.Files.isRegularFile(bundled)) {
            try {
                return java.nio.file.Files.readAllBytes(bundled);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static JsonNode expected(String report) {
        String base = report.substring(0, report.lastIndexOf('.'));
        try {
            return JSON.readTree(bytes(base + ".expected.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
