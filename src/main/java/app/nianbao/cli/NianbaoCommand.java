package app.nianbao.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line in the server's jar: `java -jar nianbao.jar <command>`. Runs without the web server. */
@Command(name = "nianbao", mixinStandardHelpOptions = true, version = "nianbao 0.1",
        description = {"年报 Nianbao — 政府信息公开工作年度报告的读取、检查与分析。",
                "Without a command the jar starts the web server (Spring Boot arguments such as --server.port=8081 apply)."},
        subcommands = {ParseCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done (findings or not)",
                "  1  done, but some files failed (import)",
                "  2  bad arguments, or the input is not a readable report",
                "  3  the store cannot be opened (e.g. the server holds it)"})
public class NianbaoCommand implements Runnable {

    public static final int OK = 0;
    public static final int SOME_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int STORE_UNAVAILABLE = 3;

    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version", "help");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A first argument that is a word (not a Spring `--name=value`) or a help flag is a command. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || HELP.contains(args[0]));
    }

    public static int run(String[] args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new NianbaoCommand());
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("错误 / error: " + ex.getMessage());
            return ex instanceof app.nianbao.store.StoreLockedException ? STORE_UNAVAILABLE : BAD_INPUT;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
