package app.nianbao.parse;

/** What the caller knows better than the title: each null means "read it from the report". */
public record ReadOptions(String agency, Integer year, Format format) {

    public static ReadOptions none() {
        return new ReadOptions(null, null, null);
    }
}
