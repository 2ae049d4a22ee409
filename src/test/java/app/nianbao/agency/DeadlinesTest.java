package app.nianbao.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.nianbao.catalog.AgencyLevel;

class DeadlinesTest {

    private final Deadlines statutory = Deadlines.statutory();

    @Test
    void a_government_publishes_by_31_march_and_a_department_by_31_january_of_the_following_year() {
        assertThat(statutory.of("平潭综合实验区管委会", AgencyLevel.COUNTY, null, 2023))
                .isEqualTo(new Deadlines.Rule(AgencyKind.GOVERNMENT, LocalDate.of(2024, 3, 31)));
        assertThat(statutory.of("平潭综合实验区教育局", AgencyLevel.DEPARTMENT, null, 2023))
                .isEqualTo(new Deadlines.Rule(AgencyKind.DEPARTMENT, LocalDate.of(2024, 1, 31)));
    }

    @Test
    void a_kind_set_on_the_agency_outranks_its_name() {
        assertThat(statutory.of("某某市人民政府", AgencyLevel.CITY, AgencyKind.DEPARTMENT, 2023).deadline()).isEqualTo(LocalDate.of(2024, 1, 31));
    }

    @Test
    void a_local_rule_gives_agencies_matching_its_pattern_another_kind_or_day() {
        Deadlines local = new Deadlines("03-31", "01-31", List.of(new Deadlines.LocalRule("街道办事处$", AgencyKind.GOVERNMENT, "04-30"),
                new Deadlines.LocalRule("^上海市", null, "02-15")));

        assertThat(local.of("某区某某街道办事处", AgencyLevel.TOWNSHIP, null, 2023))
                .isEqualTo(new Deadlines.Rule(AgencyKind.GOVERNMENT, LocalDate.of(2024, 4, 30)));
        assertThat(local.of("上海市教育委员会", AgencyLevel.DEPARTMENT, null, 2023))
                .isEqualTo(new Deadlines.Rule(AgencyKind.DEPARTMENT, LocalDate.of(2024, 2, 15)));
        // the agency's own kind still wins over the rule's kind, the rule's day still applies
        assertThat(local.of("某区某某街道办事处", AgencyLevel.TOWNSHIP, AgencyKind.DEPARTMENT, 2023).kind()).isEqualTo(AgencyKind.DEPARTMENT);
    }

    @Test
    void the_deadlines_themselves_can_be_configured() {
        Deadlines later = new Deadlines("04-15", "02-28", List.of());

        assertThat(later.of("某县人民政府", AgencyLevel.COUNTY, null, 2020).deadline()).isEqualTo(LocalDate.of(2021, 4, 15));
        assertThat(later.of("某县财政局", AgencyLevel.DEPARTMENT, null, 2020).deadline()).isEqualTo(LocalDate.of(2021, 2, 28));
    }

    @Test
    void a_setting_that_cannot_be_read_is_refused_with_its_name() {
        assertThatThrownBy(() -> new Deadlines("3月31日", "01-31", List.of())).hasMessageContaining("nianbao.publication.government");
        assertThatThrownBy(() -> new Deadlines("03-31", "01-31", List.of(new Deadlines.LocalRule("(", null, null))))
                .hasMessageContaining("nianbao.publication.local[0].name-pattern");
        assertThatThrownBy(() -> new Deadlines("03-31", "01-31", List.of(new Deadlines.LocalRule("局$", null, "13-01"))))
                .hasMessageContaining("nianbao.publication.local[0].deadline");
    }
}
