package app.nianbao.store;

import static app.nianbao.store.jooq.Tables.STORE_PROBE;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The store's health as an import sees it: it is up while a write commits. Reading alone says
 * nothing of a disk remounted read-only, which the default database check (a query) passes. The
 * probe rewrites one row, at most once per {@link #EVERY}, so that a monitor polling each second
 * writes no more than that; the answer turns DOWN (HTTP 503 on {@code /actuator/health}) within
 * that time of the store refusing writes and UP again within it of the store taking them.
 */
@Component("store")
public class StoreHealth implements HealthIndicator {

    static final Duration EVERY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(StoreHealth.class);

    private final DSLContext dsl;
    private Instant probedAt = Instant.MIN;
    private Health last;

    public StoreHealth(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public synchronized Health health() {
        Instant now = Instant.now();
        if (last == null || Duration.between(probedAt, now).compareTo(EVERY) >= 0) {
            Health probed = probe(now);
            if (last != null && !last.getStatus().equals(probed.getStatus())) {
                LOG.warn("store writes {}: {}", probed.getStatus(), probed.getDetails());
            }
            last = probed;
            probedAt = now;
        }
        return last;
    }

    private Health probe(Instant now) {
        try {
            dsl.transaction(tx -> tx.dsl().update(STORE_PROBE).set(STORE_PROBE.CHECKED_AT, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                    .where(STORE_PROBE.ID.eq(1)).execute());
            return Health.up().build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("write", Causes.rootMessage(e)).build();
        }
    }
}
