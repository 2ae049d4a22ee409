package app.nianbao.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.BrowserTestBase;
import app.nianbao.Samples;
import app.nianbao.imports.ImportOutcome;
import app.nianbao.imports.ImportService;
import app.nianbao.parse.ReadOptions;
import app.nianbao.security.SystemIdentity;

class SecurityBrowserTest extends BrowserTestBase {

    /** Would set window.pwned if any page let the markup run. */
    private static final String HOSTILE = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>县";

    @Autowired
    ImportService imports;

    @Test
    void an_agency_name_that_is_markup_is_shown_as_its_characters_and_runs_nothing() {
        var outcome = SystemIdentity.call(() -> imports.importBytes("hostile.txt", (Samples.text(Samples.SEED) + "\n").getBytes(StandardCharsets.UTF_8),
                new ReadOptions(HOSTILE, 2030, null)));
        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

        browser.get(url("/reports?q=pwned"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"), "window.pwned=1"));
        browser.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().startsWith("<img")).findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "<script>window.pwned=2</script>"));
        screenshot("xss-report-page");
        assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);

        browser.get(url("/agencies"));
        // names are stored with their spaces folded away, markup characters and all
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"), "<imgsrc=x"));
        screenshot("xss-agencies");
        browser.get(url("/quality"));
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("数据质量"));
        assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("img[src=x]"))).isEmpty();
    }

    @Test
    void a_wrong_password_is_refused_on_the_sign_in_page() {
        browser.manage().deleteAllCookies();
        signIn("admin", "not-the-password");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.getCurrentUrl().contains("error"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-login-form"), "登录失败"));
        screenshot("login-refused");
        signIn("admin", ADMIN_PASSWORD);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    @Test
    void on_the_real_server_scripts_get_401_404_and_data_never_a_redirect_to_the_sign_in_form() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/agencies"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("sign-in required");

        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/reports/999999/1999")))
                .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no report");

        HttpResponse<String> agencies = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/agencies")))
                .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(agencies.statusCode()).isEqualTo(200);
        assertThat(agencies.body()).contains("淮安市人民政府");
    }

    @Test
    void pages_carry_a_content_security_policy_and_behind_an_https_proxy_hsts_and_https_redirects() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'"));
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();

        // the test's loopback address is an internal proxy, as a reverse proxy on the same host or network would be
        HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(URI.create(url("/volumes")))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "nianbao.example.gov.cn").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        assertThat(proxied.statusCode()).isEqualTo(302);
        assertThat(proxied.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).startsWith("https://nianbao.example.gov.cn"));

        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/agencies"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void an_administrator_sees_the_accounts_and_can_create_one() {
        browser.get(url("/users"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"), "admin"));
        browser.findElement(By.cssSelector("vaadin-text-field input")).sendKeys("zhao.lei");
        browser.findElement(By.cssSelector("vaadin-password-field input")).sendKeys("a-long-enough-password");
        browser.findElements(By.tagName("vaadin-button")).stream().filter(b -> b.getText().equals("新建用户")).findFirst()
                .orElseThrow().click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"), "zhao.lei"));
        screenshot("users");
    }
}
