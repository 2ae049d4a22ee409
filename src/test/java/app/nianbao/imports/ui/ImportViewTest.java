package app.nianbao.imports.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.KaribuTestBase;
import app.nianbao.Samples;
import app.nianbao.report.ReportService;

class ImportViewTest extends KaribuTestBase {

    @Autowired
    ReportService reports;

    private static String summaryText() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            MockVaadin.clientRoundtrip();
            String text = _get(Div.class, spec -> spec.withClasses("import-summary")).getElement().getTextRecursively();
            if (text.contains("未变")) {
                return text;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }

    @Test
    void a_dropped_file_is_shown_but_stored_only_after_the_user_corrects_the_agency_and_confirms() throws Exception {
        UI.getCurrent().navigate(ImportView.class);
        ImportView view = _get(ImportView.class);
        String report = Samples.text(Samples.SEED).replace("2022 年政府信息", "2034 年政府信息");
        int before = reports.count();

        view.received("seed-2034.txt", report.getBytes(StandardCharsets.UTF_8));

        assertThat(reports.count()).isEqualTo(before);
        TextField agency = _get(TextField.class, spec -> spec.withLabel("机构"));
        assertThat(agency.getValue()).isEqualTo("高新技术产业开发区管理办公室");
        _setValue(agency, "济源高新技术产业开发区管理办公室");
        Button confirm = _get(Button.class, spec -> spec.withText("确认导入 1 份"));

        _click(confirm);

        assertThat(summaryText()).contains("导入 1").contains("失败 0");
        assertThat(reports.listCurrent("济源高新技术产业开发区管理办公室")).singleElement()
                .satisfies(r -> assertThat(r.year()).isEqualTo(2034));
    }

    @Test
    void a_changed_copy_of_a_stored_report_says_before_it_lands_which_version_it_replaces_and_what_it_changes() {
        UI.getCurrent().navigate(ImportView.class);
        ImportView view = _get(ImportView.class);
        String html = Samples.text("2023_pingtan.html");
        int at = html.indexOf(">22<");
        int before = reports.count();

        view.received("2023_pingtan-changed.html", (html.substring(0, at) + ">27<" + html.substring(at + 4)).getBytes(StandardCharsets.UTF_8));

        String shown = view.getElement().getTextRecursively();
        int version = reports.listCurrent("平潭综合实验区").stream().filter(r -> r.year() == 2023).findFirst().orElseThrow().version();
        assertThat(shown).contains("将替换已存储的第 " + version + " 版").contains("：1 个单元格不同").contains("：22 → 27");
        assertThat(reports.count()).as("nothing stored before 确认导入").isEqualTo(before);
    }

    @Test
    void a_zip_of_reports_is_unpacked_shown_file_by_file_and_stored_with_its_pace_on_screen() throws Exception {
        UI.getCurrent().navigate(ImportView.class);
        ImportView view = _get(ImportView.class);
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (int year = 2035; year <= 2037; year++) {
            entries.put("folder/seed-%d.txt".formatted(year), Samples.text(Samples.SEED).replace("2022 年政府信息", year + " 年政府信息")
                    .replace("高新技术产业开发区管理办公室", "压缩包测试办公室").getBytes(StandardCharsets.UTF_8));
        }
        entries.put("folder/notes.txt", "会议纪要，没有表格".getBytes(StandardCharsets.UTF_8));
        int before = reports.count();

        view.received("reports.zip", app.nianbao.imports.ArchivesTest.zip(entries));

        assertThat(view.getElement().getTextRecursively()).contains("reports.zip › folder/seed-2036.txt")
                .contains("已读取 4 个文件：可导入 3，已导入过 0，无法读取 1");
        assertThat(reports.count()).isEqualTo(before);

        _click(_get(Button.class, spec -> spec.withText("确认导入 3 份")));

        assertThat(summaryText()).contains("导入 3").contains("失败 1");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("import-pace")).getText())
                .startsWith("已存储 3 / 3 个文件 · 每秒");
        assertThat(reports.listCurrent("压缩包测试办公室")).hasSize(3);
    }

    @Test
    void a_file_that_is_not_a_report_is_shown_with_its_reason_and_not_offered_for_import() {
        UI.getCurrent().navigate(ImportView.class);
        ImportView view = _get(ImportView.class);

        view.received("notes.txt", "会议纪要，没有表格".getBytes(StandardCharsets.UTF_8));

        assertThat(view.getElement().getTextRecursively()).contains("无法导入").contains("表三").doesNotContain("no table 3 found");
        assertThat(_get(Button.class, spec -> spec.withText("确认导入 0 份")).isEnabled()).isFalse();
    }

    @Test
    void in_english_the_reason_a_file_cannot_be_imported_is_given_in_english_only() {
        UI.getCurrent().setLocale(app.nianbao.shell.ui.Translations.ENGLISH);
        UI.getCurrent().navigate(ImportView.class);
        ImportView view = _get(ImportView.class);

        view.received("notes.txt", "会议纪要，没有表格".getBytes(StandardCharsets.UTF_8));

        assertThat(view.getElement().getTextRecursively()).contains("no table 3 found").doesNotContain("未找到表三");
    }
}
