package app.nianbao.agency;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.AGENCY_ALIAS;
import static app.nianbao.store.jooq.Tables.AGENCY_GROUP_MEMBER;
import static app.nianbao.store.jooq.Tables.REPORT;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.Row1;
import org.jooq.Row3;
import org.jooq.Row8;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import app.nianbao.catalog.AgencyLevel;
import app.nianbao.report.CurrentCells;
import app.nianbao.report.Rollups;
import app.nianbao.store.Conflicts;
import app.nianbao.store.StoreWrites;

/** Agencies: finding the one a report names, creating it when new, listing them. */
@Service
public class AgencyService {

    /** An agency as the product shows it. */
    public record AgencySummary(long id, String name, String level, String regionCode, String regionName, Long parentId,
                                String parentName, boolean synthetic, int reports, List<String> aliases, String kind) {

        /** The deadline kind a user or roster set, or null where it is inferred from the name. */
        public AgencyKind setKind() {
            return AgencyKind.ofCode(kind).orElse(null);
        }
    }

    /** What a roster did: agencies it created and agencies it described. */
    public record RosterResult(int created, int described) {
    }

    /** An agency as the analysis views' pickers offer it: by name, with the region it can be filtered by. */
    public record AgencyChoice(long id, String name, String regionCode, String regionName) {
    }

    /** The pickers' agencies and the store generation they were read at. */
    private record Choices(long generation, List<AgencyChoice> agencies) {
    }

    private final DSLContext dsl;
    private final StoreWrites writes;
    private volatile Choices choices;

    /** Without the server's write counter (the command line): {@link #choices} reads the store every time. */
    public AgencyService(DSLContext dsl) {
        this(dsl, null);
    }

    @Autowired
    public AgencyService(DSLContext dsl, StoreWrites writes) {
        this.dsl = dsl;
        this.writes = writes;
    }

    /**
     * Every agency by name, for the pickers every analysis view opens with: read once per store
     * generation and shared, since a national store has 100,000 and {@link #list} counts each
     * one's reports and aliases besides (170 ms a view at 700,000 reports).
     */
    public List<AgencyChoice> choices() {
        if (writes == null) {
            return readChoices();
        }
        // the generation is taken before the query: a write during it leaves the list outdated at once
        long generation = writes.generation();
        Choices held = choices;
        if (held == null || held.generation() != generation) {
            held = new Choices(generation, readChoices());
            choices = held;
        }
        return held.agencies();
    }

    private List<AgencyChoice> readChoices() {
        return dsl.select(AGENCY.ID, AGENCY.NAME, AGENCY.REGION_CODE, AGENCY.REGION_NAME).from(AGENCY)
                .orderBy(AGENCY.NAME, AGENCY.ID).fetch(Records.mapping(AgencyChoice::new));
    }

    /**
     * The stored agency whose name or alias is this name once normalised, else a new one.
     * A name read from a title that only contains, or is contained in, stored names is ambiguous
     * and refused; a name the user gave explicitly is taken as meant.
     */
    public long resolve(String name, boolean explicit) {
        Resolved resolved = resolveAll(Map.of(name, explicit));
        if (resolved.refused().containsKey(name)) {
            throw resolved.refused().get(name);
        }
        return resolved.ids().get(name);
    }

    /** Where many names of a batch lead: an agency id, or why the name was refused; and how many agencies it created. */
    public record Resolved(Map<String, Long> ids, Map<String, AmbiguousAgencyException> refused, int created) {
    }

