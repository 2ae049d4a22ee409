package app.nianbao.store;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns DuckDB's lock error at server start into a plain explanation instead of a stack trace. */
class StoreLockedFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        return StoreLockedException.from(Store.defaultPath(), cause)
                .map(locked -> new FailureAnalysis(locked.getMessage(),
                        "停止占用该文件的进程，或用 --nianbao.db.path=其他文件 启动 / stop the other process or start with --nianbao.db.path=OTHER_FILE",
                        cause))
                .orElse(null);
    }
}
