package app.nianbao.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** What a zip holds, by name: how a Word document and an archive of reports are told apart. */
public final class ZipEntries {

    private ZipEntries() {
    }

    /** The entry names, or empty when the bytes are not a zip the zip reader understands. */
    public static Optional<List<String>> names(byte[] bytes) {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
            return Optional.of(names);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
