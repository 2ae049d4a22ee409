package app.nianbao.imports;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * Web imports in the background, at most {@link #RUNNING} at a time: a batch of thousands of
 * files stores on the cores the readers need too, so a third import waits its turn instead of
 * taking them all. The rest of the server (the views, the API) keeps its own threads. Imports
 * were run on the JVM's common pool before, which the parallel readers of every upload share.
 */
@Component
public class ImportQueue {

    static final int RUNNING = 2;

    private final AtomicInteger threads = new AtomicInteger();
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(RUNNING, RUNNING, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            run -> {
                Thread thread = new Thread(run, "import-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    /** Runs an import when a place is free; answers how many imports wait before it (0: it starts now). */
    public int submit(Runnable importing) {
        synchronized (pool) {
            int ahead = Math.max(0, pool.getActiveCount() + pool.getQueue().size() - RUNNING + 1);
            // the import stores as whoever asked for it: method security reads the thread's context
            pool.execute(new DelegatingSecurityContextRunnable(importing));
            return ahead;
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }
}
