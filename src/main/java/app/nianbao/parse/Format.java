package app.nianbao.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The shapes reports come in. The bytes decide, not the file name. */
public enum Format {
    TEXT, HTML, PDF,
    /** A Word document (Office Open XML), its tables read cell by cell. */
    DOCX,
    /** A Word 97–2003 binary document (.doc), as WPS Office also writes it (.wps), read as a .docx is. */
    DOC,
    /** Text with pipe tables, as PDF and OCR converters write it (found by the reader, not sniffed). */
    MARKDOWN,
    /** Page text as a crawler flattens it, numbers glued together (found by the reader, not sniffed). */
    CRAWLED,
    /** A scan — an image file, or a PDF without a text layer (found by the reader) — read by OCR. */
    SCAN;

    /** Text that a converter or OCR made of the published report, where a character of a name may be misread. */
    public boolean isConverted() {
        return this == MARKDOWN || this == CRAWLED || this == SCAN;
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

    /**
     * Reads the format off the first bytes; anything that is not PDF, Word, an image or markup is
     * text, which the reader may find to be Markdown or crawled page text once it has decoded it.
     */
    public static Format sniff(byte[] bytes) {
        if (startsWith(bytes, "%PDF-")) {
            return PDF;
        }
        if (WordLines.isWordDocument(bytes)) {
            return DOCX;
        }
        if (WordLines.isLegacyWordDocument(bytes)) {
            return DOC;
        }
        if (isImage(bytes)) {
            return SCAN;
        }
        // markup saved as UTF-16 starts with its byte-order mark; read byte by byte it would never look like markup
        Charset charset = bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                ? StandardCharsets.UTF_16LE
                : bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF ? StandardCharsets.UTF_16BE
                : StandardCharsets.ISO_8859_1;
        String head = new String(bytes, 0, Math.min(bytes.length, 8192), charset).toLowerCase(Locale.ROOT);
        if (head.contains("<html") || head.contains("<!doctype html") || head.contains("<table")
                || head.contains("<p") || head.contains("<div") || head.contains("<body")) {
            return HTML;
        }
        return TEXT;
    }

    /** PNG, JPEG, TIFF (either byte order), by their magic numbers. */
    static boolean isImage(byte[] bytes) {
        return bytes.length >= 4 && ((bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[2] & 0xff) == 0xFF
                || bytes[0] == 'I' && bytes[1] == 'I' && bytes[2] == 42 && bytes[3] == 0
                || bytes[0] == 'M' && bytes[1] == 'M' && bytes[2] == 0 && bytes[3] == 42);
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
