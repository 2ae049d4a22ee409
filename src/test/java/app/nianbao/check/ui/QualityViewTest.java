package app.nianbao.check.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.Test;

import app.nianbao.KaribuTestBase;
import app.nianbao.check.FindingQueries.FindingRow;

class QualityViewTest extends KaribuTestBase {

    @SuppressWarnings("unchecked")
    private static Grid<FindingRow> findingGrid() {
        return _find(Grid.class).stream().filter(g -> g.getColumns().size() == 6).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void filtering_by_rule_shows_only_that_rules_findings_and_a_click_opens_the_report() {
        UI.getCurrent().navigate(QualityView.class);
        Select<String> rule = _find(Select.class).stream().filter(s -> "规则".equals(s.getLabel())).findFirst().orElseThrow();

        rule.setValue("R8");

        Grid<FindingRow> grid = findingGrid();
        assertThat(_size(grid)).isPositive();
        assertThat(IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i).rule())).containsOnly("R8");
        // other tests add reports of later years to the same store: find 上海's row rather than assume it is first
        int shanghai = IntStream.range(0, _size(grid)).filter(i -> _get(grid, i).agency().equals("上海市人民政府办公厅")).findFirst()
                .orElseThrow();

        _clickItem(grid, shanghai);

        assertThat(_get(H2.class).getText()).isEqualTo("上海市人民政府办公厅 2019 年政府信息公开工作年度报告");
    }
}