    /**
     * {@link #resolve} for a batch of names (name → given explicitly), in three statements
     * whatever their number: the stored names and aliases, the stored names that resemble the new
     * ones, and one insert of the new agencies. A new name that resembles a stored one, or one
     * created earlier in the batch, is refused unless it was given explicitly.
     */
    public Resolved resolveAll(Map<String, Boolean> names) {
        Map<String, String> keys = new LinkedHashMap<>();
        names.keySet().forEach(n -> keys.put(n, AgencyNames.normalize(n)));
        Map<String, Long> known = findByKeys(keys.values());
        Map<String, Long> ids = new HashMap<>();
        Map<String, AmbiguousAgencyException> refused = new HashMap<>();
        // only a name not given explicitly is checked for resemblance: a roster of 100,000 names is taken as meant
        List<String> unknown = keys.entrySet().stream().filter(e -> !known.containsKey(e.getValue()) && !names.get(e.getKey()))
                .map(Map.Entry::getValue).distinct().toList();
        Map<String, List<String>> similar = similarTo(unknown);
        Map<String, String> created = new LinkedHashMap<>();
        for (var entry : keys.entrySet()) {
            String name = entry.getKey();
            String key = entry.getValue();
            if (known.containsKey(key)) {
                ids.put(name, known.get(key));
                continue;
            }
            if (created.containsKey(key)) {
                continue;
            }
            if (names.get(name)) {
                created.put(key, AgencyNames.display(name));
                continue;
            }
            List<String> like = new ArrayList<>(similar.getOrDefault(key, List.of()));
            created.forEach((k, display) -> {
                if (k.contains(key) || key.contains(k)) {
                    like.add(display);
                }
            });
            if (!like.isEmpty()) {
                refused.put(name, new AmbiguousAgencyException(name, like));
            } else {
                created.put(key, AgencyNames.display(name));
            }
        }
        if (!created.isEmpty()) {
            var insert = dsl.insertInto(AGENCY, AGENCY.NAME, AGENCY.NORMALIZED_NAME);
            for (var entry : created.entrySet()) {
                insert = insert.values(entry.getValue(), entry.getKey());
            }
            Map<String, Long> inserted = new HashMap<>();
            insert.returning(AGENCY.ID, AGENCY.NORMALIZED_NAME).fetch().forEach(r -> inserted.put(r.getNormalizedName(), r.getId()));
            keys.forEach((name, key) -> {
                if (inserted.containsKey(key) && !refused.containsKey(name)) {
                    ids.put(name, inserted.get(key));
                }
            });
        }
        return new Resolved(ids, refused, created.size());
    }

    /** For each key, the stored agency names that contain it or that it contains, in one query. */
    private Map<String, List<String>> similarTo(List<String> keys) {
        Map<String, List<String>> similar = new HashMap<>();
        if (keys.isEmpty()) {
            return similar;
        }
        var given = DSL.values(keys.stream().map(DSL::row).toArray(Row1[]::new)).as("given", "k");
        Field<String> key = given.field("k", String.class);
        dsl.select(key, AGENCY.NAME).from(given).join(AGENCY)
                .on(AGENCY.NORMALIZED_NAME.contains(key).or(key.contains(AGENCY.NORMALIZED_NAME)))
                .forEach(r -> similar.computeIfAbsent(r.get(key), k -> new ArrayList<>()).add(r.get(AGENCY.NAME)));
        return similar;
    }

    /**
     * For each key, the stored agencies whose name (normalised) could be it with one character
     * misread: as long as the key and sharing its first or its last half — which every name one
     * character away does — in one query for all keys. Key → normalised name → name as shown.
     */
    public Map<String, Map<String, String>> sameLengthNeighbours(Collection<String> keys) {
        Map<String, Map<String, String>> near = new HashMap<>();
        List<String> given = keys.stream().filter(k -> k.length() >= 2).distinct().toList();
        if (given.isEmpty()) {
            return near;
        }
        var halves = DSL.values(given.stream().map(k -> DSL.row(k, k.substring(0, k.length() / 2), k.substring(k.length() / 2)))
                .toArray(Row3[]::new)).as("given", "k", "head", "tail");
        Field<String> key = halves.field("k", String.class);
        Field<String> head = halves.field("head", String.class);
        Field<String> tail = halves.field("tail", String.class);
        dsl.select(key, AGENCY.NORMALIZED_NAME, AGENCY.NAME).from(halves).join(AGENCY)
                .on(DSL.charLength(AGENCY.NORMALIZED_NAME).eq(DSL.charLength(key))
                        .and(AGENCY.NORMALIZED_NAME.startsWith(head).or(AGENCY.NORMALIZED_NAME.endsWith(tail))))
                .forEach(r -> near.computeIfAbsent(r.get(key), k -> new HashMap<>()).put(r.get(AGENCY.NORMALIZED_NAME), r.get(AGENCY.NAME)));
        return near;
    }

