package app.nianbao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.nianbao.SpringTestBase;
import app.nianbao.agency.AgencyService;
import app.nianbao.agency.GroupService;
import app.nianbao.analytics.NoteService;
import app.nianbao.catalog.AgencyLevel;
import app.nianbao.catalog.Scope;
import app.nianbao.collect.CollectService;
import app.nianbao.figures.ReviewStatus;
import app.nianbao.imports.ImportService;
import app.nianbao.parse.ReadOptions;
import app.nianbao.report.ReportService;

/**
 * Every write is refused at the service to a viewer and to the public visitor, whatever a view
 * offers or forgets, and the refused writes leave the store as it was (counted by plain SQL).
 */
class ServiceWritesRefusedTest extends SpringTestBase {

    private static final List<String> TABLES = List.of("report", "figure", "finding", "agency", "agency_group", "chart_note", "app_user",
            "report_restore");

    @Autowired
    ImportService imports;
    @Autowired
    CollectService collector;
    @Autowired
    UserService users;
    @Autowired
    GroupService groups;
    @Autowired
    AgencyService agencies;
    @Autowired
    NoteService notes;
    @Autowired
    ReportService reports;
    @Autowired
    JdbcTemplate sql;

    private Map<String, Runnable> writes() {
        long report = sql.queryForObject("select min(id) from report", Long.class);
        long finding = sql.queryForObject("select min(id) from finding", Long.class);
        List<Long> two = sql.queryForList("select id from agency order by id limit 2", Long.class);
        Map<String, Runnable> writes = new LinkedHashMap<>();
        writes.put("import a file", () -> imports.importFile(Path.of("data/reports/2019_pingtan.html"), ReadOptions.none()));
        writes.put("import files", () -> imports.importFiles(List.of(Path.of("data/reports/2019_pingtan.html")), ReadOptions.none(), o -> { }));
        writes.put("import bytes", () -> imports.importBytes("a.html", "<p>x</p>".getBytes(), ReadOptions.none()));
        writes.put("store previewed files", () -> imports.storeAll(List.of()));
        writes.put("collect", () -> collector.collect(List.of(), r -> { }));
        writes.put("create an account", () -> users.create("intruder", "long-enough-password", Role.ADMIN));
        writes.put("reset a password", () -> users.resetPassword("admin", "long-enough-password"));
        writes.put("disable an account", () -> users.setEnabled("admin", false));
        writes.put("change a role", () -> users.setRole("admin", Role.VIEWER));
        writes.put("save a group", () -> groups.save("g", two));
        writes.put("describe an agency", () -> agencies.describe(two.get(0), AgencyLevel.COUNTY, null, null, null));
        writes.put("merge agencies", () -> agencies.merge(two.get(0), two.get(1)));
        writes.put("add a note", () -> notes.add(new Scope.All(), "全部机构", null, 2021, "x"));
        writes.put("review a finding", () -> reports.review(finding, ReviewStatus.DISMISSED, "x", "x"));
        writes.put("review a rule's findings", () -> reports.reviewAll(report, "R8", ReviewStatus.DISMISSED, "x", "x"));
        writes.put("set a publication date", () -> reports.setPublished(report, LocalDate.of(2024, 1, 31)));
        writes.put("restore a version", () -> reports.restore(report, "x", "x"));
        return writes;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, sql.queryForObject("select count(*) from " + t, Long.class)));
        counts.put("enabled admins", sql.queryForObject("select count(*) from app_user where enabled and role = 'ADMIN'", Long.class));
        return counts;
    }

    @Test
    void a_viewer_is_refused_every_write_and_the_store_stays_as_it_was() {
        Map<String, Long> before = counts();
        writes().forEach((what, write) -> as("viewer", Role.VIEWER,
                () -> assertThatThrownBy(write::run).as(what).isInstanceOf(AccessDeniedException.class)));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void the_public_visitor_is_refused_every_write() {
        Map<String, Long> before = counts();
        writes().forEach((what, write) -> as(PublicVisitor.NAME, Role.VIEWER,
                () -> assertThatThrownBy(write::run).as(what).isInstanceOf(AccessDeniedException.class)));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void an_analyst_may_not_manage_accounts() {
        as("analyst", Role.ANALYST, () -> assertThatThrownBy(() -> users.setRole("admin", Role.VIEWER))
                .isInstanceOf(AccessDeniedException.class));
    }

    @Test
    void the_first_admin_is_made_only_while_there_is_no_account() {
        assertThat(users.createFirstAdmin("second-admin", "long-enough-password")).isFalse();
        assertThat(sql.queryForObject("select count(*) from app_user where username = 'second-admin'", Long.class)).isZero();
    }

    /** A write a newcomer adds in a transaction must say who may make it; the first admin is guarded by the empty store instead. */
    @Test
    void every_public_writing_transaction_of_a_service_names_the_role_it_needs() throws Exception {
        List<String> unguarded = new ArrayList<>();
        for (Class<?> service : List.of(ImportService.class, CollectService.class, UserService.class, GroupService.class, AgencyService.class,
                NoteService.class, ReportService.class)) {
            assertThat(service.isAnnotationPresent(Service.class)).as(service.getSimpleName()).isTrue();
            for (Method m : service.getDeclaredMethods()) {
                Transactional tx = m.getAnnotation(Transactional.class);
                boolean writes = tx != null && !tx.readOnly();
                if (java.lang.reflect.Modifier.isPublic(m.getModifiers()) && writes && !m.isAnnotationPresent(PreAuthorize.class)
                        && !m.getName().equals("createFirstAdmin")) {
                    unguarded.add(service.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(unguarded).isEmpty();
    }
}
