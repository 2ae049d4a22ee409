package app.nianbao.collect;

import static app.nianbao.store.jooq.Tables.REPORT;
import static app.nianbao.store.jooq.Tables.SOURCE_PAGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.nianbao.Samples;
import app.nianbao.agency.Deadlines;
import app.nianbao.analytics.PublicationRegister;
import app.nianbao.catalog.Scope;
import app.nianbao.cli.StoreServices;
import app.nianbao.collect.CollectService.Outcome;
import app.nianbao.collect.CollectService.Result;
import app.nianbao.store.Store;

/**
 * The collector against a small site served from the samples on a loopback server: a list page
 * with a second page, report pages, a page that carries its report as a PDF attachment, a path
 * robots.txt keeps out; then the site changes (a report edited, one link gone, one page 404)
 * and comes back.
 */
class CollectServiceTest {

    private static final LocalDate DAY_1 = LocalDate.of(2026, 5, 4);
    private static final LocalDate DAY_2 = DAY_1.plusDays(1);
    private static final LocalDate DAY_3 = DAY_1.plusDays(2);

    @TempDir
    Path dir;

    private HttpServer server;
    private Store store;
    private final Map<String, Page> site = new ConcurrentHashMap<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();

    private record Page(int status, String contentType, byte[] body) {
    }

