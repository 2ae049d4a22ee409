package app.nianbao.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.KaribuTestBase;
import app.nianbao.catalog.AgencyLevel;
import app.nianbao.agency.AgencyService;
import app.nianbao.agency.AgencyService.AgencyChoice;
import app.nianbao.agency.GroupService;
import app.nianbao.shell.ui.Chart;

class VolumesViewTest extends KaribuTestBase {

    @Autowired
    GroupService groups;

    @Autowired
    org.jooq.DSLContext dsl;

    @Autowired
    AgencyService agencies;

    private long pingtan() {
        return agencies.list().stream().filter(a -> a.name().equals("平潭综合实验区")).findFirst().orElseThrow().id();
    }

    @Test
    void a_link_with_a_scope_and_years_reproduces_the_view_with_that_agencys_figures() {
        UI.getCurrent().navigate("volumes", QueryParameters.fromString("scope=agency:" + pingtan() + "&from=2019&to=2025"));

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<AgencyChoice> agency = _get(MultiSelectComboBox.class);
        assertThat(agency.getValue()).extracting(AgencyChoice::name).containsExactly("平潭综合实验区");
        List<Chart> charts = _find(Chart.class);
        assertThat(charts).hasSize(3);
        String config = charts.get(0).getElement().getProperty("config");
        // 2020 and 2022 have no report: drawn as gaps, not squeezed out, and the axis starts at zero
        assertThat(config).contains("\"labels\":[\"2019\",\"2020\",\"2021\",\"2022\",\"2023\"]")
                .contains("[23.0,null,70.0,null,81.0]").contains("\"beginAtZero\":true");
        assertThat(charts.get(1).getElement().getProperty("stacked", false)).isTrue();
        // table 2: licensing decisions of 平潭 in 2019, 2021 and 2023, as the samples print them
        assertThat(charts.get(2).getElement().getProperty("config")).contains("[181.0,null,2293.0,null,2629.0]").contains("logarithmic");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .anySatisfy(t -> assertThat(t).contains("只有 3 个年度").contains("趋势无法可靠评估"))
                .anySatisfy(t -> assertThat(t).contains("口径不同，不能直接比较"));
    }

    @Test
    void a_note_on_an_agencys_year_is_a_flag_on_its_charts_a_line_under_them_and_a_column_of_the_table() {
        long pingtan = pingtan();
        dsl.execute("insert into chart_note (subject, subject_label, metric, year, body, created_by, created_at) "
                + "values (?, '平潭综合实验区', 'new_applications', 2021, '2021：新设网上申请渠道', 'li.analyst', timestamp '2026-12-07 09:00:00')",
                "agency:" + pingtan);
        try {
            UI.getCurrent().navigate("volumes", QueryParameters.fromString("scope=agency:" + pingtan + "&from=2019&to=2025"));

            List<Chart> charts = _find(Chart.class);
            // 2021 is the third label (2019, 2020, 2021, …): the flag stands there, on both new-application charts
            assertThat(charts.get(0).getElement().getProperty("marks")).contains("\"index\":2").contains("新设网上申请渠道");
            assertThat(charts.get(1).getElement().getProperty("marks")).contains("\"index\":2");
            // table 2's chart draws other metrics: the note is not on it
            assertThat(charts.get(2).getElement().getProperty("marks")).isEqualTo("[]");
            assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                    .contains("(1) 2021 · 2021：新设网上申请渠道 — li.analyst, 2026-12-07");
            app.nianbao.shell.ui.ChartCard total = _find(app.nianbao.shell.ui.ChartCard.class).get(0);
            _click(_get(total, Button.class, spec -> spec.withText("数据表")));
            @SuppressWarnings("unchecked")
            com.vaadin.flow.component.grid.Grid<List<Object>> table = _get(total, com.vaadin.flow.component.grid.Grid.class);
            assertThat(table.getColumns()).last().extracting(c -> c.getHeaderText()).isEqualTo("注释");
            assertThat(table.getListDataView().getItems().filter(r -> Integer.valueOf(2021).equals(r.get(0)))
                    .map(r -> r.get(r.size() - 1))).containsExactly("(1) 2021：新设网上申请渠道 — li.analyst, 2026-12-07");
        } finally {
            dsl.execute("delete from chart_note where subject = ?", "agency:" + pingtan);
        }
    }

