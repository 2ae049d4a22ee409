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
import app.nianbao.agency.AgencyLevel;
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
        _setValue(_get(Select.class), AgencyLevel.CITY);
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
}
