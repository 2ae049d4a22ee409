package app.nianbao.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import app.nianbao.BrowserTestBase;

/**
 * Every view checked by axe-core (the npm package, fetched at a pinned version by the build into
 * target/axe) in Chinese and English, at desktop and phone width: no serious or critical
 * violation. And the charts answer the keyboard: Tab reaches one, the arrow keys read out its
 * points, Enter drills down as a click does.
 */
class AccessibilityBrowserTest extends BrowserTestBase {

    private static final List<String> VIEWS = List.of("/", "/volumes", "/outcomes", "/review", "/compare", "/publication",
            "/quality", "/reports", "/reports/2/2023", "/notes", "/import", "/collect", "/agencies", "/users",
            "/changes?metric=new_applications&year=2023&scope=all");

    @Test
    void no_view_has_a_serious_accessibility_violation_in_either_language_or_at_phone_width() throws IOException {
        String axe = Files.readString(Path.of("target/axe/node_modules/axe-core/axe.min.js"));
        List<String> violations = new ArrayList<>();
        browser.manage().window().setSize(new Dimension(1400, 1000));
        VIEWS.forEach(view -> violations.addAll(check(axe, view, "zh")));
        language("en");
        try {
            VIEWS.forEach(view -> violations.addAll(check(axe, view, "en")));
            browser.manage().window().setSize(new Dimension(390, 844));
            VIEWS.forEach(view -> violations.addAll(check(axe, view, "en 390px")));
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 1000));
            language("zh");
        }

        assertThat(violations).as("serious and critical axe-core violations").isEmpty();
    }

    @Test
    void a_chart_is_reached_by_tab_read_out_point_by_point_and_opened_with_enter() {
        // all agencies, whatever scope an earlier test left in the session
        open("/volumes?scope=all&from=2019&to=2025");
        WebElement canvas = browser.findElement(By.cssSelector(".chart-card nianbao-chart canvas"));
        assertThat(canvas.getAttribute("aria-label")).isEqualTo("本年新收申请");
        String describedBy = canvas.getAttribute("aria-describedby");
        assertThat(browser.findElement(By.id(describedBy)).getAttribute("textContent")).contains("方向键");

        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", canvas);
        new Actions(browser).sendKeys(Keys.END).perform();
        String spoken = browser.findElement(By.cssSelector(".chart-card .chart-live")).getAttribute("textContent");
        // End goes to the last year with a value, which the live region names with its value
        assertThat(spoken).matches("\\d{4}.*: 本年新收申请: [\\d,]+");
        String year = spoken.substring(0, 4);
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/changes"));
        assertThat(browser.getCurrentUrl()).contains("year=" + year).contains("metric=new_applications");
    }

    @Test
    void the_png_download_is_on_white_with_the_title_scope_and_source_above_the_chart() {
        open("/volumes?scope=agency%3A2&from=2019&to=2024");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // catch the download instead of letting the browser save it
        js.executeScript("window.__png = null; HTMLAnchorElement.prototype.click = function () {"
                + " window.__png = { name: this.download, href: this.href }; };");
        browser.findElements(By.cssSelector(".chart-card vaadin-button")).stream()
                .filter(b -> b.getText().contains("PNG")).findFirst().orElseThrow().click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> js.executeScript("return window.__png") != null);

        assertThat((String) js.executeScript("return window.__png.name")).isEqualTo("本年新收申请_平潭综合实验区_2019-2024.png");
        @SuppressWarnings("unchecked")
        List<Number> picture = (List<Number>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const image = new Image();
                image.onload = () => {
                    const c = document.createElement('canvas');
                    c.width = image.width; c.height = image.height;
                    const g = c.getContext('2d'); g.drawImage(image, 0, 0);
                    const corner = g.getImageData(0, 0, 1, 1).data;
                    const canvas = document.querySelector('.chart-card nianbao-chart canvas');
                    done([image.height, canvas.height, corner[0], corner[1], corner[2], corner[3]]);
                };
                image.src = window.__png.href;""");
        assertThat(picture.get(0).intValue()).as("room above the chart for three lines").isGreaterThan(picture.get(1).intValue() + 40);
        assertThat(picture.subList(2, 6)).as("an opaque white corner").allSatisfy(v -> assertThat(v.intValue()).isEqualTo(255));
    }

    private List<String> check(String axe, String view, String where) {
        open(view);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("if (!window.axe) { eval(arguments[0]); }", axe);
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' ×' + v.nodes.length + ' ' + v.nodes.slice(0, 3).map(n => n.target.join(' > ')).join(' | '))));""");
        return found.stream().map(v -> where + " " + view + ": " + v).toList();
    }

    /** Turns the product to this language with the shell's toggle, unless it is in it already. */
    private void language(String lang) {
        open("/");
        if (!browser.findElement(By.tagName("html")).getAttribute("lang").startsWith(lang)) {
            browser.findElement(By.cssSelector(".language-toggle")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("html")).getAttribute("lang").startsWith(lang));
        }
        open("/");
    }

    /** Opens a view and waits until it is drawn: its heading is there and every chart has rendered. */
    private void open(String view) {
        browser.get(url(view));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector("h2")).isEmpty());
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return document.querySelectorAll('nianbao-chart:not([data-rendered])').length === 0"));
        } catch (org.openqa.selenium.TimeoutException e) {
            // a chart given nothing to draw never renders; the view is there all the same
        }
    }
}
