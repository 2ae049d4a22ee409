package app.nianbao.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import app.nianbao.store.Store;
import app.nianbao.store.StoreCopy;

@Command(name = "copy", description = {"把整个数据库复制到一个空的 PostgreSQL 数据库。",
        "Copies the whole store (--db FILE or --db-url) into an empty PostgreSQL store (--to-url): every table, every version,",
        "the users and the roll-ups, through COPY; one transaction, so a copy that fails leaves the target as it was."})
class CopyCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--to-url", required = true, paramLabel = "JDBC-URL", description = "the empty PostgreSQL store, e.g. jdbc:postgresql://localhost/nianbao")
    String toUrl;

    @Option(names = "--to-user", description = "user of --to-url")
    String toUser;

    @Option(names = "--to-password", description = "password of --to-url")
    String toPassword;

    @Option(names = "--json", description = "print the tables and their rows as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        List<StoreCopy.Copied> copied;
        try (Store from = store.open(); Store to = Store.connect(toUrl, toUser, toPassword)) {
            copied = StoreCopy.copy(from, to, table -> err.printf("%s: %,d 行 / rows%n", table.table(), table.rows()));
        } catch (IllegalArgumentException e) {
            err.println("错误 / error: " + e.getMessage());
            return NianbaoCommand.BAD_INPUT;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long rows = copied.stream().mapToLong(StoreCopy.Copied::rows).sum();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ParseCommand.JSON.writeValueAsString(Map.of("tables", copied, "rows", rows, "seconds", Math.round(seconds * 10) / 10.0)));
        } else {
            out.println("已复制 %d 张表、%,d 行，用时 %.1f 秒 / copied %d tables, %,d rows in %.1f s".formatted(copied.size(), rows, seconds,
                    copied.size(), rows, seconds));
        }
        return NianbaoCommand.OK;
    }
}
