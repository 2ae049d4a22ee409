package app.nianbao.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Codebook;
import app.nianbao.catalog.Template;
import app.nianbao.figures.Cell;
import app.nianbao.figures.Figures;

/**
 * The figures one agency reports over the years, consistent with every identity of the
 * template (R1–R4 per report, R5 and R6 across years). Shares follow the bundled real reports:
 * most applications come from natural persons; about half are granted in full or in part,
 * a quarter cannot be provided; one to two in a hundred end in an administrative review.
 */
final class ReportSimulator {

    private static final List<String> APPLICANTS = List.of("natural", "commercial", "research", "social", "legal", "other_org");
    private static final double[] APPLICANT_SHARES = {0.86, 0.07, 0.006, 0.006, 0.03, 0.028};
    private static final double CARRY_FORWARD = 0.05;
    /** Outcome groups and their shares of what is processed; rows within a group share its part. */
    private static final Map<String, Double> OUTCOME_SHARES = ordered("granted", 0.40, "partial", 0.12, "refused_", 0.05,
            "unable_", 0.26, "ignored_", 0.09, "other", 0.08);
    private static final List<String> T4_RESULTS = List.of("upheld", "corrected", "other", "pending");
    private static final double[] T4_SHARES = {0.62, 0.12, 0.18, 0.08};

    private static final Map<Template, OutcomeRows> OUTCOME_ROWS = Map.of(Template.T2019, OutcomeRows.of(Template.T2019),
            Template.T2021, OutcomeRows.of(Template.T2021));

    private final Random random;

    ReportSimulator(Random random) {
        this.random = random;
    }

    /** One report per year, in order; each year's carried-over figures are the previous year's carried-forward ones. */
    List<Figures> reports(SyntheticAgency agency, int firstYear, int lastYear) {
        List<Figures> reports = new ArrayList<>();
        double growth = 0.04 + 0.10 * random.nextGaussian();
        Map<String, Long> carried = null;
        Map<String, Long> inForce = null;
        for (int year = firstYear; year <= lastYear; year++) {
            Template template = Template.forYear(year);
            Figures figures = new Figures(template);
            double expected = agency.size() * Math.pow(1 + growth, year - firstYear) * Math.exp(0.25 * random.nextGaussian());
            long newApplications = Math.min(60_000, poisson(expected));
            Map<String, Long> newByApplicant = split(newApplications, APPLICANTS, APPLICANT_SHARES);
            if (carried == null) {
                carried = new LinkedHashMap<>();
                for (String a : APPLICANTS) {
                    carried.put(a, binomial(newByApplicant.get(a), CARRY_FORWARD));
                }
            }
            carried = table3(figures, newByApplicant, carried);
            table4(figures, newApplications);
            inForce = table2(figures, inForce);
            reports.add(figures);
        }
        return reports;
    }

    /** Fills table 3 and returns what is carried forward, per applicant column. */
    private Map<String, Long> table3(Figures figures, Map<String, Long> newByApplicant, Map<String, Long> carriedOver) {
        Map<String, Long> forward = new LinkedHashMap<>();
        Map<String, Map<String, Long>> byRow = new LinkedHashMap<>();
        for (String applicant : APPLICANTS) {
            long available = newByApplicant.get(applicant) + carriedOver.get(applicant);
            long carriedForward = binomial(available, CARRY_FORWARD);
            forward.put(applicant, carriedForward);
            Map<String, Long> outcomes = outcomes(figures.template(), available - carriedForward);
            outcomes.forEach((row, n) -> byRow.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(applicant, n));
            byRow.computeIfAbsent("new_received", r -> new LinkedHashMap<>()).put(applicant, newByApplicant.get(applicant));
            byRow.computeIfAbsent("carried_over", r -> new LinkedHashMap<>()).put(applicant, carriedOver.get(applicant));
            byRow.computeIfAbsent("total_processed", r -> new LinkedHashMap<>()).put(applicant, available - carriedForward);
            byRow.computeIfAbsent("carried_forward", r -> new LinkedHashMap<>()).put(applicant, carriedForward);
        }
        byRow.forEach((row, columns) -> {
            long total = 0;
            for (Map.Entry<String, Long> column : columns.entrySet()) {
                put(figures, "t3", row, column.getKey(), column.getValue());
                total += column.getValue();
            }
            put(figures, "t3", row, "total", total);
        });
        return forward;
    }

