package app.nianbao.agency;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.nianbao.analytics.PublicationRegister;
import app.nianbao.analytics.PublicationRegister.Status;
import app.nianbao.catalog.AgencyLevel;
import app.nianbao.catalog.Scope;
import app.nianbao.cli.StoreServices;
import app.nianbao.store.Store;
import app.nianbao.store.jooq.tables.records.AgencyRecord;

class RosterTest {

    private static final String ROSTER = """
            name,level,parent,region,first_year,last_year,kind
            名册市人民政府,CITY,,名册省名册市 330100,2031,,
            名册市教育局,DEPARTMENT,名册市人民政府,,2031,2032,
            名册市某某中心,COUNTY,名册市人民政府,,2033,,government
            """;

    @TempDir
    Path dir;

    @Test
    void a_roster_in_english_or_chinese_headings_gives_each_agency_its_level_parent_region_years_and_kind() {
        List<Roster.Row> rows = Roster.read("\uFEFF机构名称,层级,上级机构,地区,起始年,截止年,类别\n名册县人民政府,县级,名册市人民政府,名册县,2031,2040,政府\n");

        assertThat(rows).containsExactly(new Roster.Row(2, "名册县人民政府", AgencyLevel.COUNTY, "名册市人民政府", null, "名册县", 2031, 2040,
                AgencyKind.GOVERNMENT));
        assertThat(Roster.read(ROSTER).get(0).regionCode()).isEqualTo("330100");
    }

    @Test
    void a_row_that_cannot_be_read_refuses_the_roster_with_its_line() {
        assertThatThrownBy(() -> Roster.read("name,level,first_year\n甲局,DEPARTMENT,2031\n乙局,DEPARTMENT,二〇三一\n"))
                .hasMessageContaining("第 3 行").hasMessageContaining("line 3");
        assertThatThrownBy(() -> Roster.read("name,level\n甲局,星级\n")).hasMessageContaining("第 2 行");
        assertThatThrownBy(() -> Roster.read("level,parent\nCITY,\n")).hasMessageContaining("name");
        assertThatThrownBy(() -> Roster.read("name,first_year,last_year\n甲局,2035,2031\n")).hasMessageContaining("第 2 行");
    }

    @Test
    void an_imported_roster_makes_agencies_without_reports_expected_from_their_first_to_their_last_year() {
        try (Store store = Store.open(dir.resolve("roster.duckdb"))) {
            AgencyService.RosterResult result = StoreServices.over(store.dsl()).agencies().importRoster(Roster.read(ROSTER));

            assertThat(result).isEqualTo(new AgencyService.RosterResult(3, 3));
            AgencyRecord bureau = store.dsl().fetchOne(AGENCY, AGENCY.NAME.eq("名册市教育局"));
            AgencyRecord city = store.dsl().fetchOne(AGENCY, AGENCY.NAME.eq("名册市人民政府"));
            assertThat(bureau.getParentId()).isEqualTo(city.getId());
            assertThat(bureau.getFirstExpected()).isEqualTo(2031);
            assertThat(bureau.getLastExpected()).isEqualTo(2032);
            assertThat(city.getRegionCode()).isEqualTo("330100");

            var register = new PublicationRegister(store.dsl(), Deadlines.statutory());
            LocalDate today = LocalDate.of(2036, 6, 1);
            // 2031: the city and its bureau are due and have no report; the centre starts in 2033
            assertThat(register.entries(new Scope.All(), 2031, today)).extracting(PublicationRegister.Entry::agency,
                    PublicationRegister.Entry::status).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("名册市人民政府", Status.MISSING), org.assertj.core.groups.Tuple.tuple("名册市教育局", Status.MISSING));
            // 2033: the bureau was retired after 2032; the centre is held to a government's deadline, as the roster says
            var in2033 = register.entries(new Scope.All(), 2033, today);
            assertThat(in2033).extracting(PublicationRegister.Entry::agency).containsExactlyInAnyOrder("名册市人民政府", "名册市某某中心");
            assertThat(in2033).filteredOn(e -> e.agency().equals("名册市某某中心")).singleElement()
                    .satisfies(e -> assertThat(e.deadline()).isEqualTo(LocalDate.of(2034, 3, 31)));
            // before the governments' deadline of 31 March 2036, their 2035 reports are not due yet
            assertThat(register.entries(new Scope.All(), 2035, LocalDate.of(2036, 2, 15))).extracting(PublicationRegister.Entry::status).containsOnly(Status.NOT_DUE);
        }
    }

    @Test
    void importing_the_roster_again_changes_nothing_and_keeps_what_a_second_roster_leaves_blank() {
        try (Store store = Store.open(dir.resolve("again.duckdb"))) {
            AgencyService agencies = StoreServices.over(store.dsl()).agencies();
            agencies.importRoster(Roster.read(ROSTER));

            AgencyService.RosterResult again = agencies.importRoster(Roster.read("name,last_year\n名册市人民政府,2040\n"));

            assertThat(again.created()).isZero();
            AgencyRecord city = store.dsl().fetchOne(AGENCY, AGENCY.NAME.eq("名册市人民政府"));
            assertThat(city.getFirstExpected()).isEqualTo(2031);
            assertThat(city.getLastExpected()).isEqualTo(2040);
            assertThat(city.getLevel()).isEqualTo("CITY");
            assertThat(store.dsl().fetchCount(AGENCY)).isEqualTo(3);
        }
    }
}
