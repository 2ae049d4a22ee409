package app.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The load benchmark's short version, on the demo store a first start creates: a team of clients
 * gets every answer, and none takes seconds. The bound is loose (the figures in README are
 * measured with {@code bench serve}); it fails a regression to seconds, not a noisy machine.
 */
class LoadBenchTest {

    private static final double BOUND_MS = 1_500;

    @Test
    void eight_clients_for_five_seconds_get_every_answer_and_none_takes_seconds() throws Exception {
        Path db = Files.createTempDirectory("nianbao-load").resolve("load.duckdb");
        try (var context = LoadBench.start(Map.of("nianbao.db.path", db.toString(), "nianbao.bundled-reports", "data/reports"), true)) {
            LoadBench bench = new LoadBench(LoadBench.port(context));
            List<LoadBench.Call> mix = bench.mix();

            LoadBench.Load load = bench.load(mix, 8, 5);

            assertThat(load.errorCount()).isZero();
            assertThat(load.millis()).allSatisfy((call, ms) -> assertThat(ms.length).as(call).isPositive());
            assertThat(load.worstP95()).as("the slowest call's p95 in ms: %s", load.summary()).isLessThan(BOUND_MS);
        }
    }

    @Test
    void percentiles_are_read_from_the_sorted_times_by_rank() {
        double[] ms = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};

        // by hand: the 10th of 20 is the median, the 19th the 95th percentile, the 20th the 99th
        assertThat(LoadBench.percentile(ms, 0.50)).isEqualTo(10);
        assertThat(LoadBench.percentile(ms, 0.95)).isEqualTo(19);
        assertThat(LoadBench.percentile(ms, 0.99)).isEqualTo(20);
        assertThat(LoadBench.percentile(new double[0], 0.95)).isZero();
    }
}
