package app.nianbao.catalog;

/** The two report templates of the State Council General Office; see FORMAT.md. */
public enum Template {
    T2019("2019"),
    T2021("2021");

    /** Reports are for a calendar year; 2019 is the first year either template covers. */
    public static final int FIRST_YEAR = 2019;

    /** The 2019 template served through the reports on 2020; the 2021 template from the reports on 2021. */
    private static final int LAST_YEAR_OF_2019_TEMPLATE = 2020;

    private final String code;

    Template(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The template a report on {@code year} is written in. */
    public static Template forYear(int year) {
        return year <= LAST_YEAR_OF_2019_TEMPLATE ? T2019 : T2021;
    }

    public static Template ofCode(String code) {
        for (Template t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown template " + code);
    }
}
