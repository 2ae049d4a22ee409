package app.nianbao.export;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A printable account of one agency over its years, or of several agencies side by side, in one
 * language: what the PDF and the Word file both print, so that the two cannot say different things.
 *
 * @param title    the dossier's heading
 * @param covers   what it covers, in a line (agencies, years)
 * @param fileName what its files are called, without extension ("档案_平潭综合实验区_2019-2023")
 * @param charts   the main charts, drawn on the server
 * @param tables   tables of figures (the template tables of each year, or the comparison table)
 * @param findings the findings with their review state, a line each
 * @param notes    the analysts' notes on the subjects, a line each
 * @param sources  the files the figures were read from, with their SHA-256
 */
public record Dossier(String title, String covers, String fileName, boolean english, LocalDateTime made, List<Picture> charts, List<Table> tables,
                      List<FindingLine> findings, List<String> notes, List<Source> sources) {

    /** A chart as a PNG, with its title. */
    public record Picture(String title, byte[] png, int width, int height) {
    }

    /** A table as printed: a heading, a header row (may be empty) and rows of text; the first column labels the row. */
    public record Table(String title, List<String> header, List<List<String>> rows) {
    }

    /** One finding: whose report, the rule and how serious, what it says, and what an auditor decided. */
    public record FindingLine(String report, String rule, String severity, String text, String review) {
    }

    /** A stored file: whose report, the file name, version, when it was imported, its SHA-256. */
    public record Source(String report, String file, int version, LocalDateTime importedAt, String sha256) {
    }
}
