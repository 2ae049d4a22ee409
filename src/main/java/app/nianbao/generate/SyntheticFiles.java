package app.nianbao.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import app.nianbao.parse.Published;

/**
 * Writes generated reports as files for the import path: each agency's years alternate between
 * text in the layout of a real report and an HTML page, named by agency number and year.
 */
public final class SyntheticFiles {

    private SyntheticFiles() {
    }

    public record Written(int agencies, int files, List<InjectedError> errors) {
    }

    public static Written generate(Path folder, GenerateOptions options, IntConsumer progress) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<InjectedError> errors = new ArrayList<>();
        int[] counts = new int[2];
        new Generator(options).forEach(generated -> {
            SyntheticAgency agency = generated.agency();
            for (int i = 0; i < generated.reports().size(); i++) {
                int year = generated.firstYear() + i;
                boolean html = (agency.index() + i) % 2 == 1;
                String name = "%06d_%d.%s".formatted(agency.index(), year, html ? "html" : "txt");
                Published published = SyntheticStore.published(agency, year, options.seed());
                String content = html ? ReportText.html(agency.name(), year, generated.reports().get(i), published)
                        : ReportText.render(agency.name(), year, generated.reports().get(i), published);
                try {
                    Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                counts[1]++;
            }
            errors.addAll(generated.errors());
            if (++counts[0] % SyntheticStore.BATCH == 0) {
                progress.accept(counts[0]);
            }
        });
        progress.accept(counts[0]);
        return new Written(counts[0], counts[1], errors);
    }
}