    @Test
    void an_analyst_writes_a_note_from_a_chart_and_it_is_stored_under_their_name() {
        signInAs("li.analyst", app.nianbao.security.Role.ANALYST);
        long pingtan = pingtan();
        UI.getCurrent().navigate("volumes", QueryParameters.fromString("scope=agency:" + pingtan + "&from=2019&to=2025"));

        _click(_find(Button.class, spec -> spec.withText("添加注释")).get(0));
        _setValue(_get(com.vaadin.flow.component.textfield.TextArea.class), "两局合并，统计口径扩大");
        _click(_get(Button.class, spec -> spec.withText("保存注释")));

        try {
            assertThat(dsl.fetchValue("select created_by || ' ' || year || ' ' || metric || ' ' || body from chart_note where subject = ?",
                    "agency:" + pingtan)).isEqualTo("li.analyst 2023 new_applications 两局合并，统计口径扩大");
            assertThat(_find(Chart.class).get(0).getElement().getProperty("marks")).contains("两局合并");
        } finally {
            dsl.execute("delete from chart_note where subject = ?", "agency:" + pingtan);
        }
    }

    @Test
    void a_viewer_is_not_offered_to_write_a_note() {
        signInAs("reader", app.nianbao.security.Role.VIEWER);
        UI.getCurrent().navigate("volumes");

        assertThat(_find(Button.class, spec -> spec.withText("添加注释"))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void changing_the_agency_puts_the_filter_into_the_url() {
        UI.getCurrent().navigate("volumes");
        _setValue(_get(Select.class, spec -> spec.withLabel("范围")), FilterBar.Kind.AGENCIES);
        MultiSelectComboBox<AgencyChoice> agency = _get(MultiSelectComboBox.class);

        agency.setValue(agency.getListDataView().getItems().filter(a -> a.id() == pingtan()).findFirst().orElseThrow());

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .contains("scope=agency%3A" + pingtan()).contains("from=2019");
    }

    @Test
    @SuppressWarnings("unchecked")
    void two_chosen_agencies_saved_as_a_group_reopen_from_the_group_with_the_same_figures() {
        long shanghai = agencies.list().stream().filter(a -> a.name().equals("上海市人民政府办公厅")).findFirst().orElseThrow().id();
        UI.getCurrent().navigate("volumes", QueryParameters.fromString("scope=agency:" + pingtan() + "," + shanghai));
        String chosen = _find(Chart.class).get(0).getElement().getProperty("config");

        _click(_get(Button.class, spec -> spec.withText("保存为分组")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("分组名称")), "福建与上海");
        _click(_find(Button.class, spec -> spec.withText("保存为分组")).get(1));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters()).contains("scope=group%3A");
        assertThat(((ComboBox<GroupService.AgencyGroup>) _get(ComboBox.class, spec -> spec.withLabel("分组"))).getValue().name())
                .isEqualTo("福建与上海");
        assertThat(_find(Chart.class).get(0).getElement().getProperty("config")).isEqualTo(chosen);
    }

    @Test
    void a_viewer_and_the_public_visitor_are_offered_no_group_saving_and_are_refused_it_at_the_service() {
        long shanghai = agencies.list().stream().filter(a -> a.name().equals("上海市人民政府办公厅")).findFirst().orElseThrow().id();
        for (String who : List.of("reader", app.nianbao.security.PublicVisitor.NAME)) {
            signInAs(who, app.nianbao.security.Role.VIEWER);
            UI.getCurrent().navigate("volumes", QueryParameters.fromString("scope=agency:" + pingtan() + "," + shanghai));

            assertThat(_find(Button.class, spec -> spec.withText("保存为分组"))).as(who).isEmpty();
            int before = ((Number) dsl.fetchValue("select count(*) from agency_group")).intValue();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> groups.save("不该保存", List.of(pingtan(), shanghai)))
                    .as(who).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
            assertThat(((Number) dsl.fetchValue("select count(*) from agency_group")).intValue()).isEqualTo(before);
        }
    }

    @Test
    void a_level_scope_in_the_link_shows_that_level_and_an_empty_state_when_none_has_it() {
        UI.getCurrent().navigate("volumes", QueryParameters.fromString("scope=level:TOWNSHIP"));

        assertThat(_get(Select.class, spec -> spec.withLabel("层级")).getValue()).isEqualTo(AgencyLevel.TOWNSHIP);
        assertThat(_find(Div.class, spec -> spec.withClasses("empty-state"))).singleElement()
                .satisfies(d -> assertThat(d.getText()).contains("还没有数据"));
    }

