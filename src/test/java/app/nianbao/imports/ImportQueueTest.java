package app.nianbao.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ImportQueueTest {

    @Test
    void two_imports_run_at_once_and_the_next_ones_are_told_how_many_go_first() throws Exception {
        ImportQueue queue = new ImportQueue();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch bothRunning = new CountDownLatch(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch allDone = new CountDownLatch(4);
        Runnable importing = () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            bothRunning.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            allDone.countDown();
        };
        try {
            int first = queue.submit(importing);
            int second = queue.submit(importing);
            assertThat(bothRunning.await(10, TimeUnit.SECONDS)).isTrue();
            int third = queue.submit(importing);
            int fourth = queue.submit(importing);
            release.countDown();

            assertThat(List.of(first, second, third, fourth)).containsExactly(0, 0, 1, 2);
            assertThat(allDone.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(mostAtOnce.get()).isEqualTo(ImportQueue.RUNNING);
        } finally {
            queue.stop();
        }
    }
}
