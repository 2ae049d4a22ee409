package app.nianbao.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.SpringTestBase;
import app.nianbao.agency.AgencyLevel;
import app.nianbao.agency.AgencyService;

class AnalyticsServiceTest extends SpringTestBase {

    @Autowired
    AnalyticsService analytics;

    @Autowired
    AgencyService agencies;

    private long agency(String name) {
        return agencies.list().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().id();
    }

    private Double newApplications2019(Scope scope) {
        return analytics.series(Metric.NEW_APPLICATIONS, scope, 2019, 2019).points().get(0).value();
    }

    @Test
    void a_parent_scope_sums_the_parent_and_everything_below_it_and_a_level_scope_its_level() {
        long shanghai = agency("上海市人民政府办公厅");
        long pingtan = agency("平潭综合实验区");
        agencies.describe(pingtan, AgencyLevel.COUNTY, null, null, shanghai);
        agencies.describe(shanghai, AgencyLevel.PROVINCE, null, null, null);
        try {
            double both = newApplications2019(new Scope.Agencies(List.of(shanghai, pingtan)));
            assertThat(newApplications2019(new Scope.Subtree(shanghai))).isEqualTo(both);
            assertThat(newApplications2019(new Scope.Subtree(pingtan)))
                    .isEqualTo(newApplications2019(new Scope.Agencies(List.of(pingtan))));
            assertThat(newApplications2019(new Scope.Level(AgencyLevel.COUNTY)))
                    .isEqualTo(newApplications2019(new Scope.Agencies(List.of(pingtan))));
        } finally {
            agencies.describe(pingtan, null, null, null, null);
            agencies.describe(shanghai, null, null, null, null);
        }
    }

    @Test
    void several_metrics_in_one_pass_equal_each_metric_alone() {
        List<Metric> metrics = List.of(Metric.NEW_APPLICATIONS, Metric.DISCLOSURE_RATE, Metric.CORRECTION_RATE, Metric.OTHER);
        List<AnalyticsService.Series> together = analytics.series(metrics, new Scope.All(), 2019, 2025);
        for (int i = 0; i < metrics.size(); i++) {
            assertThat(together.get(i)).isEqualTo(analytics.series(metrics.get(i), new Scope.All(), 2019, 2025));
        }
    }
}
