package app.nianbao.export;

import java.util.List;

/**
 * The dossiers the report and compare pages offer. The dossier feature reads reports, charts and
 * notes, so it sits above those pages: they reach it through this interface, and the package
 * graph keeps no cycle.
 */
public interface Dossiers {

    /** The most agencies one comparison dossier sets side by side. */
    int MAX_AGENCIES = 12;

    /** One agency, every year it reported. NoSuchElementException when it has no report. */
    Dossier agency(long agencyId, boolean english);

    /** 2 to {@link #MAX_AGENCIES} agencies side by side; IllegalArgumentException outside that. */
    Dossier comparison(List<Long> agencyIds, boolean english);

    /** The dossier as a file of this kind. */
    byte[] render(Dossier dossier, DossierFile file);
}
