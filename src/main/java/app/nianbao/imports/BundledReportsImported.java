package app.nianbao.imports;

/** Published once a fresh store has taken the bundled reports; {@code summary} is the import's own account of them. */
public record BundledReportsImported(String summary) {
}