    @Test
    void years_without_reports_show_what_to_do_instead_of_empty_charts() {
        UI.getCurrent().navigate("volumes", QueryParameters.fromString("from=1990&to=1991"));

        assertThat(_find(Div.class, spec -> spec.withClasses("empty-state"))).singleElement()
                .satisfies(d -> assertThat(d.getText()).contains("还没有数据"));
        assertThat(_find(Chart.class)).isEmpty();
    }

    @Test
    void clicking_a_year_opens_that_years_report_of_the_chosen_agency() {
        UI.getCurrent().navigate("volumes", QueryParameters.fromString("scope=agency:" + pingtan()));
        Chart total = _find(Chart.class).get(0);

        ComponentUtil.fireEvent(total, new Chart.PointClickEvent(total, true, 2, 0));

        assertThat(_get(H2.class).getText()).isEqualTo("平潭综合实验区 2021 年政府信息公开工作年度报告");
    }

    @Test
    void clicking_a_year_of_a_roll_up_opens_what_changed_that_year_in_the_same_scope() {
        UI.getCurrent().navigate("volumes");
        Chart total = _find(Chart.class).get(0);

        ComponentUtil.fireEvent(total, new Chart.PointClickEvent(total, true, 2, 0));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("changes?metric=new_applications&year=2021&scope=all");
        // 2021's only report is 平潭's, and 2020 has none: it joined with its 70 applications
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<app.nianbao.analytics.AnalyticsService.Contribution> rows = _get(com.vaadin.flow.component.grid.Grid.class);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(rows)).isEqualTo(1);
        var row = com.github.mvysny.kaributesting.v10.GridKt._get(rows, 0);
        assertThat(row.agency()).isEqualTo("平潭综合实验区");
        assertThat(row.current()).isEqualTo(70.0);
        assertThat(row.presence()).isEqualTo(app.nianbao.analytics.AnalyticsService.Presence.ENTERED);
    }

    @Test
    void two_chosen_agencies_are_drawn_one_line_each_and_summed_only_where_both_report() {
        long shanghai = agencies.list().stream().filter(a -> a.name().equals("上海市人民政府办公厅")).findFirst().orElseThrow().id();
        UI.getCurrent().navigate("volumes", QueryParameters.fromString("scope=agency:" + pingtan() + "," + shanghai + "&from=2019&to=2023"));

        // 平潭 23 and 上海 859 in 2019, as the samples print; only 平潭 reports 2021 and 2023, so no sum there
        assertThat(_find(Chart.class).get(0).getElement().getProperty("config")).contains("[882.0,null,null,null,null]")
                .contains("[23.0,null,70.0,null,81.0]").contains("[859.0,null,null,null,null]");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).anyMatch(t -> t.contains("同口径") || t.contains("无法按同口径"));
    }

    @Test
    void a_download_is_named_after_its_chart_scope_and_years() {
        UI.getCurrent().navigate("volumes", QueryParameters.fromString("scope=agency:" + pingtan() + "&from=2019&to=2024"));

        List<String> names = _find(app.nianbao.shell.ui.ChartCard.class).stream().map(app.nianbao.shell.ui.ChartCard::exportName).toList();

        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).endsWith("_平潭综合实验区_2019-2024"));
        assertThat(names).contains("本年新收申请_平潭综合实验区_2019-2024");
    }

    @Test
    void the_scope_and_years_chosen_on_one_view_stay_when_the_side_navigation_opens_another() {
        UI.getCurrent().navigate("volumes", QueryParameters.fromString("scope=agency:" + pingtan() + "&from=2020&to=2024"));

        UI.getCurrent().navigate("outcomes");

        FilterBar bar = _get(FilterBar.class);
        assertThat(bar.scope()).isEqualTo("agency:" + pingtan());
        assertThat(List.of(bar.from(), bar.to())).containsExactly(2020, 2024);

        // choosing all agencies again is remembered as a choice too
        UI.getCurrent().navigate("outcomes", QueryParameters.fromString("scope=all&from=2019&to=2025"));
        UI.getCurrent().navigate("volumes");
        assertThat(_get(FilterBar.class).scope()).isEqualTo("all");
    }
}
