package app.nianbao.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The DuckDB file is held by another process: DuckDB allows one writer process per file. */
public class StoreLockedException extends RuntimeException {

    private static final Pattern PID = Pattern.compile("PID (\\d+)");
    private static final Pattern FILE = Pattern.compile("lock on file \"([^\"]+)\"");

    public StoreLockedException(Path file, String holder) {
        super(("数据库文件 %s 正被另一个进程%s占用（DuckDB 只允许一个进程打开）。请先停止正在运行的服务器，或改用网页上的导入。"
                + " / The store %s is held by another process%s (DuckDB allows one process per file): stop the server or use the web import.")
                .formatted(file, holder.isEmpty() ? "" : "（PID " + holder + "）", file, holder.isEmpty() ? "" : " (PID " + holder + ")"));
    }

    /** Recognises DuckDB's lock error anywhere in a cause chain; the file it names wins over the one given. */
    public static Optional<StoreLockedException> from(Path file, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StoreLockedException locked) {
                return Optional.of(locked);
            }
            if (t instanceof SQLException && t.getMessage() != null && t.getMessage().contains("Could not set lock")) {
                Matcher pid = PID.matcher(t.getMessage());
                Matcher named = FILE.matcher(t.getMessage());
                return Optional.of(new StoreLockedException(named.find() ? Path.of(named.group(1)) : file,
                        pid.find() ? pid.group(1) : ""));
            }
        }
        return Optional.empty();
    }
}
