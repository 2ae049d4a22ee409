package app.nianbao.analytics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.nianbao.BrowserSession;
import app.nianbao.SpringTestBase;

/**
 * 总览 on the store a user's first start creates: the samples and the generated province. The
 * like-for-like change on the card is worked out here with plain SQL over the read model —
 * the agencies with the metric in both of the last two years — never by the service.
 */
class DemoStoreBrowserTest extends BrowserSession {

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void demoStore(DynamicPropertyRegistry registry) {
        SpringTestBase.freshStore(registry, tempStore(), ADMIN_PASSWORD);
        // as on a user's first start: the samples and the generated province beside them
        registry.add("nianbao.demo.synthetic-agencies", () -> "300");
    }

    private static Path tempStore() {
        try {
            return Files.createTempDirectory("nianbao-demo").resolve("demo.duckdb");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void the_overview_card_shows_the_change_over_the_agencies_in_both_years_and_opens_who_made_it() {
        Map<String, Object> panel = new JdbcTemplate(dataSource).queryForMap("select sum(c.t3__new_received__total) as now,"
                + " sum(p.t3__new_received__total) as before, count(*) as agencies, max(c.year) as year"
                + " from current_cells c join current_cells p on p.agency_id = c.agency_id and p.year = c.year - 1"
                + " where c.year = (select max(year) from current_cells)"
                + " and c.t3__new_received__total is not null and p.t3__new_received__total is not null");
        double now = ((Number) panel.get("now")).doubleValue();
        double before = ((Number) panel.get("before")).doubleValue();
        String expected = "%+.1f%%".formatted((now - before) / before * 100);

        browser.get(url("/"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        WebElement card = wait.until(d -> d.findElements(By.cssSelector(".kpi-card[data-metric=new_applications]")).stream().findFirst()
                .orElse(null));
        String text = card.getText();
        screenshot("demo-overview");

        assertThat(text).contains("同口径较 " + (((Number) panel.get("year")).intValue() - 1) + " 年 " + expected)
                .contains(panel.get("agencies") + " 个机构两年均有报告");
        card.click();
        wait.until(d -> d.getCurrentUrl().contains("changes?metric=new_applications"));
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-grid")).isEmpty());
        screenshot("demo-changes");
        assertThat(browser.findElement(By.tagName("h2")).getText()).contains("变化来源");
    }
}
