package app.nianbao.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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

    @Test
    void a_click_on_the_refused_segment_opens_the_eight_refusal_reasons_and_a_link_keeps_them_open() {
        long huaian = agencies.list().stream().filter(a -> a.name().equals("淮安市人民政府")).findFirst().orElseThrow().id();
        UI.getCurrent().navigate("outcomes", QueryParameters.fromString("scope=agency:" + huaian));
        Chart mix = _find(Chart.class).get(0);

        // the third dataset of the mix is 不予公开
        ComponentUtil.fireEvent(mix, new Chart.PointClickEvent(mix, true, 0, 2));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters()).contains("detail=refused");
        List<Chart> charts = _find(Chart.class);
        assertThat(charts).hasSize(3);
        String reasons = charts.get(1).getElement().getProperty("config");
        assertThat(reasons).contains("三(三)1.属于国家秘密").contains("三(三)8.属于行政查询事项");
        assertThat(_find(H3.class)).extracting(H3::getText).contains("「不予公开」按情形");
    }
}
