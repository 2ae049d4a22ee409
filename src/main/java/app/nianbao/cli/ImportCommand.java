package app.nianbao.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import app.nianbao.imports.ImportOutcome;
import app.nianbao.imports.ImportService;
import app.nianbao.imports.ImportSummary;
import app.nianbao.imports.ReportFiles;
import app.nianbao.parse.ReadOptions;
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
        ImportSummary summary = new ImportSummary();
        try (Store opened = store.open()) {
            ImportService imports = new ImportService(opened.dsl(), maxBytes);
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

    /** A bar with files/s and the time left on a terminal; plain lines when the output goes to a file or a pipe. */
    private static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final boolean terminal = System.console() != null;
        private final app.nianbao.imports.ImportPace pace;
        private int done;

        Progress(PrintWriter err, int total) {
            this.err = err;
            this.total = total;
            this.pace = new app.nianbao.imports.ImportPace(total);
        }

        void step(ImportOutcome outcome) {
            app.nianbao.imports.ImportPace.Reading now = pace.at(++done);
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
