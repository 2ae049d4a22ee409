package app.nianbao.imports;

import java.time.Duration;

/** How fast an import goes and how long the rest will take, from the files done so far: the same words on the command line and the web. */
public final class ImportPace {

    private final int total;
    private final long started = System.nanoTime();

    public ImportPace(int total) {
        this.total = total;
    }

    /** Where an import stands after {@code done} of its files. */
    public record Reading(int done, int total, double filesPerSecond, Duration left) {
    }

    public Reading at(int done) {
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        double rate = done / seconds;
        Duration left = done == 0 ? null : Duration.ofSeconds(Math.round((total - done) / rate));
        return new Reading(done, total, rate, left);
    }
}
