package app.nianbao.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import app.nianbao.Samples;
import app.nianbao.SpringTestBase;
import app.nianbao.catalog.AgencyLevel;
import app.nianbao.imports.ImportService;
import app.nianbao.parse.ReadOptions;
import app.nianbao.report.ReportService;
import app.nianbao.security.Role;

@WithMockUser(roles = "ANALYST")
class AgencyServiceTest extends SpringTestBase {

    @Autowired
    AgencyService agencies;

    @Autowired
    ImportService imports;

    @Autowired
    ReportService reports;

    @Autowired
    org.jooq.DSLContext dsl;

    private void importSeedAs(String agency, int year, String salt) {
        String text = Samples.text(Samples.SEED).replace("2022 年政府信息", year + " 年政府信息") + salt;
        imports.importBytes(agency + year + ".txt", text.getBytes(StandardCharsets.UTF_8), new ReadOptions(agency, null, null));
    }

    @Test
    void the_pickers_list_is_every_agency_by_name_as_plain_sql_gives_it_and_follows_a_new_agency_and_a_merge() {
        assertThat(choices()).isEqualTo(plainChoices()).isNotEmpty();
        importSeedAs("选择列表测试局", 2040, "选");
        assertThat(choices()).isEqualTo(plainChoices()).anySatisfy(c -> assertThat(c).contains("选择列表测试局"));
        importSeedAs("选择列表测试乙局", 2040, "乙");
        long a = agencies.resolve("选择列表测试局", true);
        long b = agencies.resolve("选择列表测试乙局", true);
        agencies.merge(a, b);
        assertThat(choices()).isEqualTo(plainChoices()).noneSatisfy(c -> assertThat(c).contains("选择列表测试乙局"));
    }

    private java.util.List<String> choices() {
        return agencies.choices().stream().map(c -> c.id() + " " + c.name() + " " + c.regionCode() + " " + c.regionName()).toList();
    }

