package app.nianbao.catalog;

/** The two report templates of the State Council General Office; see FORMAT.md. */
public enum Template {
    T2019("2019"),
    T2021("2021");

    private final String code;

    Template(String code) {
        this.code = code;
    }

    public String code() {
        return code;
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
