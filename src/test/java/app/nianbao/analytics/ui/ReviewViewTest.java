package app.nianbao.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.KaribuTestBase;
import app.nianbao.agency.AgencyService;
import app.nianbao.shell.ui.Chart;

class ReviewViewTest extends KaribuTestBase {

    @Autowired
    AgencyService agencies;

    @Test
    void reviews_and_the_correction_rate_come_from_table_4_of_the_agencys_report() {
        long huaian = agencies.list().stream().filter(a -> a.name().equals("淮安市人民政府")).findFirst().orElseThrow().id();

        UI.getCurrent().navigate("review", QueryParameters.fromString("scope=agency:" + huaian + "&from=2024&to=2024"));

        List<Chart> charts = _find(Chart.class);
        assertThat(charts).hasSize(3);
        assertThat(charts.get(0).getElement().getProperty("config")).contains("\"labels\":[\"2024\"]").contains("351.0");
        // 行政复议纠错率 = 结果纠正 64 ÷ (总计 351 − 尚未审结 37) = 20.4 %
        assertThat(charts.get(1).getElement().getProperty("config")).contains("20.4");
    }
}
