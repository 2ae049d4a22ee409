package app.nianbao.collect;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.nianbao.security.SystemIdentity;

/**
 * Collects the remembered sources again on the schedule {@code nianbao.collect.cron} sets (a
 * Spring cron expression, e.g. {@code 0 0 3 * * *} for 3 a.m. daily); off when it is not set.
 */
@Component
class CollectSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(CollectSchedule.class);

    private final CollectService collector;

    CollectSchedule(CollectService collector) {
        this.collector = collector;
    }

    @Scheduled(cron = "${nianbao.collect.cron:-}")
    void collectAgain() {
        if (collector.running()) {
            LOG.info("上一次采集尚未结束，本次跳过 / the last collection is still running: skipped");
            return;
        }
        List<Sources.Source> sources = collector.remembered();
        LOG.info("采集 / collecting {} remembered sources", sources.size());
        List<CollectService.Result> results = SystemIdentity.call(() -> collector.collect(sources, r -> {
            if (r.outcome() == CollectService.Outcome.FAILED || r.outcome() == CollectService.Outcome.REFUSED) {
                LOG.warn("采集失败 / collecting {} failed: {}", r.url(), r.detail());
            }
        }));
        LOG.info("采集完成 / collected: {}", CollectService.tally(results));
    }
}
