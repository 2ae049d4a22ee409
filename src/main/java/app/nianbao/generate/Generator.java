package app.nianbao.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import app.nianbao.check.CheckService;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;

/**
 * Streams generated agencies one at a time, so that 100,000 agencies never sit in memory
 * together. Each agency draws from its own seeded stream: the same seed gives the same data
 * whatever is done with it.
 */
final class Generator {

    private static final Object END = new Object();

    private final GenerateOptions options;
    private final List<SyntheticAgency> agencies;

    Generator(GenerateOptions options) {
        this.options = options;
        this.agencies = Hierarchy.of(options.agencies(), new Random(options.seed()));
    }

    List<SyntheticAgency> agencies() {
        return agencies;
    }

    /**
     * Hands each agency to {@code sink} on the calling thread while the next ones are generated
     * and checked on another, so that a writer and the generator use both cores.
     */
    void forEach(Consumer<GeneratedAgency> sink) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1024);
        Thread producer = new Thread(() -> {
            try {
                agencies.forEach(agency -> put(queue, generate(agency)));
                put(queue, END);
            } catch (RuntimeException e) {
                put(queue, e);
            }
        }, "generate");
        producer.setDaemon(true);
        producer.start();
        try {
            for (Object next = queue.take(); next != END; next = queue.take()) {
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                sink.accept((GeneratedAgency) next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            producer.interrupt();
        }
    }

    private GeneratedAgency generate(SyntheticAgency agency) {
        Random random = new Random(options.seed() * 1_000_003L + agency.index());
        List<Figures> reports = new ReportSimulator(random).reports(agency, options.firstYear(), options.lastYear());
        ErrorInjector injector = new ErrorInjector(random, options.errorRate());
        List<InjectedError> errors = new ArrayList<>();
        List<List<Finding>> findings = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            int year = options.firstYear() + i;
            injector.maybeSpoil(agency.name(), year, reports.get(i), i > 0).ifPresent(errors::add);
        }
        for (int i = 0; i < reports.size(); i++) {
            findings.add(CheckService.rules(options.firstYear() + i, reports.get(i), null, i > 0 ? reports.get(i - 1) : null, null));
        }
        return new GeneratedAgency(agency, options.firstYear(), reports, findings, errors);
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
