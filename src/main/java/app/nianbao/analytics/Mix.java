package app.nianbao.analytics;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import app.nianbao.catalog.Metric;

/**
 * Parts of a whole per year, over one set of reports: the counts of the parts, their sum, and
 * the shares, which add up to 100 % of the sum. A year with no complete report has no shares.
 */
public record Mix(List<Metric> parts, List<Year> years) {

    /**
     * One year: the reports counted (every cell of every part given), those left out for a
     * blank, each part's count, and the template's own total over the same reports.
     */
    public record Year(int year, int reports, int excludedReports, List<Double> counts, Double reported, Set<String> templates) {

        /** The sum of the parts, the whole the shares are of; null when no report is complete. */
        public Double total() {
            return counts.stream().anyMatch(Objects::isNull) ? null : counts.stream().mapToDouble(Double::doubleValue).sum();
        }

        /** Each part as a fraction of the sum of the parts; null when there is no sum or it is 0. */
        public List<Double> shares() {
            Double total = total();
            return counts.stream().map(c -> total == null || total == 0 ? null : c / total).toList();
        }

        /** Whether the report's own total differs from the sum of its parts, which the table must say. */
        public boolean reportedDiffers() {
            Double total = total();
            return total != null && reported != null && Math.abs(total - reported) > 0.5;
        }
    }
}
