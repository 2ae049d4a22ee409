package app.nianbao.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import app.nianbao.analytics.AnalyticsService.AgencyFigures;
import app.nianbao.analytics.AnalyticsService.Compared;
import app.nianbao.statistics.Funnel;

class FunnelSampleTest {

    /** A national-sized peer group: most agencies near a 30 % rate, fifty far above it. */
    private static List<Compared> peers(int count) {
        Random random = new Random(7);
        List<Funnel.Unit> units = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long n = 1 + (long) Math.exp(random.nextGaussian() * 1.5 + 3);
            double p = i < 50 ? 0.9 : 0.3;
            long events = 0;
            for (int k = 0; k < n; k++) {
                events += random.nextDouble() < p ? 1 : 0;
            }
            units.add(new Funnel.Unit("机构" + i, events, n));
        }
        Funnel funnel = Funnel.of(units);
        List<Compared> compared = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Funnel.Unit u = units.get(i);
            compared.add(new Compared(new AgencyFigures(i, u.name(), u.events(), u.n(), null), funnel.points().get(i), null));
        }
        return compared;
    }

    @Test
    void a_small_peer_group_is_drawn_whole() {
        List<Compared> peers = peers(500);

        FunnelSample.Drawn drawn = FunnelSample.of(peers, 3_000);

        assertThat(drawn.points()).isSameAs(peers);
        assertThat(drawn.notDrawn()).isZero();
    }

    @Test
    void a_national_peer_group_keeps_every_agency_outside_the_limits_and_thins_the_crowd_inside() {
        List<Compared> peers = peers(100_000);
        List<Compared> outside = peers.stream().filter(c -> c.point().outside95()).toList();

        FunnelSample.Drawn drawn = FunnelSample.of(peers, 3_000);

        assertThat(outside).hasSizeGreaterThanOrEqualTo(50);
        assertThat(drawn.points()).containsAll(outside);
        assertThat(drawn.points().size()).isLessThanOrEqualTo(outside.size() + FunnelSample.COLUMNS * FunnelSample.ROWS)
                .isLessThan(peers.size() / 5);
        assertThat(drawn.notDrawn()).isEqualTo(peers.size() - drawn.points().size());
        // drawn in the comparison's order, each agency once
        List<Long> ids = drawn.points().stream().map(c -> c.figures().agencyId()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }
}
