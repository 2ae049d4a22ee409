package app.nianbao.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import app.nianbao.BrowserTestBase;
import app.nianbao.Samples;

class ImportBrowserTest extends BrowserTestBase {

    @Test
    void a_file_uploaded_in_the_browser_is_previewed_then_imported_on_confirmation() throws Exception {
        Path file = Files.createTempDirectory("upload").resolve("2035-report.txt");
        Files.writeString(file, Samples.text(Samples.SEED).replace("2022 年政府信息", "2035 年政府信息"), StandardCharsets.UTF_8);
        browser.get(url("/import"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-upload")));

        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toString());

        wait.until(d -> d.findElements(By.tagName("vaadin-button")).stream().anyMatch(b -> b.getText().contains("确认导入 1 份")));
        assertThat(browser.findElement(By.className("pending-file")).getText()).contains("2035-report.txt").contains("模板 2021");
        screenshot("import-preview");
        browser.findElements(By.tagName("vaadin-button")).stream()
                .filter(b -> b.getText().contains("确认导入")).findFirst().orElseThrow().click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("import-summary"), "导入 1"));
        screenshot("import-done");
    }
}
