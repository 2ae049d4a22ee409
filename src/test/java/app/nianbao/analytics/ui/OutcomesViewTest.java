package app.nianbao.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;

import app.nianbao.KaribuTestBase;
import app.nianbao.agency.AgencyService;
import app.nianbao.shell.ui.Chart;

class OutcomesViewTest extends KaribuTestBase {

    @Autowired
    AgencyService agencies;

    @Test
    void the_outcome_mix_and_disclosure_rate_are_computed_from_the_agencys_reports() {
        long pingtan = agencies.list().stream().filter(a -> a.name().equals("平潭综合实验区")).findFirst().orElseThrow().id();

        UI.getCurrent().navigate("outcomes", QueryParameters.fromString("scope=agency:" + pingtan));

        List<Chart> charts = _find(Chart.class);
        assertThat(charts).hasSize(2);
        // 平潭 2021: 予以公开 30 of 69 processed = 43.5 %; (30 + 5) / 69 = 50.7 %.
        assertThat(charts.get(0).getElement().getProperty("config")).contains("\"label\":\"予以公开\"").contains("43.5");
        assertThat(charts.get(1).getElement().getProperty("config")).contains("50.7");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).anySatisfy(t -> assertThat(t).contains("两版模板"));
    }
}
