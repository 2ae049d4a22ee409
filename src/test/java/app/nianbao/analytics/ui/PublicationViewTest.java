package app.nianbao.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.KaribuTestBase;
import app.nianbao.agency.AgencyService;
import app.nianbao.shell.ui.Chart;

class PublicationViewTest extends KaribuTestBase {

    @Autowired
    AgencyService agencies;

    @Test
    void pingtans_years_are_on_time_where_a_page_was_published_before_31_march_and_missing_in_the_years_between() {
        long pingtan = agencies.list().stream().filter(a -> a.name().equals("平潭综合实验区")).findFirst().orElseThrow().id();

        UI.getCurrent().navigate("publication", QueryParameters.fromString("scope=agency:" + pingtan + "&from=2019&to=2023"));

        List<Chart> charts = _find(Chart.class);
        assertThat(charts).hasSize(2);
        // 2019, 2021, 2023 published 2020-01-20, 2022-02-08, 2024-03-08 (page PubDate): on time; 2020 and 2022 have no report
        assertThat(charts.get(0).getElement().getProperty("config")).contains("\"labels\":[\"2019\",\"2020\",\"2021\",\"2022\",\"2023\"]")
                .contains("[100.0,0.0,100.0,0.0,100.0]");
        assertThat(_get(H3.class, spec -> spec.withText("2023 年逾期、未发布、无发布日期或来源有变化的机构（0 个）"))).isNotNull();
        @SuppressWarnings("unchecked")
        Grid<app.nianbao.analytics.PublicationRegister.Entry> list = _get(Grid.class, spec -> spec.withClasses("publication-list"));
        assertThat(GridKt._size(list)).isZero();
    }

    @Test
    void the_overview_carries_the_on_time_rate_of_the_latest_year_that_can_be_judged() {
        long pingtan = agencies.list().stream().filter(a -> a.name().equals("平潭综合实验区")).findFirst().orElseThrow().id();

        UI.getCurrent().navigate("", QueryParameters.fromString("scope=agency:" + pingtan + "&from=2019&to=2023"));

        var card = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withAttribute("data-metric", "on_time_rate"));
        // 2023: published 2024-03-08, deadline 2024-03-31
        assertThat(card.getElement().getTextRecursively()).contains("按时发布率").contains("100.0%").contains("2023 年（1 个机构可判断");
    }

    @Test
    void the_list_downloads_as_the_grid_shows_it() {
        long pingtan = agencies.list().stream().filter(a -> a.name().equals("平潭综合实验区")).findFirst().orElseThrow().id();

        UI.getCurrent().navigate("publication", QueryParameters.fromString("scope=agency:" + pingtan + "&from=2019&to=2020"));

        assertThat(_find(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withText("CSV"))).hasSize(3);
        var table = _get(PublicationView.class).problemsTable();
        // no 2020 report; a government's deadline for 2020 was 2021-03-31
        assertThat(table.rows()).containsExactly(java.util.Arrays.asList("平潭综合实验区", "政府", "2021-03-31", null, null, "未发布", null, null));
        assertThat(new String(table.csv(), java.nio.charset.StandardCharsets.UTF_8)).contains("平潭综合实验区").contains("2021-03-31");
    }
}
