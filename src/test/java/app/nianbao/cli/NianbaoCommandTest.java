package app.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import app.nianbao.Samples;

class NianbaoCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = NianbaoCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path sample(String name) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, Samples.bytes(name));
        return file;
    }

    @Test
    void parse_prints_one_json_object_with_the_figures_and_exits_0() throws Exception {
        Run run = run("parse", sample("2024_huaian.pdf").toString());

        assertThat(run.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("agency").asText()).isEqualTo("淮安市人民政府");
        assertThat(json.get("format").asText()).isEqualTo("pdf");
        assertThat(json.at("/t3/new_received/natural").asInt()).isEqualTo(3001);
        assertThat(json.at("/t4/review/total").asInt()).isEqualTo(351);
    }

    @Test
    void bench_parse_names_each_files_form_and_its_rate_as_json() throws Exception {
        sample("2025_shuyang.md");
        sample("2021_pingtan_word.docx");

        Run run = run("bench", "parse", "--dir", dir.toString(), "--rounds", "3", "--round-millis", "20", "--json");

        assertThat(run.exit()).isZero();
        JsonNode rows = new ObjectMapper().readTree(run.out()).get("parse");
        assertThat(rows).extracting(r -> r.get("file").asText() + " " + r.get("format").asText())
                .containsExactlyInAnyOrder("2025_shuyang.md markdown", "2021_pingtan_word.docx docx");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("median_per_s").asDouble()).isPositive();
            assertThat(r.has("pages")).isFalse();
        });
    }

    @Test
    void parse_exits_2_with_a_one_line_reason_when_the_file_is_not_a_report() throws Exception {
        Path junk = dir.resolve("junk.pdf");
        Files.writeString(junk, "not a report at all");

        Run run = run("parse", junk.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n").contains("表三");
    }

    @Test
    void import_twice_reports_imported_then_unchanged_as_json_for_scripts() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("reports"));
        Files.write(folder.resolve("2019_shanghai.html"), Samples.bytes("2019_shanghai.html"));
        Files.write(folder.resolve("2023_pingtan.html"), Samples.bytes("2023_pingtan.html"));
        Files.writeString(folder.resolve("broken.txt"), "空文件以外的垃圾");
        String db = dir.resolve("store.duckdb").toString();

        Run first = run("import", folder.toString(), "--db", db, "--json");
        Run second = run("import", folder.toString(), "--db", db, "--json");

        assertThat(first.exit()).isEqualTo(1);
        JsonNode summary = new ObjectMapper().readTree(first.out());
        assertThat(summary.get("imported").asInt()).isEqualTo(2);
        assertThat(summary.get("failed").get(0).get("file").asText()).isEqualTo("broken.txt");
        assertThat(new ObjectMapper().readTree(second.out()).get("unchanged").asInt()).isEqualTo(2);
    }

    @Test
    void a_dry_run_names_the_version_a_changed_copy_would_replace_and_its_cell_and_stores_nothing() throws Exception {
        Path original = sample("2023_pingtan.html");
        String db = dir.resolve("store.duckdb").toString();
        assertThat(run("import", original.toString(), "--db", db).exit()).isZero();
        String page = Files.readString(original, StandardCharsets.UTF_8);
        // 行政许可's row 1 count, printed once on the page (checked here so the edit cannot miss)
        assertThat(page.split(">2629<", -1)).hasSize(2);
        Path changed = Files.createDirectories(dir.resolve("copy")).resolve("2023_pingtan.html");
        Files.writeString(changed, page.replace(">2629<", ">2692<"), StandardCharsets.UTF_8);

        Run text = run("import", changed.toString(), "--db", db, "--dry-run");
        Run json = run("import", changed.toString(), "--db", db, "--dry-run", "--json");
        Run unchanged = run("import", original.toString(), "--db", db, "--dry-run", "--json");

        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("新版本 / replaces").contains("第 1 版").contains("2629 → 2692");
        JsonNode file = new ObjectMapper().readTree(json.out()).get("files").get(0);
        assertThat(file.get("status").asText()).isEqualTo("replaces");
        assertThat(file.get("replaces_version").asInt()).isEqualTo(1);
        assertThat(file.get("changes")).hasSize(1);
        assertThat(file.at("/changes/0/before").asInt()).isEqualTo(2629);
        assertThat(file.at("/changes/0/after").asInt()).isEqualTo(2692);
        assertThat(new ObjectMapper().readTree(unchanged.out()).at("/files/0/status").asText()).isEqualTo("unchanged");
        // nothing was stored: the real import still finds the copy new
        JsonNode imported = new ObjectMapper().readTree(run("import", changed.toString(), "--db", db, "--json").out());
        assertThat(imported.get("replaced").asInt()).isEqualTo(1);
    }

    @Test
    void a_command_on_a_store_another_process_holds_says_so_and_exits_3() throws Exception {
        Path db = dir.resolve("held.duckdb");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldStore.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("ready"));
            assertThat(line).isEqualTo("ready");

            Run run = run("check", "--db", db.toString());

            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.err()).contains("正被另一个进程").contains("PID " + holder.pid()).contains("停止正在运行的服务器");
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void roster_imports_a_csv_and_refuses_a_bad_row_with_its_line_and_exit_2() throws Exception {
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, "name,level,first_year\n名册县人民政府,COUNTY,2020\n名册县财政局,DEPARTMENT,2021\n");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "name,level\n名册县人民政府,COUNTY\n名册县财政局,星级\n");
        String db = dir.resolve("roster.duckdb").toString();

        Run ok = run("roster", roster.toString(), "--db", db, "--json");
        Run refused = run("roster", bad.toString(), "--db", db);

        assertThat(ok.exit()).isZero();
        assertThat(new ObjectMapper().readTree(ok.out()).get("created").asInt()).isEqualTo(2);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("bad.csv").contains("第 3 行");
    }

    @Test
    void a_write_the_store_refuses_exits_3_not_2_so_a_script_can_tell_it_from_bad_arguments() throws Exception {
        Path folder = app.nianbao.store.ReadOnlyFolder.create();
        String db = folder.resolve("refusing.duckdb").toString();
        Path roster = dir.resolve("refused-roster.csv");
        Files.writeString(roster, "name\n只读名册县人民政府\n");
        assertThat(run("check", "--db", db).exit()).isZero();

        Run refused;
        try (var readOnly = app.nianbao.store.ReadOnlyFolder.of(folder)) {
            refused = run("roster", roster.toString(), "--db", db);
        }

        assertThat(refused.exit()).as(refused.err()).isEqualTo(3);
        assertThat(refused.err()).contains("错误 / error");
        assertThat(run("roster", roster.toString(), "--db", db).exit()).as("writable again").isZero();
    }

    @Test
    void collect_imports_a_report_from_a_loopback_site_only_when_private_addresses_are_allowed() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        byte[] page = Samples.bytes("2023_pingtan.html");
        server.createContext("/", exchange -> {
            boolean report = exchange.getRequestURI().getPath().equals("/2023.html");
            exchange.sendResponseHeaders(report ? 200 : 404, report ? page.length : -1);
            try (var body = exchange.getResponseBody()) {
                if (report) {
                    body.write(page);
                }
            }
        });
        server.start();
        try {
            Path sources = dir.resolve("sources.csv");
            Files.writeString(sources, "机构,网址\n平潭综合实验区,http://127.0.0.1:%d/2023.html\n".formatted(server.getAddress().getPort()));
            String db = dir.resolve("collect.duckdb").toString();

            Run refused = run("collect", sources.toString(), "--db", db, "--json", "--delay-ms", "0");
            Run allowed = run("collect", sources.toString(), "--db", db, "--json", "--delay-ms", "0", "--allow-private");
            Run again = run("collect", "--db", db, "--json", "--delay-ms", "0", "--allow-private");

            assertThat(refused.exit()).isEqualTo(1);
            assertThat(new ObjectMapper().readTree(refused.out()).at("/urls/0/outcome").asText()).isEqualTo("refused");
            assertThat(allowed.exit()).isZero();
            JsonNode first = new ObjectMapper().readTree(allowed.out()).at("/urls/0");
            assertThat(first.get("outcome").asText()).isEqualTo("new");
            assertThat(first.get("year").asInt()).isEqualTo(2023);
            assertThat(new ObjectMapper().readTree(again.out()).at("/urls/0/outcome").asText()).isEqualTo("unchanged");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void help_lists_the_commands_and_the_exit_codes() {
        Run run = run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("parse", "import", "check", "roster", "collect", "Exit codes", "3  the store cannot be opened");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"parse", "import", "check", "roster", "collect", "generate", "bench"})
    void every_command_answers_help_with_its_usage_and_the_exit_codes(String command) {
        Run run = run(command, "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: nianbao " + command).contains("Exit codes", "2  bad arguments");
    }
}
