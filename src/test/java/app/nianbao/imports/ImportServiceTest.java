package app.nianbao.imports;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.FIGURE;
import static app.nianbao.store.jooq.Tables.FINDING;
import static app.nianbao.store.jooq.Tables.REPORT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import app.nianbao.Samples;
import app.nianbao.SpringTestBase;
import app.nianbao.figures.Finding;
import app.nianbao.figures.Severity;
import app.nianbao.imports.ImportOutcome.Status;
import app.nianbao.parse.ParsedReport;
import app.nianbao.parse.ReadOptions;
import app.nianbao.parse.ReportReader;
import app.nianbao.security.Role;

@WithMockUser(username = "test.analyst", roles = "ANALYST")
class ImportServiceTest extends SpringTestBase {

    @Autowired
    ImportService imports;

    @Autowired
    DSLContext dsl;

    private static final String SEED_AS_2031 = Samples.text(Samples.SEED).replace("2022 年政府信息", "2031 年政府信息");

    @Test
    void the_same_bytes_again_change_nothing() {
        byte[] bytes = Samples.bytes("2023_pingtan.html");
        int reports = dsl.fetchCount(REPORT);

        ImportOutcome again = imports.importBytes("2023_pingtan.html", bytes, ReadOptions.none());

        assertThat(again.status()).isEqualTo(Status.UNCHANGED);
        assertThat(dsl.fetchCount(REPORT)).isEqualTo(reports);
    }

    @Test
    void a_preview_of_a_changed_copy_names_the_version_it_would_replace_and_every_cell_that_differs() {
        String html = Samples.text("2023_pingtan.html");
        int at = html.indexOf(">22<");
        byte[] changed = (html.substring(0, at) + ">27<" + html.substring(at + 4)).getBytes(StandardCharsets.UTF_8);
        // by hand from the store: Pingtan's current 2023 version, and its cells that hold 22
        var current = dsl.fetchOne("""
                select r.id, r.version from current_report r join agency a on a.id = r.agency_id
                where a.name = '平潭综合实验区' and r.year = 2023""");
        long reportId = current.get(0, Long.class);
        java.util.List<String> cellsOf22 = dsl.fetch("select tbl || '.' || row_code || '.' || col_code from figure where report_id = ? and value = 22",
                reportId).getValues(0, String.class);

        ImportService.Preview preview = imports.preview("2023_pingtan-changed.html", changed, ReadOptions.none());

        assertThat(preview.replaces()).isNotNull();
        assertThat(preview.replaces().version()).isEqualTo(current.get(1, Integer.class));
        assertThat(preview.replaces().changes()).singleElement().satisfies(change -> {
            assertThat(cellsOf22).contains(change.cell().toString());
            assertThat(change.before()).isEqualByComparingTo("22");
            assertThat(change.after()).isEqualByComparingTo("27");
        });
        assertThat(dsl.fetchCount(REPORT, REPORT.ID.eq(reportId))).as("nothing stored by a preview").isEqualTo(1);

        ImportService.Preview same = imports.preview("2023_pingtan-copy.html", (html + "<!-- copy -->").getBytes(StandardCharsets.UTF_8),
                ReadOptions.none());
        assertThat(same.replaces()).isNotNull();
        assertThat(same.replaces().changes()).isEmpty();
    }

    @Test
    void a_second_report_for_the_same_agency_and_year_is_a_new_version_and_the_old_one_is_kept() {
        ImportOutcome first = imports.importBytes("a.txt", SEED_AS_2031.getBytes(StandardCharsets.UTF_8),
                new ReadOptions("版本测试办公室", null, null));
        ImportOutcome second = imports.importBytes("b.txt", (SEED_AS_2031 + "\n补充说明").getBytes(StandardCharsets.UTF_8),
                new ReadOptions("版本测试办公室", null, null));

        assertThat(first.status()).isEqualTo(Status.IMPORTED);
        assertThat(second.status()).isEqualTo(Status.REPLACED);
        assertThat(second.version()).isEqualTo(2);
        assertThat(dsl.fetchCount(REPORT, REPORT.YEAR.eq(2031))).isEqualTo(2);
    }

