package app.nianbao.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.KaribuTestBase;
import app.nianbao.agency.AgencyService;

class OverviewViewTest extends KaribuTestBase {

    @Autowired
    AgencyService agencies;

    private Div card(String metric) {
        return _find(Div.class, spec -> spec.withClasses("kpi-card")).stream()
                .filter(d -> metric.equals(d.getElement().getAttribute("data-metric"))).findFirst().orElseThrow();
    }

    @Test
    void the_cards_show_the_latest_year_with_its_change_against_the_previous_one() {
        long pingtan = agencies.list().stream().filter(a -> a.name().equals("平潭综合实验区")).findFirst().orElseThrow().id();

        UI.getCurrent().navigate("", QueryParameters.fromString("scope=agency:" + pingtan + "&from=2019&to=2025"));

        // 平潭: 70 new applications in 2021, 81 in 2023, none in 2022: no change against a year two back
        assertThat(card("new_applications").getElement().getTextRecursively()).contains("81").contains("2023 年（1 份报告）")
                .contains("2022 年无报告").doesNotContain("+15.7%");
        assertThat(card("disclosure_rate").getElement().getTextRecursively()).contains("%");
    }

    @Test
    void an_empty_range_says_what_to_do() {
        UI.getCurrent().navigate("", QueryParameters.fromString("from=1990&to=1991"));

        assertThat(_find(Div.class, spec -> spec.withClasses("empty-state"))).singleElement()
                .satisfies(d -> assertThat(d.getText()).contains("还没有数据"));
    }
}