    /** The stored agencies of these names or aliases (normalised), one query for all: name → id. */
    public Map<String, Long> findByKeys(Collection<String> normalizedNames) {
        Map<String, Long> found = new HashMap<>();
        if (normalizedNames.isEmpty()) {
            return found;
        }
        dsl.select(AGENCY.NORMALIZED_NAME, AGENCY.ID).from(AGENCY).where(AGENCY.NORMALIZED_NAME.in(normalizedNames))
                .unionAll(dsl.select(AGENCY_ALIAS.NORMALIZED_ALIAS, AGENCY_ALIAS.AGENCY_ID).from(AGENCY_ALIAS)
                        .where(AGENCY_ALIAS.NORMALIZED_ALIAS.in(normalizedNames)))
                // a union's rows are named by its first select
                .forEach(r -> found.putIfAbsent(r.get(AGENCY.NORMALIZED_NAME), r.get(AGENCY.ID)));
        return found;
    }

    public List<AgencySummary> list() {
        var parent = AGENCY.as("parent");
        Field<Integer> reports = DSL.selectCount().from(REPORT).where(REPORT.AGENCY_ID.eq(AGENCY.ID)).asField();
        // DuckDB has no MULTISET: an ordered array per agency does the same here.
        Field<List<String>> aliases = DSL.field(DSL.select(DSL.arrayAgg(AGENCY_ALIAS.ALIAS).orderBy(AGENCY_ALIAS.ALIAS))
                .from(AGENCY_ALIAS).where(AGENCY_ALIAS.AGENCY_ID.eq(AGENCY.ID)))
                .convertFrom(a -> a == null ? List.of() : List.of(a));
        return dsl.select(AGENCY.ID, AGENCY.NAME, AGENCY.LEVEL, AGENCY.REGION_CODE, AGENCY.REGION_NAME, AGENCY.PARENT_ID,
                        parent.NAME, AGENCY.SYNTHETIC, reports, aliases, AGENCY.KIND)
                .from(AGENCY).leftJoin(parent).on(parent.ID.eq(AGENCY.PARENT_ID))
                .orderBy(AGENCY.NAME)
                .fetch(Records.mapping(AgencySummary::new));
    }

    /** Sets where an agency stands: level, region and parent (any may be null). */
    @PreAuthorize("hasRole('ANALYST')")
    public void describe(long id, AgencyLevel level, String regionCode, String regionName, Long parentId) {
        if (parentId != null && (parentId == id || ancestors(parentId).contains(id))) {
            throw new IllegalArgumentException("上级机构不能是它自己或它的下级 / an agency cannot be its own ancestor");
        }
        // a new level moves the agency's reports from one level's roll-ups to the other's, in the same transaction
        dsl.transaction(tx -> Rollups.change(dsl, List.of(id), () -> dsl.update(AGENCY)
                .set(AGENCY.LEVEL, level == null ? null : level.name())
                .set(AGENCY.REGION_CODE, blankToNull(regionCode))
                .set(AGENCY.REGION_NAME, blankToNull(regionName))
                .set(AGENCY.PARENT_ID, parentId)
                .where(AGENCY.ID.eq(id)).execute()));
    }

    /** The deadline kind the register holds an agency to, or null to infer it from the name and level again. */
    @PreAuthorize("hasRole('ANALYST')")
    public void setKind(long id, AgencyKind kind) {
        dsl.update(AGENCY).set(AGENCY.KIND, kind == null ? null : kind.code()).where(AGENCY.ID.eq(id)).execute();
    }

    /**
     * Takes a roster in one transaction: agencies it names that are not stored are created (the
     * names taken as given), and each gets the level, parent, region, years and kind the roster
     * gives — a blank cell leaves what is stored. A parent the store does not have is created too.
     */
    @PreAuthorize("hasRole('ANALYST')")
    public RosterResult importRoster(List<Roster.Row> rows) {
        return dsl.transactionResult(tx -> storeRoster(rows));
    }

