package app.nianbao.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import app.nianbao.parse.Format;
import app.nianbao.parse.ParsedReport;
import app.nianbao.parse.ReadOptions;
import app.nianbao.parse.ReportJson;
import app.nianbao.parse.ReportReader;
import app.nianbao.parse.UnreadableReportException;

@Command(name = "parse", description = {"读取一份年报并输出 JSON（不写入数据库）。",
        "Reads one report (text, HTML or PDF) and prints its figures and findings as one JSON object."})
class ParseCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the report file")
    Path file;

    @Option(names = "--agency", description = "agency name, instead of the one in the title")
    String agency;

    @Option(names = "--year", description = "reporting year, instead of the one in the title")
    Integer year;

    @Option(names = "--format", description = "text, html or pdf (default: read from the content)")
    String format;

    @Option(names = "--json", description = "JSON output (the only output of parse; accepted for symmetry)")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Format chosen = null;
        if (format != null) {
            chosen = Format.ofCode(format).orElse(null);
            if (chosen == null) {
                spec.commandLine().getErr().println("未知格式 / unknown format: " + format + " (text|html|pdf)");
                return NianbaoCommand.BAD_INPUT;
            }
        }
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("文件不存在 / no such file: " + file);
            return NianbaoCommand.BAD_INPUT;
        }
        try {
            ParsedReport report = ReportReader.read(Files.readAllBytes(file), file.getFileName().toString(),
                    new ReadOptions(agency, year, chosen));
            spec.commandLine().getOut().println(JSON.writeValueAsString(ReportJson.of(report)));
            return NianbaoCommand.OK;
        } catch (UnreadableReportException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return NianbaoCommand.BAD_INPUT;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            spec.commandLine().getErr().println(UnreadableReportException.reasonOf(e));
            return NianbaoCommand.BAD_INPUT;
        }
    }
}
