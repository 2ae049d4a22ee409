package app.nianbao.cli;

import static app.nianbao.store.jooq.Tables.FIGURE;
import static app.nianbao.store.jooq.Tables.REPORT;
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

import app.nianbao.Application;
import app.nianbao.Samples;
import app.nianbao.store.Store;

/** `kill -9` in the middle of a batch loses at most the file in flight; the same command finishes the rest. */
class ImportCrashTest {

    private static final int FILES = 40;

    @TempDir
    Path dir;

    @Test
    void a_batch_killed_mid_way_is_finished_by_running_the_same_command_again() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("reports"));
        String seed = Samples.text(Samples.SEED);
        for (int i = 0; i < FILES; i++) {
            String report = seed.replace("高新技术产业开发区管理办公室 2022", "崩溃测试第%d局（模拟） 2022".formatted(i));
            Files.writeString(folder.resolve("r%02d.txt".formatted(i)), report, StandardCharsets.UTF_8);
        }
        Path db = dir.resolve("crash.duckdb");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName(),
                "import", folder.toString(), "--db", db.toString()).redirectErrorStream(true).start();
        BufferedReader progress = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        int seen = 0;
        String line;
        while ((line = progress.readLine()) != null && seen < 5) {
            if (line.contains("imported")) {
                seen++;
            }
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback by the application
        child.waitFor(20, TimeUnit.SECONDS);
        assertThat(seen).isEqualTo(5);

        StringWriter out = new StringWriter();
        CommandLine cli = NianbaoCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int exit = cli.execute("import", folder.toString(), "--db", db.toString(), "--json");

        assertThat(exit).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertThat(summary.get("failed")).isEmpty();
        assertThat(summary.get("unchanged").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(summary.get("imported").asInt() + summary.get("unchanged").asInt()).isEqualTo(FILES);
        try (Store store = Store.open(db)) {
            assertThat(store.dsl().fetchCount(REPORT)).isEqualTo(FILES);
            int cellsPerReport = store.dsl().fetchCount(FIGURE) / FILES;
            assertThat(store.dsl().fetchCount(FIGURE)).isEqualTo(FILES * cellsPerReport);
            assertThat(store.dsl().fetchCount(REPORT, REPORT.ID.notIn(store.dsl().selectDistinct(FIGURE.REPORT_ID).from(FIGURE))))
                    .as("reports without figures").isZero();
        }
    }
}
