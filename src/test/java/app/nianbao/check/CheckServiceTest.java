package app.nianbao.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.SpringTestBase;
import app.nianbao.report.ReportService;
import app.nianbao.report.ReportService.StoredFinding;
import app.nianbao.figures.ReviewStatus;

class CheckServiceTest extends SpringTestBase {

    @Autowired
    CheckService checks;

    @Autowired
    ReportService reports;

    @Autowired
    org.jooq.DSLContext dsl;

    @Test
    void an_auditors_review_survives_a_re_run_of_the_rules_while_the_finding_still_holds() {
        var shanghai = reports.listCurrent("上海市人民政府办公厅").get(0);
        StoredFinding blank = reports.findings(shanghai.reportId()).stream()
                .filter(f -> f.finding().rule().equals("R8")).findFirst().orElseThrow();
        as("auditor", app.nianbao.security.Role.ANALYST, () -> reports.review(blank.id(), ReviewStatus.DISMISSED, "原表空白即为 0", "auditor"));

        var checked = checks.run("上海市人民政府办公厅", 2019);

        assertThat(checked).singleElement().satisfies(c -> assertThat(c.findings()).isNotEmpty());
        StoredFinding after = reports.findings(shanghai.reportId()).stream()
                .filter(f -> f.finding().message().equals(blank.finding().message())).findFirst().orElseThrow();
        assertThat(after.reviewStatus()).isEqualTo("dismissed");
        assertThat(after.reviewComment()).isEqualTo("原表空白即为 0");
        assertThat(after.reviewedBy()).isEqualTo("auditor");
    }

    @Test
    void the_readers_own_findings_are_kept_when_the_rules_run_again() {
        var seed = reports.listCurrent("高新技术产业开发区管理办公室").stream().filter(r -> r.year() == 2022).findFirst().orElseThrow();
        long before = reports.findings(seed.reportId()).stream().filter(f -> f.finding().rule().startsWith("P")).count();

        checks.run("高新技术产业开发区管理办公室", 2022);

        assertThat(before).isEqualTo(7);
        assertThat(reports.findings(seed.reportId()).stream().filter(f -> f.finding().rule().startsWith("P")).count())
                .isEqualTo(before);
    }

    @Test
    void every_finding_in_the_store_names_a_rule_of_the_catalogue() {
        java.util.List<String> stored = dsl.fetch("select distinct rule from finding").getValues(0, String.class);

        assertThat(stored).isNotEmpty().allSatisfy(id -> assertThat(app.nianbao.figures.Rule.of(id)).as(id).isPresent());
    }
}
