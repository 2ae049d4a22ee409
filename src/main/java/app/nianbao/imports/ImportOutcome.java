package app.nianbao.imports;

import app.nianbao.parse.ParsedReport;

/**
 * What became of one file; {@code lapsedReviews} counts the reviews (of the version it replaced
 * or of the year after) whose finding no longer holds and which were therefore not kept.
 */
public record ImportOutcome(String file, Status status, String reason, String agency, Integer year, Integer version, int lapsedReviews) {

    public ImportOutcome(String file, Status status, String reason, String agency, Integer year, Integer version) {
        this(file, status, reason, agency, year, version, 0);
    }

    public enum Status {
        /** First version of this agency and year. */
        IMPORTED,
        /** A new version of a stored agency and year; the old one is kept. */
        REPLACED,
        /** These exact bytes are stored already: nothing changed. */
        UNCHANGED,
        FAILED
    }

    static ImportOutcome failed(String file, String reason) {
        return new ImportOutcome(file, Status.FAILED, reason, null, null, null);
    }

    static ImportOutcome unchanged(String file) {
        return new ImportOutcome(file, Status.UNCHANGED, null, null, null, null);
    }

    static ImportOutcome stored(String file, ParsedReport parsed, int version) {
        return new ImportOutcome(file, version == 1 ? Status.IMPORTED : Status.REPLACED, null, parsed.agency(),
                parsed.year(), version);
    }

    ImportOutcome withLapsedReviews(int count) {
        return new ImportOutcome(file, status, reason, agency, year, version, count);
    }
}