    @Test
    void bad_input_is_refused_with_a_reason_and_stores_nothing() {
        int reports = dsl.fetchCount(REPORT);

        List<ImportOutcome> outcomes = List.of(
                imports.importBytes("empty.pdf", new byte[0], ReadOptions.none()),
                imports.importBytes("noise.txt", "这不是年报。".getBytes(StandardCharsets.UTF_8), ReadOptions.none()),
                imports.importBytes("big.txt", new byte[(int) imports.maxBytes() + 1], ReadOptions.none()));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isEqualTo(Status.FAILED));
        assertThat(outcomes).extracting(ImportOutcome::reason)
                .satisfiesExactly(r -> assertThat(r).contains("空"), r -> assertThat(r).contains("表三"),
                        r -> assertThat(r).contains("过大"));
        assertThat(dsl.fetchCount(REPORT)).isEqualTo(reports);
    }

    /** The report for another year with a reader finding that has no message, which the store refuses (NOT NULL). */
    private static ParsedReport refusedByTheStore(ParsedReport report, int year) {
        List<Finding> broken = new java.util.ArrayList<>(report.findings());
        broken.add(new Finding("P9", Severity.INFO, null, null, null, null, null, null));
        return new ParsedReport(report.agency(), year, report.format(), report.figures(), broken, report.sourceText(), report.published(), report.scan());
    }

    @Test
    void a_file_that_fails_while_being_stored_leaves_no_report_figures_or_findings_behind() throws Exception {
        ParsedReport parsed = ReportReader.read(SEED_AS_2031.getBytes(StandardCharsets.UTF_8), "c.txt",
                new ReadOptions("原子性测试办公室", 2032, null));
        ParsedReport failing = refusedByTheStore(parsed, parsed.year());
        int reports = dsl.fetchCount(REPORT);
        int figures = dsl.fetchCount(FIGURE);
        int findings = dsl.fetchCount(FINDING);

        ImportOutcome outcome = imports.store("c.txt", "atomic-test", failing, true);

        // the file fails alone, with the store's reason, and leaves nothing behind
        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.FAILED);
        assertThat(outcome.reason()).contains("存储失败");
        assertThat(dsl.fetchCount(REPORT)).isEqualTo(reports);
        assertThat(dsl.fetchCount(FIGURE)).isEqualTo(figures);
        assertThat(dsl.fetchCount(FINDING)).isEqualTo(findings);
    }

    @Test
    void a_report_the_store_refuses_fails_alone_and_the_rest_of_its_batch_lands() throws Exception {
        ParsedReport good = ReportReader.read(SEED_AS_2031.getBytes(StandardCharsets.UTF_8), "good.txt",
                new ReadOptions("批量回退测试办公室", 2037, null));
        ParsedReport bad = refusedByTheStore(good, 2038);
        int reports = dsl.fetchCount(REPORT);

        List<ImportOutcome> outcomes = imports.storeAll(List.of(new ImportService.Ready("good.txt", "fallback-good", good, true),
                new ImportService.Ready("bad.txt", "fallback-bad", bad, true)));

        assertThat(outcomes).extracting(ImportOutcome::status).containsExactly(ImportOutcome.Status.IMPORTED, ImportOutcome.Status.FAILED);
        assertThat(outcomes.get(1).reason()).contains("存储失败");
        assertThat(dsl.fetchCount(REPORT)).isEqualTo(reports + 1);
    }

    @Test
    void a_twenty_digit_figure_is_kept_as_text_with_a_finding_and_the_next_file_still_lands() throws Exception {
        // a complete generated report (every row has all its numbers), its first new-applications cell made 20 digits long
        Path generated = Files.createTempDirectory("generated");
        app.nianbao.generate.SyntheticFiles.generate(generated, new app.nianbao.generate.GenerateOptions(1, 2021, 2021, 3, 0.0), n -> { });
        String text = Files.readString(generated.resolve("000000_2021.txt"));
        Path folder = Files.createTempDirectory("huge");
        Files.writeString(folder.resolve("c_20digits.txt"), text.replaceFirst("(一、本年新收政府信息公开申请数量\t)\\d+", "$112345678901234567890"));
        Files.writeString(folder.resolve("d_good.txt"), text + "\n");

        List<ImportOutcome> outcomes = List.of(
                imports.importFiles(List.of(folder.resolve("c_20digits.txt")), new ReadOptions("超大数值测试办公室", 2039, null), o -> { }).get(0),
                imports.importFiles(List.of(folder.resolve("d_good.txt")), new ReadOptions("超大数值测试办公室", 2040, null), o -> { }).get(0));

        assertThat(outcomes).extracting(ImportOutcome::status).containsExactly(Status.IMPORTED, Status.IMPORTED);
        assertThat(dsl.select(FINDING.MESSAGE).from(FINDING).join(REPORT).on(REPORT.ID.eq(FINDING.REPORT_ID))
                .where(REPORT.YEAR.eq(2039), FINDING.RULE.eq("R7")).fetch(FINDING.MESSAGE))
                .anyMatch(m -> m.contains("12345678901234567890") && m.contains("10¹²"));
        assertThat(dsl.select(FIGURE.VALUE, FIGURE.KIND).from(FIGURE).join(REPORT).on(REPORT.ID.eq(FIGURE.REPORT_ID))
                .where(REPORT.YEAR.eq(2039), FIGURE.RAW.eq("12345678901234567890")).fetchOne())
                .satisfies(r -> {
                    assertThat(r.value1()).isNull();
                    assertThat(r.value2()).isEqualTo("text");
                });
    }

    @Test
    void a_title_name_that_only_resembles_a_stored_agency_is_not_attached_to_it_silently() {
        String shorter = Samples.text(Samples.SEED).replace("高新技术产业开发区管理办公室 2022", "开发区管理办公室 2033");

        ImportOutcome outcome = imports.importBytes("d.txt", shorter.getBytes(StandardCharsets.UTF_8), ReadOptions.none());

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).contains("高新技术产业开发区管理办公室").contains("--agency");
    }

    /** The Shuyang Markdown (a converter's output) as if published by another agency, under the name its title prints. */
    private static byte[] shuyangMarkdownOf(String printedAgency) {
        return Samples.text("2025_shuyang.md").replace("沐阳县人民政府", printedAgency).getBytes(StandardCharsets.UTF_8);
    }

    private Long storedAgency(String name) {
        return dsl.select(AGENCY.ID).from(AGENCY).where(AGENCY.NAME.eq(name)).fetchOne(AGENCY.ID);
    }

    @Test
    void a_converted_title_one_lookalike_character_from_a_stored_agency_is_read_as_that_agency_and_flagged() {
        long stored = dsl.insertInto(AGENCY, AGENCY.NAME, AGENCY.NORMALIZED_NAME).values("沭阳县自然资源和规划局", "沭阳县自然资源和规划局")
                .returning(AGENCY.ID).fetchOne(AGENCY.ID);

        ImportService.Preview preview = imports.preview("zrzy.md", shuyangMarkdownOf("沭阳县自然资原和规划局"), ReadOptions.none());
        ImportOutcome outcome = imports.importBytes("zrzy.md", shuyangMarkdownOf("沭阳县自然资原和规划局"), ReadOptions.none());

        assertThat(preview.report().agency()).isEqualTo("沭阳县自然资源和规划局");
        assertThat(outcome.status()).isEqualTo(Status.IMPORTED);
        assertThat(storedAgency("沭阳县自然资原和规划局")).isNull();
        Long report = dsl.select(REPORT.ID).from(REPORT).where(REPORT.AGENCY_ID.eq(stored), REPORT.YEAR.eq(2025)).fetchOne(REPORT.ID);
        assertThat(report).isNotNull();
        assertThat(dsl.select(FINDING.MESSAGE).from(FINDING).where(FINDING.REPORT_ID.eq(report), FINDING.RULE.eq("P7")).fetch(FINDING.MESSAGE))
                .containsExactly("标题中的机构名称「沭阳县自然资原和规划局」按已有机构名称更正为「沭阳县自然资源和规划局」");
    }

    @Test
    void a_converted_title_two_characters_from_a_stored_agency_or_a_name_the_user_gave_stays_as_printed() {
        dsl.insertInto(AGENCY, AGENCY.NAME, AGENCY.NORMALIZED_NAME).values("沭阳县住房和城乡建设局", "沭阳县住房和城乡建设局").execute();

        ImportOutcome twoAway = imports.importBytes("zj.md", shuyangMarkdownOf("沭阳县往房和城乡建没局"), ReadOptions.none());
        ImportOutcome given = imports.importBytes("zj2.md", shuyangMarkdownOf("沭阳县往房和城乡建设局"),
                new ReadOptions("沭阳县往房和城乡建设局", null, null));

        assertThat(List.of(twoAway.status(), given.status())).containsOnly(Status.IMPORTED);
        assertThat(storedAgency("沭阳县往房和城乡建没局")).isNotNull();
        assertThat(storedAgency("沭阳县往房和城乡建设局")).isNotNull();
    }

    @Test
    void a_files_bytes_decide_its_type_not_its_name() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        ImportOutcome zipCalledText = imports.importBytes("report.txt", zip, ReadOptions.none());
        assertThat(zipCalledText.status()).isEqualTo(Status.FAILED);
        assertThat(zipCalledText.reason()).contains("压缩包");

        byte[] html = (new String(Samples.bytes("2019_pingtan.html"), StandardCharsets.UTF_8) + "<!-- renamed -->")
                .getBytes(StandardCharsets.UTF_8);
        ImportOutcome htmlCalledPdf = imports.importBytes("report.pdf", html, new ReadOptions(null, 2032, null));
        assertThat(htmlCalledPdf.status()).isEqualTo(Status.IMPORTED);
        assertThat(dsl.select(REPORT.FORMAT).from(REPORT).where(REPORT.YEAR.eq(2032)).fetchOne(REPORT.FORMAT)).isEqualTo("html");
    }

    @Test
    void a_client_file_name_is_only_a_label_and_never_a_path() throws Exception {
        Path outside = Path.of("target", "escaped-upload.txt").toAbsolutePath();
        Files.deleteIfExists(outside);
        byte[] report = (Samples.text(Samples.SEED) + "\n\n").getBytes(StandardCharsets.UTF_8);

        ImportOutcome outcome = imports.importBytes("../../target/escaped-upload.txt", report, new ReadOptions("路径测试县", 2033, null));

        assertThat(outcome.status()).isEqualTo(Status.IMPORTED);
        assertThat(outside).doesNotExist();
        assertThat(dsl.select(REPORT.SOURCE_NAME).from(REPORT).where(REPORT.YEAR.eq(2033)).fetchOne(REPORT.SOURCE_NAME))
                .isEqualTo("../../target/escaped-upload.txt");
    }

    @Test
    void two_writers_confirming_the_same_agency_and_year_at_once_both_land_as_successive_versions() throws Exception {
        ReadOptions agency = new ReadOptions("并发确认测试办公室", 2041, null);
        ParsedReport first = ReportReader.read(SEED_AS_2031.getBytes(StandardCharsets.UTF_8), "v1.txt", agency);
        imports.store("v1.txt", "concurrent-0", first, true);
        int rounds = 5;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<ImportOutcome> outcomes = new java.util.ArrayList<>();
        try {
            for (int round = 0; round < rounds; round++) {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<ImportOutcome>> writers = new java.util.ArrayList<>();
                for (int writer = 0; writer < 2; writer++) {
                    String hash = "concurrent-" + round + "-" + writer;
                    writers.add(pool.submit(() -> {
                        together.await();
                        return callAs("test.analyst", Role.ANALYST, () -> imports.store(hash + ".txt", hash, first, true));
                    }));
                }
                for (var w : writers) {
                    outcomes.add(w.get(60, java.util.concurrent.TimeUnit.SECONDS));
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as(o.reason()).isEqualTo(Status.REPLACED));
        // counted by the store itself: every confirmation a version of its own, numbered 1 to 11 without a gap
        assertThat(dsl.select(REPORT.VERSION).from(REPORT).join(AGENCY)
                .on(AGENCY.ID.eq(REPORT.AGENCY_ID))
                .where(AGENCY.NAME.eq("并发确认测试办公室"), REPORT.YEAR.eq(2041))
                .orderBy(REPORT.VERSION).fetch(REPORT.VERSION))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 1 + 2 * rounds).boxed().toList());
    }

    @Test
    void a_file_name_loses_control_bidi_and_zero_width_characters_and_is_kept_to_255_characters() {
        byte[] report = (Samples.text(Samples.SEED) + "\n\n\n").getBytes(StandardCharsets.UTF_8);
        String hostile = "\u0000年报\u202e\u200b" + "长".repeat(300) + ".txt\u001b[31m";

        ImportOutcome outcome = imports.importBytes(hostile, report, new ReadOptions("文件名测试县", 2034, null));

        assertThat(outcome.status()).isEqualTo(Status.IMPORTED);
        String stored = dsl.select(REPORT.SOURCE_NAME).from(REPORT).where(REPORT.YEAR.eq(2034), REPORT.SOURCE_NAME.like("年报长%"))
                .fetchOne(REPORT.SOURCE_NAME);
        assertThat(stored).startsWith("年报长长").hasSize(255).doesNotContain("\u0000", "\u202e", "\u200b", "\u001b");
    }
}
