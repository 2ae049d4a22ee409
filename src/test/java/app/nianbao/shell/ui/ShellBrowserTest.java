package app.nianbao.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import app.nianbao.BrowserTestBase;

class ShellBrowserTest extends BrowserTestBase {

    private WebDriverWait openGridShowing(String path, String text) {
        browser.get(url(path));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"), text));
        return wait;
    }

    @Test
    void the_shell_shows_the_product_name_navigation_and_the_bundled_reports() {
        long start = System.nanoTime();
        browser.get(url("/reports"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"), "淮安市人民政府"));
        System.out.printf("reports view rendered in %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(browser.findElement(By.cssSelector("h1.product-name")).getText()).isEqualTo("年报");
        assertThat(browser.findElement(By.tagName("vaadin-side-nav")).getText()).contains("报告");
        screenshot("reports");
    }

    @Test
    void a_report_page_lays_out_the_template_tables_with_the_figures_read() {
        WebDriverWait wait = openGridShowing("/reports", "淮安市人民政府");
        browser.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals("淮安市人民政府")).findFirst().orElseThrow().click();

        WebElement cell = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("td[data-cell='t3.new_received.natural']")));
        assertThat(cell.getText()).isEqualTo("3001");
        cell.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".source-text .highlight")));
        assertThat(browser.findElement(By.cssSelector(".source-text .highlight")).getText()).contains("3001");
        screenshot("report-huaian-2024");
    }

    @Test
    void the_agencies_view_lists_the_agencies_of_the_bundled_reports() {
        WebDriverWait wait = openGridShowing("/agencies", "平潭综合实验区");
        browser.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals("平潭综合实验区")).findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h3"), "平潭综合实验区"));
        screenshot("agencies");
    }

    @Test
    void the_language_toggle_turns_the_whole_product_english_and_back() {
        WebDriverWait wait = openGridShowing("/reports", "淮安市人民政府");
        browser.findElement(By.cssSelector("vaadin-button.language-toggle")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-side-nav"), "Volumes"));

        browser.get(url("/outcomes?from=2019&to=2025"));
        wait.until(d -> d.findElements(By.cssSelector("nianbao-chart[data-rendered]")).size() == 2);
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Outcomes");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Outcome mix", "Disclosure rate");
        screenshot("outcomes-en");

        openGridShowing("/reports", "淮安市人民政府");
        browser.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals("淮安市人民政府")).findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "information disclosure annual report 2024"));
        assertThat(browser.findElements(By.cssSelector("table")).get(1).getText()).contains("Granted", "Natural persons");
        assertThat(browser.findElements(By.cssSelector("table")).get(0).getText()).contains("Normative documents");
        screenshot("report-en");

        browser.findElement(By.cssSelector("vaadin-button.language-toggle")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-side-nav"), "申请量"));
    }
}
