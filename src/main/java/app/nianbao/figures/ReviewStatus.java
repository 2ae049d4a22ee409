package app.nianbao.figures;

/** Where an auditor's review of a finding stands. */
public enum ReviewStatus {
    OPEN("open"), CONFIRMED("confirmed"), DISMISSED("dismissed");

    private final String code;

    ReviewStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ReviewStatus ofCode(String code) {
        for (ReviewStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
