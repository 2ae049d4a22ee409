package app.nianbao.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.Samples;
import app.nianbao.SpringTestBase;
import app.nianbao.imports.ImportService;
import app.nianbao.parse.ReadOptions;
import app.nianbao.report.ReportService;

class AgencyServiceTest extends SpringTestBase {

    @Autowired
    AgencyService agencies;

    @Autowired
    ImportService imports;

    @Autowired
    ReportService reports;

    private void importSeedAs(String agency, int year, String salt) {
        String text = Samples.text(Samples.SEED).replace("2022 年政府信息", year + " 年政府信息") + salt;
        imports.importBytes(agency + year + ".txt", text.getBytes(StandardCharsets.UTF_8), new ReadOptions(agency, null, null));
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
}
