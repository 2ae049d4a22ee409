package app.nianbao.figures;

public enum Severity {
    ERROR, WARNING, INFO;

    public String code() {
        return name().toLowerCase();
    }

    public static Severity ofCode(String code) {
        return valueOf(code.toUpperCase());
    }
}
