package app.nianbao.generate;

import app.nianbao.catalog.Template;

/** What to generate: how many agencies, which years, from which seed, with what share of spoiled reports. */
public record GenerateOptions(int agencies, int firstYear, int lastYear, long seed, double errorRate) {

    public GenerateOptions {
        if (agencies < 1) {
            throw new IllegalArgumentException("--agencies 至少为 1 / must be at least 1");
        }
        if (firstYear > lastYear || firstYear < Template.FIRST_YEAR) {
            throw new IllegalArgumentException("年份范围须在 2019 年及以后 / years must run forward from 2019 or later: "
                    + firstYear + "-" + lastYear);
        }
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("--error-rate 须在 0 与 1 之间 / must lie between 0 and 1");
        }
    }

    /** The years a national store holds today: seven, from the templates' first. */
    public static GenerateOptions sevenYears(int agencies, long seed, double errorRate) {
        return new GenerateOptions(agencies, Template.FIRST_YEAR, Template.FIRST_YEAR + 6, seed, errorRate);
    }

    public int years() {
        return lastYear - firstYear + 1;
    }
}
