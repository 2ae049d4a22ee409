package app.nianbao.agency;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.AGENCY_ALIAS;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Service;

/** Agencies: finding the one a report names, creating it when new, listing them. */
@Service
public class AgencyService {

    /** An agency as the product shows it. */
    public record AgencySummary(long id, String name, String level, String regionName, Long parentId, boolean synthetic) {
    }

    private final DSLContext dsl;

    public AgencyService(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The stored agency whose name or alias is this name once normalised, else a new one.
     * A name read from a title that only contains, or is contained in, stored names is ambiguous
     * and refused; a name the user gave explicitly is taken as meant.
     */
    public long resolve(String name, boolean explicit) {
        String key = AgencyNames.normalize(name);
        Optional<Long> exact = findByKey(key);
        if (exact.isPresent()) {
            return exact.get();
        }
        List<String> similar = dsl.select(AGENCY.NAME).from(AGENCY)
                .where(AGENCY.NORMALIZED_NAME.contains(key).or(org.jooq.impl.DSL.val(key).contains(AGENCY.NORMALIZED_NAME)))
                .fetch(AGENCY.NAME);
        if (!similar.isEmpty() && !explicit) {
            throw new AmbiguousAgencyException(name, similar);
        }
        return dsl.insertInto(AGENCY, AGENCY.NAME, AGENCY.NORMALIZED_NAME)
                .values(AgencyNames.display(name), key)
                .returning(AGENCY.ID).fetchOne(AGENCY.ID);
    }

    public Optional<Long> findByKey(String normalizedName) {
        return dsl.select(AGENCY.ID).from(AGENCY).where(AGENCY.NORMALIZED_NAME.eq(normalizedName))
                .unionAll(dsl.select(AGENCY_ALIAS.AGENCY_ID).from(AGENCY_ALIAS)
                        .where(AGENCY_ALIAS.NORMALIZED_ALIAS.eq(normalizedName)))
                .fetchOptional(0, Long.class);
    }

    public List<AgencySummary> list() {
        return dsl.select(AGENCY.ID, AGENCY.NAME, AGENCY.LEVEL, AGENCY.REGION_NAME, AGENCY.PARENT_ID, AGENCY.SYNTHETIC)
                .from(AGENCY).orderBy(AGENCY.NAME)
                .fetch(Records.mapping(AgencySummary::new));
    }
}