    /** Splits the processed applications of one column over the outcome rows of the template. */
    private Map<String, Long> outcomes(Template template, long processed) {
        OutcomeRows rows = OUTCOME_ROWS.get(template);
        return split(processed, rows.rows(), rows.shares());
    }

    /** The outcome rows of a template with their shares; a group's share is divided among its rows. */
    private record OutcomeRows(List<String> rows, double[] shares) {

        static OutcomeRows of(Template template) {
            List<String> rows = Codebook.get().t3Rows(template).stream()
                    .filter(r -> OUTCOME_SHARES.keySet().stream().anyMatch(r::startsWith)).toList();
            double[] shares = new double[rows.size()];
            for (int i = 0; i < shares.length; i++) {
                String group = OUTCOME_SHARES.keySet().stream().filter(rows.get(i)::startsWith).findFirst().orElseThrow();
                shares[i] = OUTCOME_SHARES.get(group) / rows.stream().filter(r -> r.startsWith(group)).count();
            }
            return new OutcomeRows(rows, shares);
        }
    }

    private void table4(Figures figures, long newApplications) {
        long reviews = binomial(newApplications, 0.015);
        long direct = binomial(newApplications, 0.008);
        long afterReview = binomial(reviews, 0.25);
        for (Map.Entry<String, Long> group : ReportSimulator.<Long>ordered("review", reviews, "suit_direct", direct,
                "suit_after_review", afterReview).entrySet()) {
            split(group.getValue(), T4_RESULTS, T4_SHARES).forEach((result, n) -> put(figures, "t4", group.getKey(), result, n));
            put(figures, "t4", group.getKey(), "total", group.getValue());
        }
    }

    /** Table 2 with in_force(N) = in_force(N−1) + issued − repealed for the 2021 template (R6). */
    private Map<String, Long> table2(Figures figures, Map<String, Long> previousInForce) {
        Map<String, Long> inForce = new LinkedHashMap<>();
        for (var row : Codebook.get().t2(figures.template()).entrySet()) {
            long issued = poisson(row.getKey().equals("normative_docs") ? 3 : 0.4);
            long base = previousInForce != null && previousInForce.containsKey(row.getKey())
                    ? previousInForce.get(row.getKey()) : poisson(row.getKey().equals("normative_docs") ? 25 : 4);
            long repealed = binomial(base, 0.05);
            for (String col : row.getValue()) {
                if (col.equals("amount_10k_yuan") || col.equals("amount")) {
                    figures.put(Cell.number(new CellCode("t2", row.getKey(), col),
                            BigDecimal.valueOf(Math.round(Math.exp(2 + 1.5 * random.nextGaussian()) * 100), 2), null, null));
                    continue;
                }
                long value = switch (col) {
                    case "issued", "new_made", "new_published" -> issued;
                    case "repealed" -> repealed;
                    case "in_force" -> base + issued - repealed;
                    case "total_published" -> base + issued;
                    case "change" -> poisson(1) - poisson(1);
                    default -> poisson(row.getKey().equals("licensing") ? 300 : 40);
                };
                if (col.equals("in_force")) {
                    inForce.put(row.getKey(), value);
                }
                put(figures, "t2", row.getKey(), col, value);
            }
        }
        return inForce;
    }

    private Map<String, Long> split(long n, List<String> names, double[] shares) {
        Map<String, Long> parts = new LinkedHashMap<>();
        long left = n;
        double shareLeft = 1;
        double sum = 0;
        for (double s : shares) {
            sum += s;
        }
        for (int i = 0; i < names.size(); i++) {
            long part = i == names.size() - 1 ? left : binomial(left, Math.min(1, shares[i] / sum / shareLeft));
            parts.put(names.get(i), part);
            left -= part;
            shareLeft -= shares[i] / sum;
        }
        return parts;
    }

    private long binomial(long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (n < 40) {
            long k = 0;
            for (long i = 0; i < n; i++) {
                if (random.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        double mean = n * p;
        return Math.max(0, Math.min(n, Math.round(mean + Math.sqrt(mean * (1 - p)) * random.nextGaussian())));
    }

    private long poisson(double mean) {
        if (mean > 50) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** A map in the order written: Map.of iterates in an order that changes between runs, and so would the data. */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }

    private static void put(Figures figures, String table, String row, String col, long value) {
        figures.put(Cell.number(new CellCode(table, row, col), BigDecimal.valueOf(value), null, null));
    }
}
