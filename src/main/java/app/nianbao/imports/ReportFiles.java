package app.nianbao.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The report files under the paths a user names: folders recursively, in a stable order. */
public final class ReportFiles {

    private ReportFiles() {
    }

    public static List<Path> under(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(f -> isCandidate(f.getFileName().toString())).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /** Hidden files, READMEs and the expected figures that sit beside samples are not reports (other Markdown may be). */
    static boolean isCandidate(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return !name.startsWith(".") && !name.endsWith(".expected.json") && !name.equalsIgnoreCase("README.md");
    }
}
