package app.nianbao.analytics.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.KaribuTestBase;
import app.nianbao.agency.AgencyService;
import app.nianbao.analytics.AnalyticsService.Compared;
import app.nianbao.shell.ui.Chart;

class CompareViewTest extends KaribuTestBase {

    @Autowired
    AgencyService agencies;

    @SuppressWarnings("unchecked")
    private static Grid<Compared> ranking() {
        return _find(Grid.class).stream().filter(g -> g.getColumns().size() == 6).findFirst().orElseThrow();
    }

    @Test
    void a_year_places_each_agency_in_the_funnel_and_ranks_only_samples_large_enough() {
        UI.getCurrent().navigate("compare", QueryParameters.fromString("metric=disclosure_rate&year=2023&min_n=30"));

        Grid<Compared> ranking = ranking();
        assertThat(_size(ranking)).isEqualTo(1);
        Compared pingtan = _get(ranking, 0);
        assertThat(pingtan.figures().agency()).isEqualTo("平潭综合实验区");
        assertThat(pingtan.ranked()).isTrue();
        Chart funnel = _find(Chart.class).get(0);
        assertThat(funnel.getElement().getProperty("config")).contains("95 % 控制限").contains("99.8 % 控制限").contains("logarithmic");
        // the tooltip names the agency with its rate and cases; each limit once in the legend
        assertThat(funnel.getElement().getProperty("meta")).contains("平潭综合实验区：").contains("\"uniqueLegend\":true");
    }

    @Test
    void a_minimum_sample_above_every_agency_leaves_them_unranked() {
        UI.getCurrent().navigate("compare", QueryParameters.fromString("metric=disclosure_rate&year=2023&min_n=1000"));

        assertThat(_get(ranking(), 0).ranked()).isFalse();
    }

    @Test
    void two_agencies_side_by_side_show_the_metric_year_by_year_and_the_link_keeps_them() {
        long pingtan = agencyId("平潭综合实验区");
        long huaian = agencyId("淮安市人民政府");
        UI.getCurrent().navigate("compare", QueryParameters.fromString(
                "metric=disclosure_rate&year=2024&from=2019&to=2024&agencies=" + pingtan + "," + huaian));

        List<Chart> charts = _find(Chart.class);
        String sideBySide = charts.get(charts.size() - 1).getElement().getProperty("config");
        // 平潭 2021: (30 + 5) / 69 = 50.7 %; both agencies are lines over 2019–2024
        assertThat(sideBySide).contains("\"label\":\"平潭综合实验区\"").contains("\"label\":\"淮安市人民政府\"")
                .contains("\"labels\":[\"2019\",\"2020\",\"2021\",\"2022\",\"2023\",\"2024\"]").contains("50.7");
    }

    @Test
    void a_peer_group_scope_limits_the_funnel_to_its_agencies() {
        long huaian = agencyId("淮安市人民政府");
        UI.getCurrent().navigate("compare", QueryParameters.fromString("metric=disclosure_rate&year=2024&scope=agency:" + huaian));

        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).anySatisfy(t -> assertThat(t).startsWith("1 个机构"));
    }

    private long agencyId(String name) {
        return agencies.list().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void a_link_sorts_the_ranking_and_narrows_it_by_name_while_the_pooled_rate_stays_that_of_all() {
        UI.getCurrent().navigate("compare", QueryParameters.fromString("metric=disclosure_rate&year=2023&min_n=1&sort=rate,desc&q=平潭"));
        Grid<Compared> ranking = ranking();

        assertThat(ranking.getSortOrder()).singleElement().satisfies(order -> {
            assertThat(order.getSorted().getKey()).isEqualTo("rate");
            assertThat(order.getDirection()).isEqualTo(com.vaadin.flow.data.provider.SortDirection.DESCENDING);
        });
        assertThat(_size(ranking)).isEqualTo(1);
        assertThat(_get(ranking, 0).figures().agency()).isEqualTo("平潭综合实验区");

        UI.getCurrent().navigate("compare", QueryParameters.fromString("metric=disclosure_rate&year=2023&min_n=1&q=不存在的机构"));

        assertThat(_size(ranking())).isZero();
    }
}
