package app.nianbao.analytics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.BrowserTestBase;
import app.nianbao.analytics.AnalyticsService;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;

class AnalysisViewsBrowserTest extends BrowserTestBase {

    @Autowired
    AnalyticsService analytics;

    @Autowired
    app.nianbao.agency.AgencyService agencies;

    @Test
    void the_volume_charts_render_real_numbers_from_the_store() {
        long start = System.nanoTime();
        browser.get(url("/volumes?from=2019&to=2025"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        wait.until(d -> d.findElements(By.cssSelector("nianbao-chart[data-rendered]")).size() == 3);
        System.out.printf("volumes view rendered in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(browser.findElements(By.cssSelector("nianbao-chart[data-error]"))).isEmpty();

        browser.findElements(By.tagName("vaadin-button")).stream().filter(b -> b.getText().equals("数据表")).findFirst()
                .orElseThrow().click();
        wait.until(d -> d.findElements(By.tagName("vaadin-grid")).stream().anyMatch(WebElement::isDisplayed));
        List<String> cells = browser.findElements(By.tagName("vaadin-grid-cell-content")).stream().map(WebElement::getText).toList();
        double huaian2024 = analytics.series(Metric.NEW_APPLICATIONS, new Scope.All(), 2024, 2024).points().get(0).value();
        assertThat(cells).contains("2024", String.valueOf((long) huaian2024));
        screenshot("volumes");
    }

    @Test
    void the_overview_renders_a_sparkline_per_card() {
        // five figures and the on-time publication rate
        rendersCharts("/", 6, "overview");
    }

    @Test
    void the_funnel_plot_renders() {
        rendersCharts("/compare?metric=disclosure_rate&year=2024", 1, "compare");
    }

    @Test
    void the_outcome_charts_render() {
        rendersCharts("/outcomes?from=2019&to=2025", 2, "outcomes");
    }

    @Test
    void the_review_and_litigation_charts_render() {
        rendersCharts("/review?from=2019&to=2025", 3, "review");
    }

    @Test
    void the_publication_register_renders_its_rate_and_statuses() {
        rendersCharts("/publication?from=2019&to=2025", 2, "publication");
        assertThat(browser.findElement(By.className("publication-list")).isDisplayed()).isTrue();
    }

    @Test
    void the_data_quality_view_renders_its_score_distribution() {
        rendersCharts("/quality", 1, "quality");
    }

    @Test
    void clicking_a_bar_opens_the_report_behind_it() {
        long huaian = agencies.list().stream().filter(a -> a.name().equals("淮安市人民政府")).findFirst().orElseThrow().id();
        browser.get(url("/volumes?scope=agency:" + huaian + "&from=2024&to=2024"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        wait.until(d -> d.findElements(By.cssSelector("nianbao-chart[data-rendered]")).size() == 3);
        WebElement stackedBars = browser.findElements(By.cssSelector("nianbao-chart canvas")).get(1);

        new org.openqa.selenium.interactions.Actions(browser).moveToElement(stackedBars).click().perform();

        wait.until(d -> d.getCurrentUrl().endsWith("/reports/" + huaian + "/2024"));
        wait.until(d -> !d.findElements(By.cssSelector("td[data-cell='t3.new_received.natural']")).isEmpty());
    }

    private void rendersCharts(String path, int charts, String name) {
        long start = System.nanoTime();
        browser.get(url(path));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        wait.until(d -> d.findElements(By.cssSelector("nianbao-chart[data-rendered]")).size() == charts);
        System.out.printf("%s view rendered in %d ms%n", name, (System.nanoTime() - start) / 1_000_000);
        assertThat(browser.findElements(By.cssSelector("nianbao-chart[data-error]"))).isEmpty();
        screenshot(name);
    }

    @Test
    void a_peer_comparison_draws_chosen_agencies_side_by_side() {
        long huaian = agencies.list().stream().filter(a -> a.name().equals("淮安市人民政府")).findFirst().orElseThrow().id();
        long pingtan = agencies.list().stream().filter(a -> a.name().equals("平潭综合实验区")).findFirst().orElseThrow().id();
        rendersCharts("/compare?metric=disclosure_rate&year=2023&min_n=10&from=2019&to=2024&agencies=" + pingtan + "," + huaian, 2,
                "compare-side-by-side");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("机构并列");
    }
}
