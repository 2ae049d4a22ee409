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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import app.nianbao.Application;
import app.nianbao.Samples;
import app.nianbao.store.Store;

/**
 * `kill -9` at any moment of a batched import loses at most the batch in flight, never part of
 * one; the same command, run again, finishes the rest without duplicates.
 */
class ImportCrashTest {

    private static final int FILES = 60;
    private static final int BATCH = 7;

    @TempDir
    Path dir;

    @Test
    void imports_killed_between_and_inside_batches_are_finished_by_running_the_same_command_again() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("reports"));
        String seed = Samples.text(Samples.SEED);
        for (int i = 0; i < FILES; i++) {
            String report = seed.replace("高新技术产业开发区管理办公室 2022", "崩溃测试第%d局（模拟） 2022".formatted(i));
            Files.writeString(folder.resolve("r%02d.txt".formatted(i)), report, StandardCharsets.UTF_8);
        }
        // killed right after a batch landed, then while later batches were being read and written
        int firstLanded = killAfterProgressLines(folder, BATCH, 0);
        assertWholeBatches(firstLanded);
        int secondLanded = killAfterProgressLines(folder, 2 * BATCH, 40);
        assertWholeBatches(secondLanded);
        assertThat(secondLanded).isGreaterThan(firstLanded);

        StringWriter out = new StringWriter();
        CommandLine cli = NianbaoCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        List<String> args = new ArrayList<>(List.of("import", folder.toString(), "--batch", String.valueOf(BATCH), "--json"));
        args.addAll(storeArguments());
        int exit = cli.execute(args.toArray(String[]::new));

        assertThat(exit).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertThat(summary.get("failed")).isEmpty();
        assertThat(summary.get("unchanged").asInt()).isEqualTo(secondLanded);
        assertThat(summary.get("imported").asInt() + summary.get("unchanged").asInt()).isEqualTo(FILES);
        assertWholeBatches(FILES);
    }

    /**
     * Starts the import in a child process, reads its progress until {@code lines} files were
     * said to have landed, waits {@code millis} more and kills it with SIGKILL; the reports stored then.
     */
    private int killAfterProgressLines(Path folder, int lines, long millis) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName(),
                "import", folder.toString(), "--batch", String.valueOf(BATCH)));
        command.addAll(storeArguments());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader progress = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        int seen = 0;
        String line;
        while (seen < lines && (line = progress.readLine()) != null) {
            if (line.contains("] imported ")) {
                seen++;
            }
        }
        Thread.sleep(millis);
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback by the application
        child.waitFor(20, TimeUnit.SECONDS);
        assertThat(seen).isEqualTo(lines);
        try (Store store = openStore()) {
            return store.dsl().fetchCount(REPORT);
        }
    }

    /** Where the command line stores: a DuckDB file here, a PostgreSQL schema in the subclass. */
    List<String> storeArguments() {
        return List.of("--db", dir.resolve("crash.duckdb").toString());
    }

    Store openStore() {
        return Store.open(dir.resolve("crash.duckdb"));
    }

    /** Every stored report has all its cells, none is stored twice, and what landed is whole batches (or everything). */
    private void assertWholeBatches(int reports) {
        try (Store store = openStore()) {
            assertThat(store.dsl().fetchCount(REPORT)).isEqualTo(reports);
            assertThat(reports % BATCH == 0 || reports == FILES).as("%d reports are whole batches of %d", reports, BATCH).isTrue();
            assertThat(store.dsl().fetchCount(store.dsl().selectDistinct(REPORT.SHA256).from(REPORT))).isEqualTo(reports);
            if (reports > 0) {
                int cellsPerReport = store.dsl().fetchCount(FIGURE) / reports;
                assertThat(store.dsl().fetchCount(FIGURE)).isEqualTo(reports * cellsPerReport);
            }
            assertThat(store.dsl().fetchCount(REPORT, REPORT.ID.notIn(store.dsl().selectDistinct(FIGURE.REPORT_ID).from(FIGURE))))
                    .as("reports without figures").isZero();
        }
    }
}