    private java.util.List<String> plainChoices() {
        return dsl.fetch("select id, name, region_code, region_name from agency order by name, id")
                .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3));
    }

    @Test
    void names_that_differ_only_in_spaces_brackets_or_short_forms_are_one_agency() {
        long id = agencies.resolve("某某经济开发区管委会（测试）", true);

        assertThat(agencies.resolve("某某 经济开发区 管理委员会(测试)", false)).isEqualTo(id);
    }

    @Test
    void merging_moves_reports_as_later_versions_and_keeps_the_merged_name_as_an_alias() {
        importSeedAs("合并测试甲局", 2040, "甲");
        importSeedAs("合并测试乙局", 2040, "乙");
        importSeedAs("合并测试乙局", 2041, "乙");
        long kept = agencies.resolve("合并测试甲局", true);
        long merged = agencies.resolve("合并测试乙局", true);

        agencies.merge(kept, merged);

        assertThat(reports.versions(kept, 2040)).extracting(ReportService.ReportVersion::version).containsExactly(2, 1);
        assertThat(reports.current(kept, 2041)).isPresent();
        assertThat(agencies.list()).filteredOn(a -> a.id() == kept).singleElement()
                .satisfies(a -> assertThat(a.aliases()).containsExactly("合并测试乙局"));
        assertThat(agencies.resolve("合并测试乙局", false)).isEqualTo(kept);
    }

    @Test
    void an_agency_cannot_become_its_own_ancestor() {
        long city = agencies.resolve("层级测试市人民政府", true);
        long county = agencies.resolve("层级测试县人民政府（层级）", true);
        agencies.describe(county, AgencyLevel.COUNTY, "320000", "江苏省", city);

        assertThatThrownBy(() -> agencies.describe(city, AgencyLevel.CITY, null, null, county))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("上级");
        assertThat(agencies.list()).filteredOn(a -> a.id() == county).singleElement().satisfies(a -> {
            assertThat(a.parentName()).isEqualTo("层级测试市人民政府");
            assertThat(a.level()).isEqualTo("COUNTY");
        });
    }

    @Test
    void an_agency_cannot_go_below_anything_under_it_however_deep() {
        long province = agencies.resolve("层级测试省人民政府（深）", true);
        long city = agencies.resolve("层级测试市人民政府（深）", true);
        long county = agencies.resolve("层级测试县人民政府（深）", true);
        agencies.describe(city, AgencyLevel.CITY, null, null, province);
        agencies.describe(county, AgencyLevel.COUNTY, null, null, city);

        assertThatThrownBy(() -> agencies.describe(province, AgencyLevel.PROVINCE, null, null, county))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("下级");
        // a sibling branch is no cycle
        long other = agencies.resolve("层级测试另一市人民政府（深）", true);
        agencies.describe(other, AgencyLevel.CITY, null, null, province);
        agencies.describe(county, AgencyLevel.COUNTY, null, null, other);
        assertThat(dsl.fetchValue("select parent_id from agency where id = ?", county)).hasToString(String.valueOf(other));
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void a_viewer_can_neither_merge_nor_describe_an_agency() {
        long one = agencies.resolve("权限测试甲局", true);
        long other = agencies.resolve("权限测试乙局", true);

        assertThatThrownBy(() -> agencies.merge(one, other)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> agencies.describe(one, AgencyLevel.COUNTY, null, null, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(agencies.list()).extracting(AgencyService.AgencySummary::name).contains("权限测试甲局", "权限测试乙局");
    }

    @Test
    void a_merge_while_an_import_stores_the_merged_agencys_reports_either_completes_or_says_why_and_loses_no_report() throws Exception {
        importSeedAs("并发合并甲局", 2040, "并发合并甲");
        importSeedAs("并发合并乙局", 2040, "并发合并乙");
        long kept = agencies.resolve("并发合并甲局", true);
        long merged = agencies.resolve("并发合并乙局", true);
        int before = dsl.fetchCount(app.nianbao.store.jooq.Tables.REPORT);
        java.util.concurrent.atomic.AtomicInteger stored = new java.util.concurrent.atomic.AtomicInteger();
        Thread importing = new Thread(() -> as("test.analyst", Role.ANALYST, () -> {
            for (int year = 2041; year < 2051; year++) {
                String text = Samples.text(Samples.SEED).replace("2022 年政府信息", year + " 年政府信息") + "并发合并";
                var outcome = imports.importBytes("乙" + year + ".txt", text.getBytes(StandardCharsets.UTF_8),
                        new ReadOptions("并发合并乙局", null, null));
                assertThat(outcome.reason()).as("every file stored or failed with a reason").isNull();
                stored.incrementAndGet();
            }
        }));
        importing.start();
        while (stored.get() < 2 && importing.isAlive()) {
            Thread.sleep(5);
        }
        RuntimeException refused = null;
        try {
            agencies.merge(kept, merged);
        } catch (AgencyService.AgencyBusyException e) {
            refused = e;
        }
        importing.join(120_000);

        // counted in the store: every report stored is still there, under one agency or the other
        assertThat(dsl.fetchCount(app.nianbao.store.jooq.Tables.REPORT)).isEqualTo(before + stored.get());
        assertThat(stored.get()).isEqualTo(10);
        assertThat(dsl.fetchCount(dsl.selectFrom(app.nianbao.store.jooq.Tables.REPORT).where(app.nianbao.store.jooq.Tables.REPORT.AGENCY_ID
                .notIn(dsl.select(app.nianbao.store.jooq.Tables.AGENCY.ID).from(app.nianbao.store.jooq.Tables.AGENCY)))))
                .as("reports whose agency is gone").isZero();
        if (refused == null) {
            assertThat(agencies.resolve("并发合并乙局", false)).isEqualTo(kept);
        } else {
            assertThat(refused).hasMessageContaining("另一项导入");
        }
    }
}
