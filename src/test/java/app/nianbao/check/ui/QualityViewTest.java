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

    @org.springframework.beans.factory.annotation.Autowired
    org.jooq.DSLContext dsl;

    @Test
    void a_link_with_rule_and_sort_lists_that_rules_findings_by_agency_name_descending() {
        java.util.List<String> expected = dsl.fetch("""
                select a.name from finding f join current_report r on r.id = f.report_id join agency a on a.id = r.agency_id
                where f.rule = 'R1' order by a.name desc, r.year desc, f.id""").getValues(0, String.class);

        UI.getCurrent().navigate("quality", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("rule", "R1", "sort", "agency,desc")));
        Grid<FindingRow> grid = findingGrid();

        assertThat(expected).isNotEmpty();
        assertThat(IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i).agency()).toList()).isEqualTo(expected);
    }

    @Test
    void the_review_filter_shows_only_the_findings_in_that_state() {
        long id = ((Number) dsl.fetchValue("select min(f.id) from finding f join current_report r on r.id = f.report_id")).longValue();
        dsl.execute("update finding set review_status = 'dismissed', review_comment = 'test' where id = ?", id);
        try {
            int dismissed = ((Number) dsl.fetchValue("""
                    select count(*) from finding f join current_report r on r.id = f.report_id where f.review_status = 'dismissed'""")).intValue();

            UI.getCurrent().navigate("quality", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("review", "dismissed")));
            Grid<FindingRow> grid = findingGrid();

            assertThat(_size(grid)).isEqualTo(dismissed).isPositive();
            assertThat(IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i).reviewStatus())).containsOnly("dismissed");
            assertThat(IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i).findingId())).contains(id);
        } finally {
            dsl.execute("update finding set review_status = 'open', review_comment = null where id = ?", id);
        }
    }

    @Test
    void in_english_a_finding_is_described_in_english() {
        UI.getCurrent().setLocale(app.nianbao.shell.ui.Translations.ENGLISH);
        UI.getCurrent().navigate("quality", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("rule", "R8")));
        Grid<FindingRow> grid = findingGrid();

        String shown = com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, 0).get(4);
        assertThat(shown).isNotBlank().doesNotContainPattern("\\p{IsHan}{2}");
    }
}
