package app.nianbao.agency.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.KaribuTestBase;
import app.nianbao.catalog.AgencyLevel;
import app.nianbao.agency.AgencyService;
import app.nianbao.agency.AgencyService.AgencySummary;
import app.nianbao.security.Role;

class AgenciesViewTest extends KaribuTestBase {

    @Autowired
    AgencyService agencies;

    @Test
    @SuppressWarnings("unchecked")
    void an_analyst_sets_an_agencys_level_and_region_and_the_list_shows_it() {
        UI.getCurrent().navigate(AgenciesView.class);
        Grid<AgencySummary> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(agencies.list().size());

        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("按名称或别名筛选")), "淮安");
        assertThat(_size(grid)).isEqualTo(1);
        grid.select(grid.getListDataView().getItem(0));
        _setValue(_get(Select.class, spec -> spec.withLabel("层级")), AgencyLevel.CITY);
        _setValue(_get(TextField.class, spec -> spec.withLabel("地区")), "江苏省淮安市");
        _click(_get(Button.class, spec -> spec.withText("保存")));

        assertThat(agencies.list()).filteredOn(a -> a.name().equals("淮安市人民政府")).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo("CITY");
            assertThat(a.regionName()).isEqualTo("江苏省淮安市");
        });
    }

    @Test
    void a_viewer_browses_the_agencies_but_gets_no_editor() {
        signInAs("reader", Role.VIEWER);
        UI.getCurrent().navigate(AgenciesView.class);
        assertThat(_size(_get(Grid.class))).isEqualTo(agencies.list().size());
        _assertNone(Button.class, spec -> spec.withText("保存"));
        _assertNone(Button.class, spec -> spec.withText("合并…"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_analyst_sets_the_deadline_kind_where_the_name_misleads_and_the_list_says_which_kinds_are_inferred() {
        UI.getCurrent().navigate(AgenciesView.class);
        Grid<AgencySummary> grid = _get(Grid.class);
        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("按名称或别名筛选")), "淮安");
        assertThat(grid.getColumns().get(4).getHeaderText()).isEqualTo("类别");
        grid.select(grid.getListDataView().getItem(0));

        _setValue(_get(Select.class, spec -> spec.withLabel("发布截止类别")), app.nianbao.agency.AgencyKind.DEPARTMENT);
        _click(_get(Button.class, spec -> spec.withText("保存")));

        assertThat(agencies.list()).filteredOn(a -> a.name().equals("淮安市人民政府")).singleElement()
                .satisfies(a -> assertThat(a.setKind()).isEqualTo(app.nianbao.agency.AgencyKind.DEPARTMENT));
        agencies.setKind(agencies.list().stream().filter(a -> a.name().equals("淮安市人民政府")).findFirst().orElseThrow().id(), null);
    }

    @Test
    void an_analyst_imports_a_roster_and_a_bad_row_is_named_by_its_line_without_storing_anything() {
        UI.getCurrent().navigate(AgenciesView.class);
        AgenciesView view = _get(AgenciesView.class);
        int before = agencies.list().size();

        view.importRoster("bad.csv", "name,level\n名册测试县人民政府,COUNTY\n名册测试县财政局,星级\n");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("roster-result")).getText())
                .startsWith("bad.csv: ").contains("第 3 行");
        assertThat(agencies.list()).hasSize(before);

        view.importRoster("roster.csv", "name,level,first_year,last_year\n名册测试县人民政府,COUNTY,2031,2032\n");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("roster-result")).getText())
                .isEqualTo("roster.csv：1 个机构，其中新建 1 个");
        assertThat(agencies.list()).hasSize(before + 1);
    }

    @Test
    void a_viewer_cannot_import_a_roster_even_by_calling_the_service() {
        signInAs("reader", Role.VIEWER);
        UI.getCurrent().navigate(AgenciesView.class);
        _assertNone(com.vaadin.flow.component.upload.Upload.class);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> agencies.importRoster(app.nianbao.agency.Roster.read("name\n某局\n")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void a_merge_the_store_cannot_do_tells_the_analyst_why_and_changes_nothing() {
        UI.getCurrent().navigate(AgenciesView.class);
        AgenciesView view = _get(AgenciesView.class);
        long id = agencies.resolve("合并失败测试局", true);
        AgencySummary kept = agencies.list().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
        AgencySummary gone = new AgencySummary(-1, "已不存在的机构", null, null, null, null, null, false, 0, java.util.List.of(), null);

        view.merge(kept, gone);

        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                "未合并「已不存在的机构」与「合并失败测试局」，两个机构都保持原样：机构不存在");
        assertThat(agencies.list()).extracting(AgencySummary::name).contains("合并失败测试局");
    }
}
