package app.nianbao.report;

/** Where an auditor's review of a finding stands. */
public enum ReviewStatus {
    OPEN("待审", "open"), CONFIRMED("已确认", "confirmed"), DISMISSED("已排除", "dismissed");

    private final String zh;
    private final String code;

    ReviewStatus(String zh, String code) {
        this.zh = zh;
        this.code = code;
    }

    public String zh() {
        return zh;
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
