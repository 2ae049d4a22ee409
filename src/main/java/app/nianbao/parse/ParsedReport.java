package app.nianbao.parse;

import java.util.List;

import app.nianbao.figures.Rule;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;

/**
 * What the reader made of one report: who and which year (null when neither title nor caller
 * says), the figures of its template, the findings of the single-report rules and the reader's
 * own warnings, the lines it read (what a cell's source refers to), when it was published
 * if the file says (null when it does not) and, for a scan, its pages and where each cell lies on them.
 */
public record ParsedReport(String agency, Integer year, Format format, Figures figures, List<Finding> findings,
                           String sourceText, Published published, ScanImage scan) {

    /** The same report under the agency and year a user corrected. */
    public ParsedReport as(String agency, Integer year) {
        List<Finding> kept = agency != null && year != null
                ? findings.stream().filter(f -> !f.rule().equals(Rule.P6.id())).toList() : findings;
        return new ParsedReport(agency, year, format, figures, kept, sourceText, published, scan);
    }
}