    private RosterResult storeRoster(List<Roster.Row> rows) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        rows.forEach(r -> {
            names.put(r.name(), true);
            if (r.parent() != null) {
                names.put(r.parent(), true);
            }
        });
        Resolved resolved = resolveAll(names);
        Map<String, Long> ids = resolved.ids();
        for (Roster.Row row : rows) {
            if (row.parent() != null && ids.get(row.parent()).equals(ids.get(row.name()))) {
                throw new IllegalArgumentException("名册第 %d 行：机构不能是自己的上级 / roster line %d: an agency cannot be its own parent"
                        .formatted(row.line(), row.line()));
            }
        }
        // one statement per thousand rows, whatever the roster's size
        for (int start = 0; start < rows.size(); start += 1_000) {
            List<Roster.Row> chunk = rows.subList(start, Math.min(rows.size(), start + 1_000));
            var given = DSL.values(chunk.stream().map(r -> DSL.row(DSL.val(ids.get(r.name())),
                            DSL.cast(DSL.val(r.level() == null ? null : r.level().name()), SQLDataType.VARCHAR),
                            DSL.cast(DSL.val(r.parent() == null ? null : ids.get(r.parent())), SQLDataType.BIGINT),
                            DSL.cast(DSL.val(r.regionCode()), SQLDataType.VARCHAR), DSL.cast(DSL.val(r.regionName()), SQLDataType.VARCHAR),
                            DSL.cast(DSL.val(r.firstYear()), SQLDataType.INTEGER), DSL.cast(DSL.val(r.lastYear()), SQLDataType.INTEGER),
                            DSL.cast(DSL.val(r.kind() == null ? null : r.kind().code()), SQLDataType.VARCHAR)))
                    .toArray(Row8[]::new))
                    .as("given", "id", "level", "parent_id", "region_code", "region_name", "first_year", "last_year", "kind");
            dsl.update(AGENCY)
                    .set(AGENCY.LEVEL, DSL.coalesce(given.field("level", String.class), AGENCY.LEVEL))
                    .set(AGENCY.PARENT_ID, DSL.coalesce(given.field("parent_id", Long.class), AGENCY.PARENT_ID))
                    .set(AGENCY.REGION_CODE, DSL.coalesce(given.field("region_code", String.class), AGENCY.REGION_CODE))
                    .set(AGENCY.REGION_NAME, DSL.coalesce(given.field("region_name", String.class), AGENCY.REGION_NAME))
                    .set(AGENCY.FIRST_EXPECTED, DSL.coalesce(given.field("first_year", Integer.class), AGENCY.FIRST_EXPECTED))
                    .set(AGENCY.LAST_EXPECTED, DSL.coalesce(given.field("last_year", Integer.class), AGENCY.LAST_EXPECTED))
                    .set(AGENCY.KIND, DSL.coalesce(given.field("kind", String.class), AGENCY.KIND))
                    .from(given).where(AGENCY.ID.eq(given.field("id", Long.class)))
                    .execute();
        }
        // a roster may set the level of every agency: the roll-ups are summed again once rather than moved agency by agency
        Rollups.rebuild(dsl);
        return new RosterResult(resolved.created(), rows.size());
    }

    /** The agency and every agency above it, in one recursive query. UNION (not ALL) ends even a cyclic hierarchy. */
    private List<Long> ancestors(long id) {
        var chain = DSL.name("chain").fields("id", "parent_id").as(DSL.select(AGENCY.ID, AGENCY.PARENT_ID).from(AGENCY).where(AGENCY.ID.eq(id))
                .union(DSL.select(AGENCY.ID, AGENCY.PARENT_ID).from(AGENCY).join(DSL.table(DSL.name("chain")))
                        .on(AGENCY.ID.eq(DSL.field(DSL.name("chain", "parent_id"), Long.class)))));
        return dsl.withRecursive(chain).select(DSL.field(DSL.name("chain", "id"), Long.class)).from(chain)
                .fetch(DSL.field(DSL.name("chain", "id"), Long.class));
    }

    /**
     * Marks agencies as being written by this transaction, before their reports are: the store
     * then lets only one of an import and a merge of the same agency commit (DuckDB refuses the
     * later writer of the row; PostgreSQL makes it wait for the row and read again), so a merge
     * never deletes an agency while reports are stored under it. Fails as a {@link Conflicts.Lost}
     * write if one of them is gone meanwhile.
     */
    public void claim(Collection<Long> ids) {
        Set<Long> distinct = new TreeSet<>(ids);
        // a value that changes: DuckDB lets two writers rewrite a row with what it held
        int claimed = dsl.update(AGENCY).set(AGENCY.WRITTEN_AT, DSL.localDateTime(LocalDateTime.now()))
                .where(AGENCY.ID.in(distinct)).execute();
        if (claimed < distinct.size()) {
            throw new Conflicts.Lost("机构在写入期间被合并 / an agency was merged while its reports were written");
        }
    }

    /**
     * Merges {@code merged} into {@code kept} in one transaction: its reports move over (a year
     * both have becomes later versions of the kept agency's year), its name and aliases become
     * aliases, its children move to the kept agency, and it is deleted. It waits for the imports
     * running in this process ({@link AgencyWrites}); one that meets an import of another server
     * on the same store is tried again, and if it still meets one it is not done, and
     * {@link AgencyBusyException} says so.
     */
    @PreAuthorize("hasRole('ANALYST')")
    public void merge(long kept, long merged) {
        if (kept == merged) {
            throw new IllegalArgumentException("不能把机构并入它自己 / cannot merge an agency into itself");
        }
        try {
            AgencyWrites.alone(() -> Conflicts.retrying(() -> {
                mergeOnce(kept, merged);
                return null;
            }));
        } catch (RuntimeException e) {
            if (Conflicts.isConflict(e)) {
                throw new AgencyBusyException(e);
            }
            throw e;
        }
    }

    /** Another writer kept changing an agency's reports while it was to be changed as a whole. */
    public static final class AgencyBusyException extends IllegalStateException {
        AgencyBusyException(Throwable cause) {
            super("机构的报告正被另一项导入写入 / another import is writing this agency's reports", cause);
        }
    }

    private void mergeOnce(long kept, long merged) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            try {
                claim(List.of(kept, merged));
            } catch (Conflicts.Lost gone) {
                throw new IllegalArgumentException("机构不存在 / no such agency");
            }
            var mergedName = db.select(AGENCY.NAME, AGENCY.NORMALIZED_NAME).from(AGENCY).where(AGENCY.ID.eq(merged)).fetchOne();
            if (mergedName == null || db.fetchCount(AGENCY, AGENCY.ID.eq(kept)) == 0) {
                throw new IllegalArgumentException("机构不存在 / no such agency");
            }
            for (var report : db.select(REPORT.ID, REPORT.YEAR).from(REPORT).where(REPORT.AGENCY_ID.eq(merged))
                    .orderBy(REPORT.YEAR, REPORT.VERSION).fetch()) {
                int next = db.select(DSL.coalesce(DSL.max(REPORT.VERSION), 0)).from(REPORT)
                        .where(REPORT.AGENCY_ID.eq(kept), REPORT.YEAR.eq(report.get(REPORT.YEAR))).fetchOne(0, Integer.class) + 1;
                db.update(REPORT).set(REPORT.AGENCY_ID, kept).set(REPORT.VERSION, next).where(REPORT.ID.eq(report.get(REPORT.ID))).execute();
            }
            db.update(AGENCY_ALIAS).set(AGENCY_ALIAS.AGENCY_ID, kept).where(AGENCY_ALIAS.AGENCY_ID.eq(merged)).execute();
            // saved groups follow the agency; a group that held both keeps it once
            db.deleteFrom(AGENCY_GROUP_MEMBER).where(AGENCY_GROUP_MEMBER.AGENCY_ID.eq(merged), AGENCY_GROUP_MEMBER.GROUP_ID.in(
                    DSL.select(AGENCY_GROUP_MEMBER.GROUP_ID).from(AGENCY_GROUP_MEMBER).where(AGENCY_GROUP_MEMBER.AGENCY_ID.eq(kept))))
                    .execute();
            db.update(AGENCY_GROUP_MEMBER).set(AGENCY_GROUP_MEMBER.AGENCY_ID, kept).where(AGENCY_GROUP_MEMBER.AGENCY_ID.eq(merged)).execute();
            db.update(AGENCY).set(AGENCY.PARENT_ID, kept).where(AGENCY.PARENT_ID.eq(merged)).execute();
            // while the merged agency still stands, so that its rows leave the roll-ups of its own level
            CurrentCells.refresh(db, List.of(kept, merged));
            db.deleteFrom(AGENCY).where(AGENCY.ID.eq(merged)).execute();
            db.insertInto(AGENCY_ALIAS, AGENCY_ALIAS.AGENCY_ID, AGENCY_ALIAS.ALIAS, AGENCY_ALIAS.NORMALIZED_ALIAS)
                    .values(kept, mergedName.get(AGENCY.NAME), mergedName.get(AGENCY.NORMALIZED_NAME)).execute();
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
