package app.nianbao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Codebook;
import app.nianbao.figures.ReviewStatus;
import app.nianbao.imports.Archives;
import app.nianbao.imports.ImportOutcome;
import app.nianbao.imports.ImportPace;
import app.nianbao.imports.ImportService;
import app.nianbao.imports.ImportSummary;
import app.nianbao.imports.ReportFiles;
import app.nianbao.parse.ReadOptions;
import app.nianbao.parse.ReportJson;
import app.nianbao.store.Store;

@Command(name = "import", description = {"把年报文件（或文件夹）导入数据库。",
        "Imports report files and folders (recursively): each file lands whole or not at all."})
class ImportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "files and folders")
    List<Path> paths;

    @Option(names = "--agency", description = "agency of every file, instead of the title's")
    String agency;

    @Option(names = "--year", description = "reporting year of every file, instead of the title's")
    Integer year;

    @Option(names = "--max-bytes", description = "refuse larger files (default: ${DEFAULT-VALUE})")
    long maxBytes = ImportService.DEFAULT_MAX_BYTES;

    @Option(names = "--batch", description = "files per transaction: each batch lands whole or not at all (default: ${DEFAULT-VALUE})")
    int batch = ImportService.BATCH;

    @Option(names = "--json", description = "print the summary as one JSON object")
    boolean json;

    @Option(names = "--dry-run", description = {"store nothing: say for each file whether it is new, stored already or which stored "
            + "version it would replace, with every cell it would change (old → new)"})
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println("路径不存在 / no such path: " + p);
                return NianbaoCommand.BAD_INPUT;
            }
        }
        List<Path> files = ReportFiles.under(paths);
        if (dryRun) {
            return dryRun(files);
        }
        ImportSummary summary = new ImportSummary();
        try (Store opened = store.open()) {
            ImportService imports = StoreServices.over(opened.dsl()).imports(maxBytes);
            Progress progress = new Progress(err, files.size());
            imports.importFiles(files, new ReadOptions(agency, year, null), Math.max(1, batch), outcome -> {
                summary.add(outcome);
                progress.step(outcome);
            });
            progress.done();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ParseCommand.JSON.writeValueAsString(summary.toJson()));
        } else {
            out.println(summary.describe());
            summary.failures().forEach(f -> out.println("  失败 / failed  " + f.file() + ": " + f.reason()));
        }
        return summary.failures().isEmpty() ? NianbaoCommand.OK : NianbaoCommand.SOME_FAILED;
    }

    /**
     * What an import of these files would do, read in batches as the import reads them and
     * compared with the store, without writing: new, stored already, replacing a version (and
     * how), or unreadable with the reason.
     */
    private int dryRun(List<Path> files) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Object> all = new ArrayList<>();
        boolean failed = false;
        try (Store opened = store.open()) {
            ImportService imports = StoreServices.over(opened.dsl()).imports(maxBytes);
            for (int from = 0; from < files.size(); from += Math.max(1, batch)) {
                List<Archives.Entry> entries = new ArrayList<>();
                for (Path file : files.subList(from, Math.min(files.size(), from + Math.max(1, batch)))) {
                    entries.add(new Archives.Entry(file.toString(), Files.readAllBytes(file)));
                }
                for (ImportService.Preview preview : imports.previewAll(entries, new ReadOptions(agency, year, null))) {
                    failed |= preview.failure() != null;
                    all.add(dryRunJson(preview));
                    if (!json) {
                        out.println(dryRunLine(preview));
                        if (preview.replaces() != null) {
                            preview.replaces().changes().forEach(c -> out.println("    %s %s: %s → %s".formatted(c.cell(), cellName(c.cell()),
                                    number(c.before()), number(c.after()))));
                            preview.replaces().appeared().forEach(f -> out.println("    + [%s %s] %s".formatted(f.rule(), f.severity().code(),
                                    f.message())));
                            preview.replaces().gone().forEach(f -> out.println("    - [%s %s] %s%s".formatted(f.finding().rule(),
                                    f.finding().severity().code(), f.finding().message(), ReviewStatus.OPEN.code().equals(f.reviewStatus()) ? ""
                                            : "（%s 的审核将不再适用 / %s's review will no longer apply）".formatted(f.reviewedBy(), f.reviewedBy()))));
                        }
                    }
                }
            }
        }
        if (json) {
            out.println(ParseCommand.JSON.writeValueAsString(Map.of("dry_run", true, "files", all)));
        }
        return failed ? NianbaoCommand.SOME_FAILED : NianbaoCommand.OK;
    }

    private static String dryRunLine(ImportService.Preview p) {
        if (p.alreadyStored()) {
            return "  未变 / unchanged  " + p.file() + ": 已导入过 / stored already";
        }
        if (p.failure() != null) {
            return "  失败 / failed  " + p.file() + ": " + p.failure();
        }
        if (p.replaces() == null) {
            return "  新增 / new  " + p.file() + ": %s %s".formatted(p.report().agency(), p.report().year());
        }
        return "  新版本 / replaces  %s: %s %s 第 %d 版 / version %d, %d 个单元格不同 / cells differ".formatted(p.file(), p.report().agency(),
                p.report().year(), p.replaces().version(), p.replaces().version(), p.replaces().changes().size());
    }

    private static Map<String, Object> dryRunJson(ImportService.Preview p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.file());
        m.put("status", p.alreadyStored() ? "unchanged" : p.failure() != null ? "failed" : p.replaces() == null ? "new" : "replaces");
        if (p.failure() != null) {
            m.put("reason", p.failure());
        }
        if (p.report() != null) {
            m.put("agency", p.report().agency());
            m.put("year", p.report().year());
        }
        if (p.replaces() != null) {
            m.put("replaces_version", p.replaces().version());
            m.put("changes", p.replaces().changes().stream().map(c -> {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("cell", c.cell().toString());
                change.put("label", cellName(c.cell()));
                change.put("before", c.before());
                change.put("after", c.after());
                return change;
            }).toList());
            m.put("findings_appear", p.replaces().appeared().stream().map(ReportJson::finding).toList());
            m.put("findings_go", p.replaces().gone().stream().map(f -> new Gone(ReportJson.finding(f.finding()), f.reviewStatus())).toList());
        }
        return m;
    }

    /** A finding the new version would no longer have, with the review it carries. */
    private record Gone(@JsonUnwrapped ReportJson.FindingJson finding, String review) {
    }

    private static String cellName(CellCode cell) {
        return Codebook.get().cellName(cell, false);
    }

    private static String number(BigDecimal value) {
        return value == null ? "空白 / blank" : value.stripTrailingZeros().toPlainString();
    }

    /** A bar with files/s and the time left on a terminal; plain lines when the output goes to a file or a pipe. */
    private static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final boolean terminal = System.console() != null;
        private final ImportPace pace;
        private int done;

        Progress(PrintWriter err, int total) {
            this.err = err;
            this.total = total;
            this.pace = new ImportPace(total);
        }

        void step(ImportOutcome outcome) {
            ImportPace.Reading now = pace.at(++done);
            String speed = "%.0f files/s, %s left".formatted(now.filesPerSecond(), now.left().toString().substring(2).toLowerCase());
            if (terminal) {
                int width = 30;
                int filled = total == 0 ? width : done * width / total;
                err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " " + speed + "  ");
                err.flush();
            } else {
                err.println("[%d/%d] %s %s (%s)".formatted(done, total, outcome.status().name().toLowerCase(), outcome.file(), speed));
            }
        }

        void done() {
            if (terminal) {
                err.println();
            }
        }
    }
}
