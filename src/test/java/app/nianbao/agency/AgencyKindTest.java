package app.nianbao.agency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.nianbao.catalog.AgencyLevel;

class AgencyKindTest {

    @Test
    void governments_and_the_bodies_acting_as_one_report_by_31_march_departments_by_31_january() {
        assertThat(AgencyKind.of("淮安市人民政府", AgencyLevel.CITY)).isEqualTo(AgencyKind.GOVERNMENT);
        assertThat(AgencyKind.of("平潭综合实验区", null)).isEqualTo(AgencyKind.GOVERNMENT);
        assertThat(AgencyKind.of("高新技术产业开发区管理办公室", null)).isEqualTo(AgencyKind.GOVERNMENT);
        assertThat(AgencyKind.of("东川省东北市人民政府（模拟）", AgencyLevel.CITY)).isEqualTo(AgencyKind.GOVERNMENT);
        assertThat(AgencyKind.of("上海市人民政府办公厅", null)).as("a government's office is a department").isEqualTo(AgencyKind.DEPARTMENT);
        assertThat(AgencyKind.of("沭阳县教育局", AgencyLevel.COUNTY)).isEqualTo(AgencyKind.DEPARTMENT);
        assertThat(AgencyKind.of("某某县人民政府", AgencyLevel.DEPARTMENT)).as("the level decides first").isEqualTo(AgencyKind.DEPARTMENT);
    }
}
