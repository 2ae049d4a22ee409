package app.nianbao.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import app.nianbao.SpringTestBase;
import app.nianbao.analytics.NoteService.Note;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.security.Role;

/** Notes on the charts: written by analysts under their name, read by the charts of their subject, metric and years. */
class NoteServiceTest extends SpringTestBase {

    @Autowired
    NoteService notes;

    @Autowired
    DSLContext dsl;

    private int stored() {
        return ((Number) dsl.fetchValue("select count(*) from chart_note")).intValue();
    }

    @Test
    void a_chart_reads_the_notes_of_its_subject_metric_and_years_and_a_note_on_every_metric_is_on_each() {
        Scope agency = new Scope.Agencies(List.of(9_001L));
        as("li.analyst", Role.ANALYST, () -> {
            notes.add(agency, "测试局甲", Metric.NEW_APPLICATIONS, 2021, "  新设窗口，\n申请集中  ");
            notes.add(agency, "测试局甲", null, 2022, "机构改革，两局合并");
            notes.add(agency, "测试局甲", Metric.REVIEWS, 2022, "复议集中");
            notes.add(new Scope.Agencies(List.of(9_002L)), "测试局乙", Metric.NEW_APPLICATIONS, 2021, "别的机构");
        });

        List<Note> onNewApplications = notes.forCharts(List.of("agency:9001"), List.of(Metric.NEW_APPLICATIONS), 2019, 2025);
        List<Note> in2021 = notes.forCharts(List.of("agency:9001"), List.of(Metric.NEW_APPLICATIONS, Metric.REVIEWS), 2021, 2021);

        assertThat(onNewApplications).extracting(Note::year, Note::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2021, "新设窗口， 申请集中"),
                        org.assertj.core.groups.Tuple.tuple(2022, "机构改革，两局合并"));
        assertThat(onNewApplications).allSatisfy(n -> assertThat(n.createdBy()).isEqualTo("li.analyst"));
        assertThat(in2021).extracting(Note::body).containsExactly("新设窗口， 申请集中");
        // read back by hand: what was stored is what the service says
        assertThat(dsl.fetchValue("select created_by || ' ' || subject || ' ' || coalesce(metric, '*') from chart_note where body = '机构改革，两局合并'"))
                .isEqualTo("li.analyst agency:9001 *");
        assertThat(notes.search("两局", 0, 10)).extracting(Note::subjectLabel).containsExactly("测试局甲");
        assertThat(notes.count("测试局乙")).isEqualTo(1);
    }

    @Test
    void a_viewer_and_the_public_visitor_are_refused_a_note_and_nothing_is_stored() {
        int before = stored();

        as("reader", Role.VIEWER, () -> assertThatThrownBy(() -> notes.add(new Scope.All(), "全部", null, 2023, "不应写入"))
                .isInstanceOf(AccessDeniedException.class));
        assertThatThrownBy(() -> notes.add(new Scope.All(), "全部", null, 2023, "匿名"))
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_note_too_long_or_on_a_year_before_the_regulations_is_refused_with_the_reason() {
        as("li.analyst", Role.ANALYST, () -> {
            assertThatThrownBy(() -> notes.add(new Scope.All(), "全部", null, 2023, "长".repeat(NoteService.MAX_LENGTH + 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1–200");
            assertThatThrownBy(() -> notes.add(new Scope.All(), "全部", null, 2007, "太早"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2008");
        });
    }

    @Test
    void only_its_author_or_an_administrator_deletes_a_note() {
        long[] id = new long[1];
        as("li.analyst", Role.ANALYST, () -> id[0] = notes.add(new Scope.All(), "全部机构", null, 2024, "淮安市加入").id());

        as("wang.analyst", Role.ANALYST, () -> assertThatThrownBy(() -> notes.delete(id[0])).isInstanceOf(AccessDeniedException.class));
        assertThat(dsl.fetchValue("select count(*) from chart_note where id = ?", id[0])).hasToString("1");
        as("admin", Role.ADMIN, () -> notes.delete(id[0]));

        assertThat(dsl.fetchValue("select count(*) from chart_note where id = ?", id[0])).hasToString("0");
    }
}
