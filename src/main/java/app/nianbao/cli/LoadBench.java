package app.nianbao.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.nianbao.Application;
import app.nianbao.imports.ImportOutcome;
import app.nianbao.imports.ImportService;
import app.nianbao.parse.ReadOptions;
import app.nianbao.security.SystemIdentity;

/**
 * A team at work, measured: the server started on a store, {@code clients} HTTP clients (the
 * JDK's) each asking a fixed mix of API calls — the charts of the views, a peer comparison, who
 * made a change, a report, the register — as fast as answers come, for {@code seconds}. Then an
 * import alone, then the clients again with an import beside them. Per call: count, errors and
 * p50/p95/p99 in ms; overall requests/s; the import's files/s alone and beside the clients.
 */
final class LoadBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One kind of request of the mix, with the path it asks. */
    record Call(String name, String path) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    LoadBench(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts the server in this process on the store, reading openly (the mix measures reading, not sign-in). */
    static ConfigurableApplicationContext start(Map<String, Object> store, boolean cache) {
        Map<String, Object> properties = new LinkedHashMap<>(store);
        properties.put("server.port", "0");
        properties.put("nianbao.security.public-read", "true");
        properties.put("nianbao.analytics.cache-seconds", cache ? "60" : "0");
        properties.putIfAbsent("nianbao.security.admin-password", "bench-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        // as arguments, which outrank application.properties (default properties would not)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(Application.class).logStartupInfo(false).run(args);
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** The mix, from what the store holds: its latest year, and a few agencies with a report in it. */
    List<Call> mix() throws Exception {
        JsonNode agencies = get("/api/v1/agencies");
        List<Long> ids = new ArrayList<>();
        agencies.forEach(a -> ids.add(a.get("id").asLong()));
        // without years a series spans the store's: its last point is the latest year reported
        JsonNode points = get("/api/v1/metrics?metric=new_applications&scope=all").get("points");
        int year = points.get(points.size() - 1).get("year").asInt();
        List<Call> calls = new ArrayList<>(List.of(
                new Call("metrics national", "/api/v1/metrics?metric=new_applications&scope=all"),
                new Call("metrics rate by level", "/api/v1/metrics?metric=disclosure_rate&scope=level:COUNTY"),
                new Call("compare national", "/api/v1/compare?metric=review_correction_rate&scope=all&year=" + year + "&min_n=30"),
                new Call("contributions", "/api/v1/contributions?metric=new_applications&scope=all&year=" + year + "&limit=20"),
                new Call("publication", "/api/v1/publication?scope=all&year=" + year)));
        // agencies vary by client and call: the questions of a team are not all identical
        for (int i = 0; i < Math.min(20, ids.size()); i++) {
            long id = ids.get((int) ((long) i * ids.size() / Math.min(20, ids.size())));
            calls.add(new Call("metrics one agency", "/api/v1/metrics?metric=refusal_rate&scope=agency:" + id + ""));
        }
        return calls;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Times per call name in ms, and errors, of a load run. */
    record Load(double seconds, int requests, Map<String, double[]> millis, Map<String, Integer> errors) {

        Map<String, Object> summary() {
            Map<String, Object> calls = new LinkedHashMap<>();
            millis.forEach((name, ms) -> {
                Arrays.sort(ms);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("n", ms.length);
                row.put("errors", errors.getOrDefault(name, 0));
                row.put("p50_ms", percentile(ms, 0.50));
                row.put("p95_ms", percentile(ms, 0.95));
                row.put("p99_ms", percentile(ms, 0.99));
                calls.put(name, row);
            });
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("requests", requests);
            result.put("per_second", Math.round(requests / seconds * 10) / 10.0);
            result.put("calls", calls);
            return result;
        }

        double worstP95() {
            return millis.values().stream().mapToDouble(ms -> {
                double[] sorted = ms.clone();
                Arrays.sort(sorted);
                return percentile(sorted, 0.95);
            }).max().orElse(0);
        }

        int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        double ms = sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
        return Math.round(ms * 10) / 10.0;
    }

    /** {@code clients} clients over the mix for {@code seconds}, each starting at its own place in it. */
    Load load(List<Call> mix, int clients, int seconds) throws InterruptedException {
        return load(mix, clients, seconds, () -> false);
    }

    /** As {@link #load(List, int, int)}, ending early once {@code over} says so (an import beside it has finished). */
    Load load(List<Call> mix, int clients, int seconds, BooleanSupplier over) throws InterruptedException {
        Map<String, ConcurrentLinkedQueue<Double>> times = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long until = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int offset = c * 7;
            pool.submit(() -> {
                for (int i = offset; System.nanoTime() < until && !over.getAsBoolean(); i++) {
                    Call call = mix.get(i % mix.size());
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + call.path())).timeout(Duration.ofSeconds(60))
                                .GET().build(), HttpResponse.BodyHandlers.discarding());
                        ok = r.statusCode() == 200;
                    } catch (Exception e) {
                        ok = false;
                    }
                    times.computeIfAbsent(call.name(), k -> new ConcurrentLinkedQueue<>()).add((System.nanoTime() - t0) / 1e6);
                    if (!ok) {
                        errors.computeIfAbsent(call.name(), k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, double[]> millis = new LinkedHashMap<>();
        mix.stream().map(Call::name).distinct().forEach(name -> millis.put(name,
                times.getOrDefault(name, new ConcurrentLinkedQueue<>()).stream().mapToDouble(Double::doubleValue).toArray()));
        Map<String, Integer> errorCounts = new LinkedHashMap<>();
        errors.forEach((name, n) -> errorCounts.put(name, n.get()));
        int requests = millis.values().stream().mapToInt(ms -> ms.length).sum();
        return new Load(elapsed, requests, millis, errorCounts);
    }

    /** Files/s of an import through the server's own pipeline, as the web import stores them. */
    static double importRate(ConfigurableApplicationContext context, List<Path> files) {
        long t0 = System.nanoTime();
        List<ImportOutcome> outcomes = SystemIdentity.call(() -> context.getBean(ImportService.class).importFiles(files, ReadOptions.none(), 50, o -> { }));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long failed = outcomes.stream().filter(o -> o.status() == ImportOutcome.Status.FAILED).count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " generated files failed to import");
        }
        return Math.round(files.size() / seconds * 10) / 10.0;
    }
}
