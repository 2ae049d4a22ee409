package app.nianbao.analytics.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;

import app.nianbao.KaribuTestBase;
import app.nianbao.analytics.AnalyticsService.Compared;
import app.nianbao.shell.ui.Chart;

class CompareViewTest extends KaribuTestBase {

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
        assertThat(_find(Chart.class).get(0).getElement().getProperty("config")).contains("95% 下限").contains("99.8% 上限");
    }

    @Test
    void a_minimum_sample_above_every_agency_leaves_them_unranked() {
        UI.getCurrent().navigate("compare", QueryParameters.fromString("metric=disclosure_rate&year=2023&min_n=1000"));

        assertThat(_get(ranking(), 0).ranked()).isFalse();
    }
}
