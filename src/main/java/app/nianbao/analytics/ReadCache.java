package app.nianbao.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.nianbao.store.StoreWrites;

/**
 * Answers to identical questions, shared between the users asking them within a minute: a team
 * opening the same national charts asks the store once. Each answer is filed under the
 * {@link StoreWrites#generation()} it was read at, so any write the store commits outdates every
 * answer at once; concurrent askers of one question wait for the first instead of all reading.
 * Bounded by rows held (a national comparison weighs its 100,000 agencies), not by entries.
 */
@Component
public class ReadCache {

    static final long MAX_ROWS = 500_000;

    private final StoreWrites writes;
    private final Cache<List<Object>, Object> answers;
    private final ThreadLocal<Boolean> answering = ThreadLocal.withInitial(() -> false);

    /** {@code nianbao.analytics.cache-seconds}: how long an answer is kept; 0 asks the store every time. */
    @Autowired
    public ReadCache(StoreWrites writes, @Value("${nianbao.analytics.cache-seconds:60}") int seconds) {
        this.writes = writes;
        this.answers = seconds <= 0 ? null : Caffeine.newBuilder().maximumWeight(MAX_ROWS)
                .weigher((List<Object> key, Object value) -> rows(value)).expireAfterWrite(Duration.ofSeconds(seconds)).build();
    }

    private ReadCache() {
        this.writes = null;
        this.answers = null;
    }

    /** No caching: for benchmarks and tools that time the store itself. */
    static ReadCache none() {
        return new ReadCache();
    }

    @SuppressWarnings("unchecked")
    <T> T get(List<Object> question, Supplier<T> read) {
        // a question asked while answering another is answered directly: the cache computes one answer at a time per thread
        if (answers == null || answering.get()) {
            return read.get();
        }
        List<Object> filed = new ArrayList<>(question);
        filed.add(writes.generation());
        return (T) answers.get(filed, k -> {
            answering.set(true);
            try {
                return read.get();
            } finally {
                answering.set(false);
            }
        });
    }

    /** About how many rows an answer holds, to bound the memory answers take. */
    private static int rows(Object value) {
        if (value instanceof Collection<?> c) {
            return 1 + c.stream().mapToInt(ReadCache::rows).sum();
        }
        if (value instanceof Map<?, ?> m) {
            return 1 + m.size();
        }
        if (value instanceof AnalyticsService.Series s) {
            return 1 + s.points().size();
        }
        if (value instanceof AnalyticsService.Comparison c) {
            return 1 + 2 * c.agencies().size();
        }
        if (value instanceof AnalyticsService.Contributions c) {
            return 1 + c.rows().size();
        }
        return value instanceof Mix m ? 1 + m.years().size() : 1;
    }
}
