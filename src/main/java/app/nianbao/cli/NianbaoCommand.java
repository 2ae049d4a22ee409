package app.nianbao.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.flywaydb.core.api.FlywayException;
import org.jooq.exception.DataAccessException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import app.nianbao.store.Causes;
import app.nianbao.store.StoreLockedException;

/** The command line in the server's jar: `java -jar nianbao.jar <command>`. Runs without the web server. */
@Command(name = "nianbao", mixinStandardHelpOptions = true, version = "nianbao 0.1", scope = CommandLine.ScopeType.INHERIT,
        description = {"年报 Nianbao — 政府信息公开工作年度报告的读取、检查与分析。",
                "Without a command the jar starts the web server (Spring Boot arguments such as --server.port=8081 apply)."},
        subcommands = {ParseCommand.class, ImportCommand.class, CheckCommand.class, RosterCommand.class, CollectCommand.class, GenerateCommand.class,
                CopyCommand.class, BenchCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done (findings or not)",
                "  1  done, but some files failed (import) or some URLs failed or were refused (collect)",
                "  2  bad arguments, or the input is not a readable report",
                "  3  the store cannot be opened or refused a write (e.g. the server holds it, a read-only file)"})
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
        quietLogging();
        return commandLine().execute(args);
    }

    /** stdout belongs to the command's output (JSON for scripts); libraries may only warn, on stderr. */
    private static void quietLogging() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger{0}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("org.apache.pdfbox").setLevel(Level.ERROR);
        context.getLogger("org.apache.poi.hwpf").setLevel(Level.ERROR);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new NianbaoCommand());
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("错误 / error: " + ex.getMessage());
            return storeFailure(ex) ? STORE_UNAVAILABLE : BAD_INPUT;
        });
        return cli;
    }

    /** The store could not be opened or refused a write (locked, read-only, full, the server gone): not the caller's arguments. */
    static boolean storeFailure(Throwable ex) {
        return Causes.of(ex).anyMatch(t -> t instanceof StoreLockedException
                || t instanceof SQLException || t instanceof DataAccessException
                || t instanceof FlywayException);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
