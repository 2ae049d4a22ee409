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
    void help_lists_the_commands_and_the_exit_codes() {
        Run run = run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("parse", "import", "check", "Exit codes", "3  the store cannot be opened");
    }
}
