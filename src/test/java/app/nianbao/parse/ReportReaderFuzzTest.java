package app.nianbao.parse;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import app.nianbao.Mutations;
import app.nianbao.Samples;

/** Random mutations of real reports never crash or hang the reader: they parse or are refused. */
class ReportReaderFuzzTest {

    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz");
        t.setDaemon(true);
        return t;
    });

    record Mutation(String sample, int kind, int position, int length, byte value) {
    }

    @Property(tries = 300)
    void mutated_reports_parse_or_are_refused_within_seconds(@ForAll("mutations") List<Mutation> mutations) throws Exception {
        String sample = mutations.get(0).sample();
        byte[] bytes = Samples.bytes(sample);
        for (Mutation m : mutations) {
            bytes = apply(bytes, m);
        }
        byte[] input = bytes;
        Future<?> run = RUNNER.submit(() -> {
            try {
                ReportReader.read(input, sample, ReadOptions.none());
            } catch (UnreadableReportException refused) {
                // refusing is a valid answer
            }
            return null;
        });
        run.get(10, TimeUnit.SECONDS);
    }

    private static byte[] apply(byte[] bytes, Mutation m) {
        return Mutations.apply(bytes, m.kind(), m.position(), m.length(), m.value());
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<String> sample = Arbitraries.of(java.util.stream.Stream.of(Samples.REPORTS.stream(),
                ReportReaderTest.CRAWLED.stream(), Samples.DERIVED.keySet().stream()).flatMap(s -> s).toList());
        return sample.flatMap(s -> Arbitraries.integers().between(0, 3).flatMap(kind ->
                        Arbitraries.integers().between(0, Integer.MAX_VALUE).flatMap(pos ->
                                Arbitraries.integers().between(1, 4000).flatMap(len ->
                                        Arbitraries.bytes().map(b -> new Mutation(s, kind, pos, len, b))))))
                .list().ofMinSize(1).ofMaxSize(8)
                .map(list -> list.stream().map(m -> new Mutation(list.get(0).sample(), m.kind(), m.position(), m.length(), m.value())).toList());
    }

    @AfterContainer
    static void stop() {
        RUNNER.shutdownNow();
    }
}
