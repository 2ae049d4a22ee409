package app.nianbao.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import app.nianbao.parse.Format;
import app.nianbao.parse.ReadOptions;
import app.nianbao.parse.ReportReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = {"性能基准：读取年报的速度。",
        "Benchmarks: reports read per second per format, on one thread, median and p95 over rounds."})
class BenchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "WHAT", defaultValue = "parse", description = "what to measure: parse")
    String what;

    @Option(names = "--dir", description = "folder of report files (default: ${DEFAULT-VALUE})")
    java.nio.file.Path dir = java.nio.file.Path.of("data/reports");

    @Option(names = "--rounds", description = "measured rounds per file (default: ${DEFAULT-VALUE})")
    int rounds = 15;

    @Option(names = "--round-millis", description = "length of one round (default: ${DEFAULT-VALUE})")
    long roundMillis = 400;

    @Option(names = "--json", description = "print the figures as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!"parse".equals(what)) {
            spec.commandLine().getErr().println("未知基准 / unknown benchmark: " + what + " (parse)");
            return NianbaoCommand.BAD_INPUT;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (java.nio.file.Path file : app.nianbao.imports.ReportFiles.under(List.of(dir))) {
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            String name = file.getFileName().toString();
            Format format = Format.sniff(bytes);
            double[] perSecond = measure(bytes, name);
            Arrays.sort(perSecond);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", name);
            row.put("format", format.code());
            row.put("kib", bytes.length / 1024);
            row.put("median_per_s", Math.round(perSecond[perSecond.length / 2]));
            // p95 of the time per report is the 5th percentile of the rate
            row.put("p95_ms", 1000.0 / perSecond[(int) Math.floor(perSecond.length * 0.05)]);
            rows.add(row);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ParseCommand.JSON.writeValueAsString(Map.of("parse", rows)));
        } else {
            out.printf("%-32s %-6s %8s %14s %10s%n", "file", "format", "KiB", "reports/s(med)", "p95 ms");
            for (Map<String, Object> r : rows) {
                out.printf("%-32s %-6s %8d %14d %10.2f%n", r.get("file"), r.get("format"), r.get("kib"),
                        r.get("median_per_s"), r.get("p95_ms"));
            }
        }
        return NianbaoCommand.OK;
    }

    /** Warm-up rounds first (the JIT), then the measured rounds, each as reports per second. */
    private double[] measure(byte[] bytes, String name) throws Exception {
        for (int i = 0; i < 5; i++) {
            round(bytes, name);
        }
        double[] rates = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            rates[i] = round(bytes, name);
        }
        return rates;
    }

    private double round(byte[] bytes, String name) throws Exception {
        long start = System.nanoTime();
        long end = start + roundMillis * 1_000_000;
        int n = 0;
        long now;
        do {
            ReportReader.read(bytes, name, ReadOptions.none());
            n++;
            now = System.nanoTime();
        } while (now < end);
        return n / ((now - start) / 1e9);
    }
}
