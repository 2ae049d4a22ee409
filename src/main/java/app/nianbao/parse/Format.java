package app.nianbao.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The shapes reports come in. The bytes decide, not the file name. */
public enum Format {
    TEXT, HTML, PDF,
    /** A Word document (Office Open XML), its tables read cell by cell. */
    DOCX,
    /** Text with pipe tables, as PDF and OCR converters write it. */
    MARKDOWN,
    /** Page text as a crawler flattens it, numbers glued together (found by the reader, not sniffed). */
    CRAWLED;

    /** Text that a converter or OCR made of the published report, where a character of a name may be misread. */
    public boolean isConverted() {
        return this == MARKDOWN || this == CRAWLED;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Format> ofCode(String code) {
        for (Format f : values()) {
            if (f.code().equalsIgnoreCase(code)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Reads the format off the content; anything that is not PDF, Word or markup is taken as text (or Markdown, by its tables). */
    public static Format sniff(byte[] bytes) {
        if (startsWith(bytes, "%PDF-")) {
            return PDF;
        }
        if (WordLines.isWordDocument(bytes)) {
            return DOCX;
        }
        // markup saved as UTF-16 starts with its byte-order mark; read byte by byte it would never look like markup
        java.nio.charset.Charset charset = bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                ? StandardCharsets.UTF_16LE
                : bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF ? StandardCharsets.UTF_16BE
                : StandardCharsets.ISO_8859_1;
        String head = new String(bytes, 0, Math.min(bytes.length, 8192), charset).toLowerCase(Locale.ROOT);
        if (head.contains("<html") || head.contains("<!doctype html") || head.contains("<table")
                || head.contains("<p") || head.contains("<div") || head.contains("<body")) {
            return HTML;
        }
        return MarkdownLines.hasPipeTables(TextDecoding.decode(bytes)) ? MARKDOWN : TEXT;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (bytes[i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
