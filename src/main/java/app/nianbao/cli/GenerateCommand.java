package app.nianbao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import app.nianbao.generate.GenerateOptions;
import app.nianbao.generate.InjectedError;
import app.nianbao.generate.SyntheticFiles;
import app.nianbao.generate.SyntheticStore;
import app.nianbao.store.Store;

@Command(name = "generate", description = {"生成模拟年报（机构名带“（模拟）”），直接写入数据库，或用 --out 写成文件。",
        "Generates synthetic reports (agency names end in （模拟）) that follow the template and every identity, "
                + "straight into the store (--db), or as text and HTML report files (--out DIR) for import; "
                + "with --error-rate a known share carries one logged defect."})
class GenerateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--agencies", required = true, paramLabel = "N", description = "reporting units to generate")
    int agencies;

    @Option(names = "--years", paramLabel = "FROM-TO", description = "reporting years (default: ${DEFAULT-VALUE})")
    String years = "2019-2025";

    @Option(names = "--seed", description = "the same seed gives the same data (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--error-rate", paramLabel = "R", description = "share of reports given one defect, 0–1 (default: ${DEFAULT-VALUE})")
    double errorRate;

    @Option(names = "--out", paramLabel = "DIR", description = "write report files (text and HTML, alternating) instead of the store")
    Path out;

    @Option(names = "--json", description = "print the summary as one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String[] range = years.split("-");
        GenerateOptions options = new GenerateOptions(agencies, Integer.parseInt(range[0].strip()),
                Integer.parseInt(range[range.length - 1].strip()), seed, errorRate);
        long start = System.nanoTime();
        if (out != null) {
            return writeFiles(options, err, start);
        }
        SyntheticStore.Written written;
        try (Store opened = store.open()) {
            written = SyntheticStore.generate(opened.connection(), options,
                    progress(err));
        }
        err.println();
        double seconds = (System.nanoTime() - start) / 1e9;
        Path errorLog = Path.of(store.db + ".injected-errors.csv");
        writeErrorLog(errorLog, written.errors());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("agencies", written.agencies());
        summary.put("reports", written.reports());
        summary.put("figures", written.figures());
        summary.put("findings", written.findings());
        summary.put("injected_errors", written.errors().size());
        summary.put("error_log", written.errors().isEmpty() ? null : errorLog.toString());
        summary.put("seconds", Math.round(seconds * 10) / 10.0);
        summary.put("reports_per_second", Math.round(written.reports() / seconds));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(summary));
        } else {
            out.printf("已生成 %,d 个机构、%,d 份报告、%,d 个单元格、%,d 条发现，用时 %.1f 秒（%,d 份/秒）%n",
                    written.agencies(), written.reports(), written.figures(), written.findings(), seconds, Math.round(written.reports() / seconds));
            out.printf("generated %,d agencies, %,d reports, %,d cells, %,d findings in %.1f s%n",
                    written.agencies(), written.reports(), written.figures(), written.findings(), seconds);
            if (!written.errors().isEmpty()) {
                out.printf("注入的错误 / injected defects: %,d → %s%n", written.errors().size(), errorLog);
            }
        }
        return NianbaoCommand.OK;
    }

    private int writeFiles(GenerateOptions options, PrintWriter err, long start) throws Exception {
        SyntheticFiles.Written written = SyntheticFiles.generate(out, options,
                progress(err));
        err.println();
        double seconds = (System.nanoTime() - start) / 1e9;
        // beside the folder, not in it: an import of the folder reads every file in it
        Path errorLog = Path.of(out.toString().replaceAll("/+$", "") + ".injected-errors.csv");
        writeErrorLog(errorLog, written.errors());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("agencies", written.agencies());
        summary.put("files", written.files());
        summary.put("folder", out.toString());
        summary.put("injected_errors", written.errors().size());
        summary.put("seconds", Math.round(seconds * 10) / 10.0);
        PrintWriter printer = spec.commandLine().getOut();
        printer.println(json ? new ObjectMapper().writeValueAsString(summary)
                : "已写出 %,d 个文件（%,d 个机构）到 %s / wrote %,d report files for %,d agencies to %s".formatted(written.files(),
                        written.agencies(), out, written.files(), written.agencies(), out));
        return NianbaoCommand.OK;
    }

    private IntConsumer progress(PrintWriter err) {
        return done -> err.printf("\r%,d / %,d 个机构 / agencies", done, agencies).flush();
    }

    /** The defects put into the data, one CSV row each, for measuring the checks' recall; nothing when there are none. */
    private static void writeErrorLog(Path file, List<InjectedError> errors) throws IOException {
        if (!errors.isEmpty()) {
            Files.writeString(file, "agency,year,kind,cell,original,injected\n"
                    + errors.stream().map(InjectedError::csv).collect(Collectors.joining("\n")) + "\n");
        }
    }
}
