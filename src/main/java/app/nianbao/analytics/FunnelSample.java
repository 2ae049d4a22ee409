package app.nianbao.analytics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import app.nianbao.analytics.AnalyticsService.Compared;

/**
 * The points of a funnel a browser can draw: a national peer group has 100,000 agencies, which
 * no canvas draws legibly or quickly. Every agency outside the 95 % limits is drawn (the ones the
 * plot is for); inside them, where points pile up, one agency stands for each cell of a grid over
 * log cases and rate, so the shape of the crowd stays and its count is said beside the chart.
 * Small groups are drawn whole.
 */
public final class FunnelSample {

    /** Cells across (log cases) and up (rate); a 1,400-pixel plot puts a cell every few pixels. */
    static final int COLUMNS = 240;
    static final int ROWS = 120;

    /** What is drawn, in the comparison's order, and how many agencies inside the limits are not. */
    public record Drawn(List<Compared> points, int notDrawn) {
    }

    private FunnelSample() {
    }

    public static Drawn of(List<Compared> agencies, int maxPoints) {
        if (agencies.size() <= maxPoints) {
            return new Drawn(agencies, 0);
        }
        double maxLog = agencies.stream().mapToDouble(c -> Math.log10(Math.max(1, c.point().unit().n()))).max().orElse(1);
        Set<Long> taken = new HashSet<>();
        List<Compared> drawn = new ArrayList<>();
        for (Compared c : agencies) {
            if (c.point().outside95()) {
                drawn.add(c);
                continue;
            }
            int column = (int) Math.min(COLUMNS - 1, Math.log10(Math.max(1, c.point().unit().n())) / Math.max(maxLog, 1e-9) * COLUMNS);
            int row = (int) Math.min(ROWS - 1, Math.max(0, c.point().rate()) * ROWS);
            if (taken.add((long) column * ROWS + row)) {
                drawn.add(c);
            }
        }
        return new Drawn(drawn, agencies.size() - drawn.size());
    }
}
