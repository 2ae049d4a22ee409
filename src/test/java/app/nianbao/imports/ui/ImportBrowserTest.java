package app.nianbao.imports.ui;

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

    /** Uploads one file on the import page and waits for its preview. */
    private WebDriverWait upload(Path file) {
        browser.get(url("/import"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-upload")));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
        wait.until(d -> d.findElements(By.tagName("vaadin-button")).stream().anyMatch(b -> b.getText().contains("确认导入 1 份")));
        return wait;
    }

    private void confirm(WebDriverWait wait) {
        browser.findElements(By.tagName("vaadin-button")).stream().filter(b -> b.getText().contains("确认导入")).findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("import-summary"), "失败 0"));
    }

    @Test
    void a_changed_copy_shows_its_diff_before_it_lands_and_version_one_is_made_current_again_afterwards() throws Exception {
        Path dir = Files.createTempDirectory("versions");
        String v1 = Samples.text(Samples.SEED).replace("2022 年政府信息", "2043 年政府信息");
        Path first = Files.writeString(dir.resolve("2043-v1.txt"), v1, StandardCharsets.UTF_8);
        Path second = Files.writeString(dir.resolve("2043-v2.txt"), v1.replace("\n行政许可\t0\t", "\n行政许可\t8\t"), StandardCharsets.UTF_8);
        confirm(upload(first));

        WebDriverWait wait = upload(second);
        String preview = browser.findElement(By.className("pending-file")).getText();
        assertThat(preview).contains("将替换已存储的第 1 版").contains("1 个单元格不同").contains("：0 → 8");
        screenshot("import-replaces");
        confirm(wait);

        browser.get(url("/reports?q=2043"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"), "2043"));
        browser.findElements(By.tagName("vaadin-grid-cell-content")).stream().filter(c -> c.getText().equals("2043")).findFirst()
                .orElseThrow().click();
        wait.until(d -> d.findElements(By.tagName("vaadin-button")).stream().anyMatch(b -> b.getText().equals("设为当前版本")));
        WebElement restore = browser.findElements(By.tagName("vaadin-button")).stream().filter(b -> b.getText().equals("设为当前版本"))
                .findFirst().orElseThrow();
        // the version list is far below the tables: scroll to it, then press as a user would
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", restore);
        restore.click();
        WebElement dialog = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-dialog-overlay")));
        dialog.findElement(By.cssSelector("vaadin-text-field input")).sendKeys("第 2 版误填了行政许可");
        dialog.findElements(By.tagName("vaadin-button")).stream().filter(b -> b.getText().equals("设为当前版本")).findFirst().orElseThrow()
                .click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "恢复自第 1 版"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("版本 3").contains("第 2 版误填了行政许可");
        screenshot("version-restored");
    }

    @Test
    void a_zip_of_reports_is_unpacked_previewed_file_by_file_and_stored_with_its_pace_shown() throws Exception {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (int year = 2038; year <= 2040; year++) {
            entries.put("年报/%d.txt".formatted(year), Samples.text(Samples.SEED).replace("2022 年政府信息", year + " 年政府信息")
                    .replace("高新技术产业开发区管理办公室", "浏览器压缩包办公室").getBytes(StandardCharsets.UTF_8));
        }
        entries.put("年报/说明.txt", "会议纪要，没有表格".getBytes(StandardCharsets.UTF_8));
        Path zip = Files.createTempDirectory("upload").resolve("reports.zip");
        Files.write(zip, app.nianbao.imports.ArchivesTest.zip(entries));
        browser.get(url("/import"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-upload")));

        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(zip.toString());

        wait.until(d -> d.findElements(By.tagName("vaadin-button")).stream().anyMatch(b -> b.getText().contains("确认导入 3 份")));
        assertThat(browser.findElements(By.className("pending-file"))).hasSize(4);
        assertThat(browser.findElement(By.className("import-summary")).getText()).contains("已读取 4 个文件：可导入 3，已导入过 0，无法读取 1");
        screenshot("import-zip-preview");
        browser.findElements(By.tagName("vaadin-button")).stream()
                .filter(b -> b.getText().contains("确认导入")).findFirst().orElseThrow().click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("import-summary"), "未变"));
        assertThat(browser.findElement(By.className("import-summary")).getText()).contains("导入 3，新版本 0，未变 0，失败 1");
        assertThat(browser.findElement(By.className("import-pace")).getText()).startsWith("已存储 3 / 3 个文件 · 每秒");
        screenshot("import-zip-done");
    }
}
