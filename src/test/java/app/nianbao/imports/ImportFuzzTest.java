package app.nianbao.imports;

import static app.nianbao.store.jooq.Tables.REPORT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.nianbao.Mutations;
import app.nianbao.Samples;
import app.nianbao.cli.StoreServices;
import app.nianbao.imports.ImportOutcome.Status;
import app.nianbao.parse.ReadOptions;
import app.nianbao.store.Store;

/**
 * Mutated real reports, reports with figures too large for any count, and good reports mixed in
 * one import on the command line's path: every file ends stored or failed with its reason, the
 * batch never stops, and the good files are stored whatever their neighbours did.
 */
class ImportFuzzTest {

    private static final long SEED = 20261203L;
    private static final int MUTATED = 80;

    @TempDir
    Path dir;

    private static final List<String> SOURCES = Stream.concat(Samples.REPORTS.stream(), Stream.of(Samples.SEED)).toList();

    private List<Path> files() throws Exception {
        Random random = new Random(SEED);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < MUTATED; i++) {
            String sample = SOURCES.get(random.nextInt(SOURCES.size()));
            byte[] bytes = Samples.bytes(sample);
            if (i % 8 == 0) {
                // a count of 19 to 25 digits where the report has a number: what stopped whole batches before
                String text = new String(bytes, StandardCharsets.UTF_8);
                bytes = text.replaceFirst("(?<=[>\\s])\\d{2,4}(?=[<\\s])", "9".repeat(19 + random.nextInt(7))).getBytes(StandardCharsets.UTF_8);
            } else {
                for (int m = 1 + random.nextInt(6); m > 0; m--) {
                    bytes = Mutations.apply(bytes, random.nextInt(4), random.nextInt(Integer.MAX_VALUE), 1 + random.nextInt(4000),
                            (byte) random.nextInt(256));
                }
            }
            files.add(Files.write(dir.resolve("%03d_%s".formatted(i, sample)), bytes));
            if (i % 16 == 5) {
                String good = Samples.text(Samples.SEED).replace("2022 年政府信息", (2035 + i / 16) + " 年政府信息");
                files.add(Files.writeString(dir.resolve("%03d_good.txt".formatted(i)), good));
            }
        }
        return files;
    }

    @Test
    void every_mutated_file_ends_stored_or_failed_with_its_reason_and_the_good_files_land() throws Exception {
        List<Path> files = files();
        try (Store store = Store.open(dir.resolve("fuzz.duckdb"))) {
            ImportService imports = StoreServices.over(store.dsl()).imports();

            List<ImportOutcome> outcomes = imports.importFiles(files, ReadOptions.none(), 10, o -> { });

            assertThat(outcomes).hasSize(files.size());
            assertThat(outcomes).allSatisfy(o -> {
                if (o.status() == Status.FAILED) {
                    assertThat(o.reason()).as(o.file()).isNotBlank();
                }
            });
            assertThat(outcomes).filteredOn(o -> o.file().endsWith("_good.txt"))
                    .hasSize(5).allSatisfy(o -> assertThat(o.status()).as(o.reason()).isEqualTo(Status.IMPORTED));
            // the store holds exactly the files said to be stored, counted by the store itself
            Set<String> stored = outcomes.stream().filter(o -> o.status() == Status.IMPORTED || o.status() == Status.REPLACED)
                    .map(ImportOutcome::file).collect(Collectors.toSet());
            assertThat(store.dsl().selectDistinct(REPORT.SOURCE_NAME).from(REPORT).fetchSet(REPORT.SOURCE_NAME))
                    .containsExactlyInAnyOrderElementsOf(stored);
            assertThat(stored.size()).as("some mutated files still read as reports").isGreaterThan(5);
        }
    }
}
