package app.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import app.nianbao.Samples;
import app.nianbao.SpringTestBase;
import app.nianbao.figures.ReviewStatus;
import app.nianbao.imports.ImportOutcome;
import app.nianbao.imports.ImportService;
import app.nianbao.report.Replaces;
import app.nianbao.parse.ReadOptions;
import app.nianbao.security.Role;

/**
 * A new version keeps the reviews of the findings that still hold in it; a review whose finding
 * is gone is said, in the preview before and in the outcome after, and not carried.
 */
@WithMockUser(username = "test.analyst", roles = "ANALYST")
class ReviewsAcrossVersionsTest extends SpringTestBase {

    @Autowired
    ImportService imports;

    @Autowired
    ReportService reports;

    @Autowired
    DSLContext dsl;

    /** The seed report (all zeros) with table 4's first count set (an R4 sum error) and, if asked, table 3's first secret refusal (an R2 row error). */
    private static byte[] seed(boolean table3Error) {
        List<String> lines = new java.util.ArrayList<>(List.of(Samples.text(Samples.SEED).replace("2022 年政府信息", "2043 年政府信息")
                .split("\n", -1)));
        int t4 = lines.indexOf(lines.stream().filter(l -> l.startsWith("0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0")).findFirst().orElseThrow());
        lines.set(t4, "3" + lines.get(t4).substring(1));
        if (table3Error) {
            int t3 = lines.indexOf(lines.stream().filter(l -> l.contains("1.属于国家秘密")).findFirst().orElseThrow());
            lines.set(t3, lines.get(t3).replaceFirst("国家秘密\t0\t", "国家秘密\t2\t"));
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private long findingOf(long reportId, String rule) {
        return ((Number) dsl.fetchValue("select min(id) from finding where report_id = ? and rule = ? and severity = 'error'", reportId, rule)).longValue();
    }

    @Test
    void a_new_version_keeps_the_review_of_a_finding_that_still_holds_and_reports_the_one_whose_finding_is_gone() {
        ReadOptions options = new ReadOptions("审核延续测试局", null, null);
        imports.importBytes("v1.txt", seed(true), options);
        long v1 = ((Number) dsl.fetchValue("select r.id from report r join agency a on a.id = r.agency_id "
                + "where a.name = '审核延续测试局' and r.year = 2043")).longValue();
        long r4 = findingOf(v1, "R4");
        long r2 = findingOf(v1, "R2");
        as("wang.analyst", Role.ANALYST, () -> {
            reports.review(r4, ReviewStatus.CONFIRMED, "机构填报错误", "wang.analyst");
            reports.review(r2, ReviewStatus.DISMISSED, "已电话核实", "wang.analyst");
        });

        ImportService.Preview preview = imports.preview("v2.txt", seed(false), options);
        ImportOutcome outcome = imports.importBytes("v2.txt", seed(false), options);

        Replaces replaces = preview.replaces();
        assertThat(replaces.version()).isEqualTo(1);
        assertThat(replaces.changes()).extracting(c -> c.cell().toString()).contains("t3.refused_state_secret.natural");
        // with the row adding up again the reader can infer the seed's lost cells: its notes appear, the blanks go
        assertThat(replaces.appeared()).isNotEmpty().allMatch(app.nianbao.figures.Finding::fromReader);
        assertThat(replaces.gone()).extracting(f -> f.finding().rule()).contains("R2", "R8").doesNotContain("R4");
        assertThat(replaces.lapsedReviews()).extracting(ReportService.StoredFinding::id).containsExactly(r2);
        assertThat(outcome.version()).isEqualTo(2);
        assertThat(outcome.lapsedReviews()).isEqualTo(1);
        long v2 = ((Number) dsl.fetchValue("select r.id from report r join agency a on a.id = r.agency_id "
                + "where a.name = '审核延续测试局' and r.year = 2043 and r.version = 2")).longValue();
        assertThat(dsl.fetch("select rule || ' ' || review_status || ' ' || review_comment || ' ' || reviewed_by from finding "
                + "where report_id = ? and review_status <> 'open'", v2).getValues(0, String.class))
                .containsExactly("R4 confirmed 机构填报错误 wang.analyst");
        assertThat(((Number) dsl.fetchValue("select count(*) from finding where report_id = ? and rule = 'R2' and severity = 'error'", v2))
                .intValue()).isZero();
    }
}
