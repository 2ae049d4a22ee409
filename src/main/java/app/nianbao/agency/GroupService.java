package app.nianbao.agency;

import static app.nianbao.store.jooq.Tables.AGENCY_GROUP;
import static app.nianbao.store.jooq.Tables.AGENCY_GROUP_MEMBER;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saved groups of agencies: a peer group an auditor names once and reopens in every view. */
@Service
public class GroupService {

    public record AgencyGroup(long id, String name, List<Long> agencyIds) {
    }

    private final DSLContext dsl;

    public GroupService(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<AgencyGroup> list() {
        var members = DSL.arrayAgg(AGENCY_GROUP_MEMBER.AGENCY_ID).orderBy(AGENCY_GROUP_MEMBER.AGENCY_ID).as("members");
        return dsl.select(AGENCY_GROUP.ID, AGENCY_GROUP.NAME, members)
                .from(AGENCY_GROUP).join(AGENCY_GROUP_MEMBER).on(AGENCY_GROUP_MEMBER.GROUP_ID.eq(AGENCY_GROUP.ID))
                .groupBy(AGENCY_GROUP.ID, AGENCY_GROUP.NAME).orderBy(AGENCY_GROUP.NAME)
                .fetch(r -> new AgencyGroup(r.get(AGENCY_GROUP.ID), r.get(AGENCY_GROUP.NAME), List.of(r.get(members))));
    }

    /**
     * Saves the agencies under a name, replacing a group of that name, as the signed-in analyst;
     * returns its id. Groups are shared by every user, so a viewer or the public visitor may not.
     */
    @Transactional
    @PreAuthorize("hasRole('ANALYST')")
    public long save(String name, Collection<Long> agencyIds) {
        String createdBy = SecurityContextHolder.getContext().getAuthentication().getName();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || agencyIds.size() < 2) {
            throw new IllegalArgumentException("分组需要名称和至少两个机构 / a group needs a name and at least two agencies");
        }
        dsl.deleteFrom(AGENCY_GROUP_MEMBER).where(AGENCY_GROUP_MEMBER.GROUP_ID.in(
                DSL.select(AGENCY_GROUP.ID).from(AGENCY_GROUP).where(AGENCY_GROUP.NAME.eq(trimmed)))).execute();
        dsl.deleteFrom(AGENCY_GROUP).where(AGENCY_GROUP.NAME.eq(trimmed)).execute();
        long id = dsl.insertInto(AGENCY_GROUP, AGENCY_GROUP.NAME, AGENCY_GROUP.CREATED_BY, AGENCY_GROUP.CREATED_AT)
                .values(trimmed, createdBy, LocalDateTime.now()).returning(AGENCY_GROUP.ID).fetchOne(AGENCY_GROUP.ID);
        var insert = dsl.insertInto(AGENCY_GROUP_MEMBER, AGENCY_GROUP_MEMBER.GROUP_ID, AGENCY_GROUP_MEMBER.AGENCY_ID);
        for (long agency : agencyIds) {
            insert = insert.values(id, agency);
        }
        insert.execute();
        return id;
    }
}