    @BeforeEach
    void startSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            Page page = site.getOrDefault(exchange.getRequestURI().getPath(), new Page(404, "text/plain", new byte[0]));
            exchange.getResponseHeaders().add("Content-Type", page.contentType());
            exchange.sendResponseHeaders(page.status(), page.body().length == 0 ? -1 : page.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page.body());
            }
        });
        server.start();
        store = Store.open(dir.resolve("collect.duckdb"));

        text("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        html("/ndbg/index.html", links("2019_pingtan.html", "平潭综合实验区2019年政府信息公开工作年度报告",
                "2021_pingtan.html", "平潭综合实验区2021年政府信息公开工作年度报告", "index_2.html", "下一页", "/", "首页"));
        html("/ndbg/index_2.html", links("2023_pingtan.html", "2023年政府信息公开工作年度报告",
                "huaian.html", "淮安市2024年政府信息公开工作年报", "/private/2020.html", "2020年度报告", "index.html", "1"));
        sample("/ndbg/2019_pingtan.html", "2019_pingtan.html");
        sample("/ndbg/2021_pingtan.html", "2021_pingtan.html");
        sample("/ndbg/2023_pingtan.html", "2023_pingtan.html");
        html("/ndbg/huaian.html", links("/files/2024_huaian.pdf", "附件：淮安市2024年报（PDF）"));
        site.put("/files/2024_huaian.pdf", new Page(200, "application/pdf", Samples.bytes("2024_huaian.pdf")));
        html("/private/2020.html", "<html><body>不公开</body></html>");
    }

    @AfterEach
    void stopSite() {
        server.stop(0);
        store.close();
    }

    @Test
    void a_list_page_is_followed_to_its_reports_and_their_attachments_and_each_url_is_recorded() {
        List<Result> results = collect(DAY_1, "平潭综合实验区", "/ndbg/index.html");

        assertThat(outcomes(results)).containsEntry("/ndbg/index.html", Outcome.LIST)
                .containsEntry("/ndbg/2019_pingtan.html", Outcome.NEW).containsEntry("/ndbg/2021_pingtan.html", Outcome.NEW)
                .containsEntry("/ndbg/2023_pingtan.html", Outcome.NEW).containsEntry("/files/2024_huaian.pdf", Outcome.NEW)
                .containsEntry("/private/2020.html", Outcome.REFUSED);
        assertThat(dsl().fetchCount(REPORT)).isEqualTo(4);
        assertThat(userAgents).isNotEmpty().allSatisfy(ua -> assertThat(ua).startsWith("NianbaoCollector/"));
        Record pingtan2023 = reportFrom("/ndbg/2023_pingtan.html");
        // the sample's own <meta name="PubDate" content="2024-03-08 15:34"/>
        assertThat(pingtan2023.get(REPORT.PUBLISHED_ON)).isEqualTo(LocalDate.of(2024, 3, 8));
        assertThat(pingtan2023.get(REPORT.DATE_SOURCE)).isEqualTo("page-meta");
        assertThat(pingtan2023.get(REPORT.YEAR)).isEqualTo(2023);
        assertThat(reportFrom("/files/2024_huaian.pdf").get(REPORT.YEAR)).isEqualTo(2024);
        assertThat(dsl().fetchOne(SOURCE_PAGE, SOURCE_PAGE.URL.eq(url("/files/2024_huaian.pdf"))).getListUrl())
                .isEqualTo(url("/ndbg/huaian.html"));
        assertThat(dsl().fetchOne(SOURCE_PAGE, SOURCE_PAGE.URL.eq(url("/ndbg/2021_pingtan.html"))).getFirstSeen().toLocalDate())
                .isEqualTo(DAY_1);
    }

    @Test
    void collecting_again_keeps_what_did_not_change_and_imports_nothing_twice() {
        collect(DAY_1, "平潭综合实验区", "/ndbg/index.html");

        List<Result> again = collect(DAY_2, "平潭综合实验区", "/ndbg/index.html");

        assertThat(outcomes(again)).containsEntry("/ndbg/2019_pingtan.html", Outcome.UNCHANGED)
                .containsEntry("/files/2024_huaian.pdf", Outcome.UNCHANGED);
        assertThat(dsl().fetchCount(REPORT)).isEqualTo(4);
        var page = dsl().fetchOne(SOURCE_PAGE, SOURCE_PAGE.URL.eq(url("/ndbg/2019_pingtan.html")));
        assertThat(page.getFirstSeen().toLocalDate()).isEqualTo(DAY_1);
        assertThat(page.getLastSeen().toLocalDate()).isEqualTo(DAY_2);
        assertThat(page.getGoneOn()).isNull();
    }

    @Test
    void an_edited_report_becomes_a_new_version_marked_changed_and_a_vanished_one_is_marked_withdrawn() {
        collect(DAY_1, "平潭综合实验区", "/ndbg/index.html");
        String edited = Samples.text("2021_pingtan.html").replace("</body>", "<p>更正说明：本报告第五部分数据已更正。</p></body>");
        html("/ndbg/2021_pingtan.html", edited);
        html("/ndbg/index.html", links("2021_pingtan.html", "平潭综合实验区2021年政府信息公开工作年度报告", "index_2.html", "下一页"));
        site.remove("/ndbg/2023_pingtan.html");

        List<Result> second = collect(DAY_2, "平潭综合实验区", "/ndbg/index.html");

        assertThat(outcomes(second)).containsEntry("/ndbg/2021_pingtan.html", Outcome.CHANGED)
                .containsEntry("/ndbg/2023_pingtan.html", Outcome.GONE).doesNotContainKey("/ndbg/2019_pingtan.html");
        Record changed = reportFrom("/ndbg/2021_pingtan.html");
        assertThat(changed.get(REPORT.VERSION)).isEqualTo(2);
        assertThat(changed.get(REPORT.CHANGED_ON)).isEqualTo(DAY_2);
        assertThat(dsl().fetchCount(REPORT, REPORT.YEAR.eq(2021))).isEqualTo(2);
        assertThat(reportFrom("/ndbg/2019_pingtan.html").get(REPORT.WITHDRAWN_ON)).isEqualTo(DAY_2);
        assertThat(reportFrom("/ndbg/2023_pingtan.html").get(REPORT.WITHDRAWN_ON)).isEqualTo(DAY_2);
        assertThat(dsl().fetchOne(SOURCE_PAGE, SOURCE_PAGE.URL.eq(url("/ndbg/2019_pingtan.html"))).getGoneReason()).isEqualTo("unlisted");
        assertThat(dsl().fetchOne(SOURCE_PAGE, SOURCE_PAGE.URL.eq(url("/ndbg/2023_pingtan.html"))).getGoneReason()).isEqualTo("http-404");

        var register = new PublicationRegister(dsl(), Deadlines.statutory());
        var entry2019 = register.entries(new Scope.All(), 2019, DAY_2).get(0);
        assertThat(entry2019.withdrawnOn()).isEqualTo(DAY_2);
        assertThat(register.entries(new Scope.All(), 2021, DAY_2).get(0).changedOn()).isEqualTo(DAY_2);
    }

    @Test
    void a_report_that_comes_back_to_its_source_is_no_longer_withdrawn() {
        collect(DAY_1, "平潭综合实验区", "/ndbg/index.html");
        site.remove("/ndbg/2023_pingtan.html");
        collect(DAY_2, "平潭综合实验区", "/ndbg/index.html");
        sample("/ndbg/2023_pingtan.html", "2023_pingtan.html");

        List<Result> third = collect(DAY_3, "平潭综合实验区", "/ndbg/index.html");

        assertThat(outcomes(third)).containsEntry("/ndbg/2023_pingtan.html", Outcome.UNCHANGED);
        assertThat(reportFrom("/ndbg/2023_pingtan.html").get(REPORT.WITHDRAWN_ON)).isNull();
        assertThat(dsl().fetchOne(SOURCE_PAGE, SOURCE_PAGE.URL.eq(url("/ndbg/2023_pingtan.html"))).getGoneOn()).isNull();
    }

    @Test
    void a_source_that_goes_back_to_an_earlier_text_is_a_change_and_its_newer_version_is_marked() {
        collect(DAY_1, "平潭综合实验区", "/ndbg/2021_pingtan.html");
        html("/ndbg/2021_pingtan.html", Samples.text("2021_pingtan.html").replace("</body>", "<p>更正说明。</p></body>"));
        collect(DAY_2, "平潭综合实验区", "/ndbg/2021_pingtan.html");
        sample("/ndbg/2021_pingtan.html", "2021_pingtan.html");

        List<Result> third = collect(DAY_3, "平潭综合实验区", "/ndbg/2021_pingtan.html");

        assertThat(third).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.CHANGED);
            assertThat(r.version()).isEqualTo(1);
        });
        assertThat(dsl().select(REPORT.CHANGED_ON).from(REPORT).where(REPORT.YEAR.eq(2021), REPORT.VERSION.eq(2)).fetchOne(REPORT.CHANGED_ON))
                .isEqualTo(DAY_3);
        assertThat(reportFrom("/ndbg/2021_pingtan.html").get(REPORT.VERSION)).isEqualTo(1);
    }

    @Test
    void a_page_that_changes_around_an_unchanged_report_makes_no_new_version() {
        collect(DAY_1, "平潭综合实验区", "/ndbg/2019_pingtan.html");
        html("/ndbg/2019_pingtan.html", Samples.text("2019_pingtan.html").replace("</head>", "<script>var visits = 1;</script></head>"));

        List<Result> again = collect(DAY_2, "平潭综合实验区", "/ndbg/2019_pingtan.html");

        assertThat(outcomes(again)).containsEntry("/ndbg/2019_pingtan.html", Outcome.UNCHANGED);
        assertThat(dsl().fetchCount(REPORT)).isEqualTo(1);
    }

    @Test
    void sources_are_remembered_for_the_schedule_but_links_found_on_their_list_pages_are_not() {
        collect(DAY_1, "平潭综合实验区", "/ndbg/index.html");

        CollectService collector = collector(DAY_2);

        assertThat(collector.remembered()).extracting(s -> s.url().toString()).containsExactly(url("/ndbg/index.html"));
    }

    @Test
    void file_addresses_and_private_addresses_are_refused_unless_private_ones_are_allowed() {
        var strict = new CollectService(dsl(), StoreServices.over(dsl()).imports(),
                new CollectService.Settings(0, false, ""), clock(DAY_1));

        List<Result> results = strict.collect(List.of(new Sources.Source(null, URI.create("file:///etc/passwd")),
                new Sources.Source(null, URI.create(url("/ndbg/index.html")))), r -> { });

        assertThat(results).extracting(Result::outcome).containsExactly(Outcome.REFUSED, Outcome.REFUSED);
        assertThat(dsl().fetchCount(SOURCE_PAGE)).isZero();
        assertThat(userAgents).isEmpty();
    }

    private List<Result> collect(LocalDate day, String agency, String path) {
        return collector(day).collect(List.of(new Sources.Source(agency, URI.create(url(path)))), r -> { });
    }

    private CollectService collector(LocalDate day) {
        return new CollectService(dsl(), StoreServices.over(dsl()).imports(),
                new CollectService.Settings(0, true, "tests@example.org"), clock(day));
    }

    private static Clock clock(LocalDate day) {
        return Clock.fixed(LocalDateTime.of(day, java.time.LocalTime.NOON).toInstant(ZoneOffset.UTC), ZoneId.of("UTC"));
    }

    private Map<String, Outcome> outcomes(List<Result> results) {
        Map<String, Outcome> byPath = new java.util.LinkedHashMap<>();
        results.forEach(r -> byPath.put(URI.create(r.url()).getPath(), r.outcome()));
        return byPath;
    }

    /** The report version the collector last recorded for a URL, read straight from the tables. */
    private Record reportFrom(String path) {
        return dsl().select(REPORT.fields()).from(REPORT).join(SOURCE_PAGE).on(SOURCE_PAGE.REPORT_ID.eq(REPORT.ID))
                .where(SOURCE_PAGE.URL.eq(url(path))).fetchOne();
    }

    private DSLContext dsl() {
        return store.dsl();
    }

    private String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
    }

    private void sample(String path, String sample) {
        site.put(path, new Page(200, "text/html; charset=utf-8", Samples.bytes(sample)));
    }

    private void html(String path, String body) {
        text(path, "text/html; charset=utf-8", body);
    }

    private void text(String path, String type, String body) {
        site.put(path, new Page(200, type, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A page of links: href, text, href, text, … */
    private static String links(String... hrefAndText) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年报</title></head><body><ul>");
        for (int i = 0; i < hrefAndText.length; i += 2) {
            html.append("<li><a href=\"").append(hrefAndText[i]).append("\">").append(hrefAndText[i + 1]).append("</a></li>");
        }
        return html.append("</ul></body></html>").toString();
    }
}
