package app.nianbao.generate;

/** What to generate: how many agencies, which years, from which seed, with what share of spoiled reports. */
public record GenerateOptions(int agencies, int firstYear, int lastYear, long seed, double errorRate) {

    public GenerateOptions {
        if (agencies < 1) {
            throw new IllegalArgumentException("--agencies 至少为 1 / must be at least 1");
        }
        if (firstYear > lastYear || firstYear < 2019) {
            throw new IllegalArgumentException("年份范围须在 2019 年及以后 / years must run forward from 2019 or later: "
                    + firstYear + "-" + lastYear);
        }
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("--error-rate 须在 0 与 1 之间 / must lie between 0 and 1");
        }
    }

    public int years() {
        return lastYear - firstYear + 1;
    }
}
