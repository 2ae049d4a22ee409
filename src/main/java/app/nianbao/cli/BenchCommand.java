package app.nianbao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import app.nianbao.generate.GenerateOptions;
import app.nianbao.generate.SyntheticFiles;
import app.nianbao.generate.SyntheticStore;
import app.nianbao.imports.ImportService;
import app.nianbao.imports.ImportSummary;
import app.nianbao.imports.ReportFiles;
import app.nianbao.parse.Format;
import app.nianbao.parse.ParsedReport;
import app.nianbao.parse.ReadOptions;
import app.nianbao.parse.ReportReader;
import app.nianbao.parse.UnreadableReportException;
import app.nianbao.store.Store;

@Command(name = "bench", description = {"性能基准：读取、导入、生成与看板查询的速度。",
        "Benchmarks, medians and p95: parse (reports/s per format, one thread), import (files/s into a temporary store), "
                + "queries (every dashboard chart's queries on --db), scale (generate --reports N into temporary stores "
                + "and time the dashboard queries on each), serve (the server on --db under --clients concurrent API clients for "
                + "--seconds, then an import of --import-files generated reports alone, then as many again with the clients asking "
                + "until it is done; a DuckDB --db is copied first when importing)."})
class BenchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "WHAT", defaultValue = "parse", description = "parse, import, queries, scale or serve")
    String what;

    @picocli.CommandLine.Mixin
    StoreOption store;

    @Option(names = "--runs", description = "queries: timed runs per chart (default: ${DEFAULT-VALUE})")
    int runs = 30;

    @Option(names = "--reports", split = ",", description = "scale: store sizes in reports (default: ${DEFAULT-VALUE})")
    List<Integer> reports = List.of(10_000, 100_000, 700_000);

    @Option(names = "--dir", description = "parse, and import when given: folder of report files (default: ${DEFAULT-VALUE})")
    Path dir = Path.of("data/reports");

    @Option(names = "--rounds", description = "measured rounds per file (default: ${DEFAULT-VALUE})")
    int rounds = 15;

    @Option(names = "--round-millis", description = "length of one round (default: ${DEFAULT-VALUE})")
    long roundMillis = 400;

    @Option(names = "--files", description = "import: how many report files to generate and import (default: ${DEFAULT-VALUE})")
    int files = 2100;

    @Option(names = "--base-reports", description = "import: also import into a store generated with this many reports, 0 for none (default: ${DEFAULT-VALUE})")
    int baseReports = 100_000;

    @Option(names = "--repeat", description = "import: timed imports per store, after one that warms up (default: ${DEFAULT-VALUE})")
    int repeat = 3;

    @Option(names = "--clients", description = "serve: concurrent API clients (default: ${DEFAULT-VALUE})")
    int clients = 20;

    @Option(names = "--seconds", description = "serve: length of each load run (default: ${DEFAULT-VALUE})")
    int seconds = 30;

    @Option(names = "--import-files", description = "serve: generated reports imported alone, then as many beside the clients; 0 for none (default: ${DEFAULT-VALUE})")
    int importFiles = 0;

    @Option(names = "--no-cache", description = "serve: every question asks the store (nianbao.analytics.cache-seconds=0)")
    boolean noCache;

    @Option(names = "--json", description = "print the figures as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if ("import".equals(what)) {
            return benchImport();
        }
        if ("queries".equals(what)) {
            // the DuckDB file, and beside it the server of --db-url when given: the same charts on both
            Map<String, List<Map<String, Object>>> byStore = new LinkedHashMap<>();
            try (Store opened = store.openFile()) {
                byStore.put("DuckDB " + store.db.getFileName(), new QueryBench(opened.dsl()).run(runs));
            }
            if (store.hasServer()) {
                try (Store opened = store.openServer()) {
                    byStore.put("PostgreSQL", new QueryBench(opened.dsl()).run(runs));
                }
            }
            return printQueries(byStore);
        }
        if ("scale".equals(what)) {
            return benchScale();
        }
        if ("serve".equals(what)) {
            return benchServe();
        }
        if (!"parse".equals(what)) {
            spec.commandLine().getErr().println("未知基准 / unknown benchmark: " + what + " (parse|import|queries|scale|serve)");
            return NianbaoCommand.BAD_INPUT;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Path file : ReportFiles.under(List.of(dir))) {
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            Format format = formatOf(bytes, name);
            Round[] measured = measure(bytes, name);
            double[] perSecond = Arrays.stream(measured).mapToDouble(Round::perSecond).sorted().toArray();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", name);
            row.put("format", format.code());
            row.put("kib", bytes.length / 1024);
            row.put("median_per_s", Math.round(perSecond[perSecond.length / 2] * 100) / 100.0);
            // p95 of the time per report is the 5th percentile of the rate
            row.put("p95_ms", 1000.0 / perSecond[(int) Math.floor(perSecond.length * 0.05)]);
            int pages = measured[0].pages();
            if (pages > 0) {
                // a scan's pages are read on every core: CPU time per page is what one core spends on a page
                row.put("pages", pages);
                row.put("cpu_s_per_page_median", Arrays.stream(measured).mapToDouble(Round::cpuSecondsPerPage).sorted()
                        .toArray()[measured.length / 2]);
            }
            rows.add(row);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ParseCommand.JSON.writeValueAsString(Map.of("parse", rows)));
        } else {
            out.printf("%-32s %-8s %6s %14s %10s %6s %14s%n", "file", "format", "KiB", "reports/s(med)", "p95 ms", "pages",
                    "CPU s/page(med)");
            for (Map<String, Object> r : rows) {
                out.printf("%-32s %-8s %6d %14.2f %10.2f %6s %14s%n", r.get("file"), r.get("format"), r.get("kib"),
                        r.get("median_per_s"), r.get("p95_ms"), r.getOrDefault("pages", ""),
                        r.containsKey("pages") ? "%.2f".formatted((Double) r.get("cpu_s_per_page_median")) : "");
            }
        }
        return NianbaoCommand.OK;
    }

    /** See {@link LoadBench}: a load run alone; with --import-files, an import alone and a load run with one beside it. */
    private int benchServe() throws Exception {
        Path work = Files.createTempDirectory("nianbao-serve");
        try {
            Map<String, Object> where = new LinkedHashMap<>();
            List<Path> alone = List.of();
            List<Path> beside = List.of();
            if (importFiles > 0) {
                Path folder = work.resolve("reports");
                // a seed of its own: agencies unlike the demo province's, so that every file is a new report
                SyntheticFiles.generate(folder, GenerateOptions.sevenYears(Math.max(2, 2 * importFiles / 7), 20261203L, 0.0), done -> { });
                List<Path> generated = ReportFiles.under(List.of(folder));
                int half = Math.min(importFiles, generated.size() / 2);
                alone = generated.subList(0, half);
                beside = generated.subList(half, 2 * half);
            }
            if (store.hasServer()) {
                where.put("nianbao.db.url", store.url);
                where.put("nianbao.db.user", store.user == null ? "" : store.user);
                where.put("nianbao.db.password", store.password == null ? "" : store.password);
            } else {
                Path db = store.db;
                if (importFiles > 0 && Files.exists(db)) {
                    db = work.resolve("serve.duckdb");
                    Files.copy(store.db, db);
                }
                where.put("nianbao.db.path", db.toAbsolutePath().toString());
            }
            Map<String, Object> result = new LinkedHashMap<>();
            try (var context = LoadBench.start(where, !noCache)) {
                LoadBench bench = new LoadBench(LoadBench.port(context));
                List<LoadBench.Call> mix = bench.mix();
                bench.load(mix, clients, Math.min(5, seconds));
                result.put("clients", clients);
                result.put("seconds", seconds);
                result.put("cache", !noCache);
                result.put("load", bench.load(mix, clients, seconds).summary());
                if (!alone.isEmpty()) {
                    result.put("import_alone_files_per_s", LoadBench.importRate(context, alone));
                    List<Path> besideFiles = beside;
                    var importing = CompletableFuture.supplyAsync(() -> LoadBench.importRate(context, besideFiles));
                    // the clients for as long as the import runs (up to ten runs' length): every request met an import
                    result.put("load_with_import", bench.load(mix, clients, 10 * seconds, importing::isDone).summary());
                    result.put("import_beside_files_per_s", importing.join());
                    result.put("import_files", alone.size());
                }
            }
            // the server and its clients share this process: its peak is an upper bound of the server's
            result.put("peak_rss_mib", peakRssMib());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(result));
            } else {
                printServe(out, result);
            }
            return NianbaoCommand.OK;
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    @SuppressWarnings("unchecked")
    private static void printServe(PrintWriter out, Map<String, Object> result) {
        out.printf("%d clients, %d s per run, cache %s%n", result.get("clients"), result.get("seconds"), result.get("cache"));
        for (String phase : List.of("load", "load_with_import")) {
            if (!result.containsKey(phase)) {
                continue;
            }
            Map<String, Object> load = (Map<String, Object>) result.get(phase);
            out.printf("%n%s: %s requests, %s/s%n%-24s %7s %6s %9s %9s %9s%n", phase, load.get("requests"), load.get("per_second"),
                    "call", "n", "errors", "p50 ms", "p95 ms", "p99 ms");
            ((Map<String, Map<String, Object>>) load.get("calls")).forEach((name, row) -> out.printf("%-24s %7s %6s %9s %9s %9s%n",
                    name, row.get("n"), row.get("errors"), row.get("p50_ms"), row.get("p95_ms"), row.get("p99_ms")));
        }
        out.printf("%npeak RSS of server and clients: %s MiB%n", result.get("peak_rss_mib"));
        if (result.containsKey("import_files")) {
            out.printf("%nimport of %s files: %s files/s alone, %s files/s beside the clients%n", result.get("import_files"),
                    result.get("import_alone_files_per_s"), result.get("import_beside_files_per_s"));
        }
    }

    /**
     * Writes {@code files} generated report files (text and HTML, seven years per agency) and
     * imports them, as `import` does, into (a) an empty store and (b) a copy of a store generated
     * with {@code baseReports} reports, {@code repeat} times each after one import that warms the
     * JVM up: median files/s of each and their ratio, which says whether the cost of a file grows
     * with the store. With {@code --dir}, the files of that folder instead, per format.
     */
    private int benchImport() throws Exception {
        Path work = Files.createTempDirectory("nianbao-bench");
        try {
            if (spec.commandLine().getParseResult().hasMatchedOption("--dir")) {
                return benchImportFormats(work);
            }
            Path folder = work.resolve("reports");
            int agencies = Math.max(1, files / 7);
            SyntheticFiles.generate(folder, GenerateOptions.sevenYears(agencies, 1, 0.0),
                    done -> { });
            List<Path> reportFiles = ReportFiles.under(List.of(folder));
            timeImport(work.resolve("warm-up.duckdb"), reportFiles);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("files", reportFiles.size());
            result.put("repeat", repeat);
            Map<String, Object> empty = medianImport(reportFiles, n -> work.resolve("empty-" + n + ".duckdb"));
            result.put("empty_store", empty);
            if (baseReports > 0) {
                spec.commandLine().getErr().println("generating a store of %d reports …".formatted(baseReports));
                Path base = work.resolve("base.duckdb");
                try (Store store = Store.open(base)) {
                    SyntheticStore.generate(store.connection(), GenerateOptions.sevenYears(Math.max(1, baseReports / 7), 7, 0.0), done -> { });
                }
                Map<String, Object> full = medianImport(reportFiles, n -> {
                    Path copy = work.resolve("base-" + n + ".duckdb");
                    Files.copy(base, copy);
                    return copy;
                });
                result.put("store_with_reports", full);
                result.put("base_reports", baseReports);
                result.put("ratio", Math.round((double) full.get("files_per_s") / (double) empty.get("files_per_s") * 100) / 100.0);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(ParseCommand.JSON.writeValueAsString(result));
            } else {
                out.println("import %d files into an empty store, median of %d: %.2f s, %.0f files/s (%s)".formatted(
                        reportFiles.size(), repeat, empty.get("seconds"), empty.get("files_per_s"), empty.get("summary")));
                if (baseReports > 0) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> full = (Map<String, Object>) result.get("store_with_reports");
                    out.println("import %d files into a store of %d reports, median of %d: %.2f s, %.0f files/s; ratio %.2f".formatted(
                            reportFiles.size(), baseReports, repeat, full.get("seconds"), full.get("files_per_s"), result.get("ratio")));
                }
            }
            return NianbaoCommand.OK;
        } finally {
            try (var walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** A store for the n-th timed import. */
    private interface StoreFor {
        Path path(int n) throws IOException;
    }

    /** The median of {@code repeat} imports of the files, each into the store {@code storeFor} gives. */
    private Map<String, Object> medianImport(List<Path> reportFiles, StoreFor storeFor) throws Exception {
        List<Map<String, Object>> timed = new ArrayList<>();
        for (int n = 0; n < repeat; n++) {
            timed.add(timeImport(storeFor.path(n), reportFiles));
        }
        timed.sort(Comparator.comparingDouble(t -> (double) t.get("seconds")));
        return timed.get(timed.size() / 2);
    }

    /**
     * The files of {@code --dir} by format, each format's files imported into an empty store,
     * as often as it takes to import at least 200 files: median files/s per format.
     */
    private int benchImportFormats(Path work) throws Exception {
        Map<String, List<Path>> byFormat = new TreeMap<>();
        for (Path file : ReportFiles.under(List.of(dir))) {
            byFormat.computeIfAbsent(formatOf(Files.readAllBytes(file), file.getFileName().toString()).code(),
                    f -> new ArrayList<>()).add(file);
        }
        timeImport(work.resolve("warm-up.duckdb"), byFormat.values().stream().flatMap(List::stream).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var entry : byFormat.entrySet()) {
            List<Double> perSecond = new ArrayList<>();
            int rounds = Math.max(repeat, (int) Math.ceil(200.0 / entry.getValue().size()));
            for (int n = 0; n < rounds; n++) {
                perSecond.add((double) timeImport(work.resolve(entry.getKey() + "-" + n + ".duckdb"), entry.getValue()).get("files_per_s"));
            }
            Collections.sort(perSecond);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("format", entry.getKey());
            row.put("files", entry.getValue().size());
            row.put("rounds", rounds);
            row.put("median_files_per_s", perSecond.get(perSecond.size() / 2));
            rows.add(row);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ParseCommand.JSON.writeValueAsString(Map.of("import", rows)));
        } else {
            out.printf("%-8s %6s %7s %16s%n", "format", "files", "rounds", "files/s(median)");
            rows.forEach(r -> out.printf("%-8s %6d %7d %16.0f%n", r.get("format"), r.get("files"), r.get("rounds"), r.get("median_files_per_s")));
        }
        return NianbaoCommand.OK;
    }

    /**
     * The form the reader finds a file to be — a scan, Markdown or crawled text show only once it
     * is read — or what its first bytes say when it cannot be read.
     */
    private static Format formatOf(byte[] bytes, String name) {
        try {
            return ReportReader.read(bytes, name, ReadOptions.none()).format();
        } catch (UnreadableReportException e) {
            return Format.sniff(bytes);
        }
    }

    /** Imports the files into the store at db, as `import` does. */
    private static Map<String, Object> timeImport(Path db, List<Path> reportFiles) {
        try (Store store = Store.open(db)) {
            ImportService imports = StoreServices.over(store.dsl()).imports();
            ImportSummary summary = new ImportSummary();
            long start = System.nanoTime();
            imports.importFiles(reportFiles, ReadOptions.none(), summary::add);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("seconds", Math.round(seconds * 100) / 100.0);
            result.put("files_per_s", (double) Math.round(reportFiles.size() / seconds));
            result.put("summary", summary.describe());
            return result;
        }
    }

    /**
     * For each size, generates a national-style store of that many reports (seven years per
     * agency) in a temporary folder, then times every dashboard chart's queries on it.
     */
    private int benchScale() throws Exception {
        Map<String, List<Map<String, Object>>> bySize = new LinkedHashMap<>();
        PrintWriter err = spec.commandLine().getErr();
        for (int size : reports) {
            Path work = Files.createTempDirectory("nianbao-scale");
            try (Store opened = Store.open(work.resolve("scale.duckdb"))) {
                long start = System.nanoTime();
                var written = SyntheticStore.generate(opened.connection(),
                        GenerateOptions.sevenYears(Math.max(1, size / 7), 1, 0.01), done -> { });
                err.printf("generated %,d reports in %.1f s%n", written.reports(), (System.nanoTime() - start) / 1e9);
                bySize.put("%,d reports".formatted(written.reports()), new QueryBench(opened.dsl()).run(runs));
            } finally {
                try (var files = Files.walk(work)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        return printQueries(bySize);
    }

    /** One column pair (median, p95) per store, one row per chart; peak memory below. */
    private int printQueries(Map<String, List<Map<String, Object>>> bySize) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ParseCommand.JSON.writeValueAsString(Map.of("queries", bySize, "peak_rss_mib", peakRssMib())));
            return NianbaoCommand.OK;
        }
        List<String> stores = new ArrayList<>(bySize.keySet());
        StringBuilder header = new StringBuilder("%-52s".formatted("chart (ms: median / p95)"));
        stores.forEach(st -> header.append("%24s".formatted(st)));
        out.println(header);
        // rows by chart name: a small store may lack a chart that needs a province or a busiest agency
        List<Object> charts = bySize.values().stream().flatMap(List::stream).map(r -> r.get("chart")).distinct().toList();
        for (Object chart : charts) {
            StringBuilder line = new StringBuilder("%-52s".formatted(chart));
            for (String st : stores) {
                String cell = bySize.get(st).stream().filter(r -> r.get("chart").equals(chart)).findFirst()
                        .map(r -> r.get("median_ms") + " / " + r.get("p95_ms")).orElse("—");
                line.append("%24s".formatted(cell));
            }
            out.println(line);
        }
        out.printf("peak RSS of this process: %d MiB%n", peakRssMib());
        return NianbaoCommand.OK;
    }

    /** The high-water mark of resident memory, from /proc (Linux); -1 elsewhere. */
    static long peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** One measured round: reports read per second, and for a scan its pages and the process's CPU seconds per page. */
    private record Round(double perSecond, int pages, double cpuSecondsPerPage) {
    }

    /** Warm-up rounds first (the JIT), then the measured rounds. */
    private Round[] measure(byte[] bytes, String name) throws Exception {
        for (int i = 0; i < 5; i++) {
            round(bytes, name);
        }
        Round[] measured = new Round[rounds];
        for (int i = 0; i < rounds; i++) {
            measured[i] = round(bytes, name);
        }
        return measured;
    }

    private Round round(byte[] bytes, String name) throws Exception {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        long end = start + roundMillis * 1_000_000;
        int n = 0;
        int pages;
        long now;
        do {
            ParsedReport read = ReportReader.read(bytes, name, ReadOptions.none());
            pages = read.scan() == null ? 0 : read.scan().pages().size();
            n++;
            now = System.nanoTime();
        } while (now < end);
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        return new Round(n / ((now - start) / 1e9), pages, pages == 0 ? 0 : cpuSeconds / n / pages);
    }
}
