package app.nianbao.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import app.nianbao.Samples;
import app.nianbao.parse.UnreadableReportException;

public class ArchivesTest {

    private static final long MB = 1 << 20;

    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getValue() != null) {
                    zip.write(e.getValue());
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void a_zipped_folder_gives_its_report_files_labelled_by_path_without_folders_hidden_files_or_steps_outside() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("2023/", null);
        entries.put("2023/pingtan.html", Samples.bytes("2023_pingtan.html"));
        entries.put("__MACOSX/2023/._pingtan.html", new byte[] {0});
        entries.put("2023/.DS_Store", new byte[] {0});
        entries.put("../../etc/seed.txt", Samples.bytes(Samples.SEED));
        entries.put("C:\\reports\\x.txt", "x".getBytes(StandardCharsets.UTF_8));
        byte[] zip = zip(entries);

        assertThat(Archives.isArchive(zip)).isTrue();
        var files = Archives.unpack("reports.zip", zip, 50 * MB);

        assertThat(files).extracting(Archives.Entry::name)
                .containsExactly("reports.zip › 2023/pingtan.html", "reports.zip › etc/seed.txt", "reports.zip › reports/x.txt");
        assertThat(files.get(0).bytes()).isEqualTo(Samples.bytes("2023_pingtan.html"));
    }

    @Test
    void a_word_document_is_a_zip_but_not_an_archive_of_reports() throws Exception {
        byte[] docx = zip(Map.of("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
                "word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8)));

        assertThat(Archives.isArchive(docx)).isFalse();
        assertThat(Archives.isArchive(Samples.bytes(Samples.SEED))).isFalse();
    }

    @Test
    void an_entry_that_inflates_past_the_file_limit_refuses_the_archive_whatever_its_header_says() throws Exception {
        byte[] bomb = zip(Map.of("zeros.txt", new byte[(int) (3 * MB)]));
        assertThat(bomb.length).isLessThan(64 * 1024);

        assertThatThrownBy(() -> Archives.unpack("bomb.zip", bomb, MB))
                .isInstanceOf(UnreadableReportException.class).hasMessageContaining("zeros.txt").hasMessageContaining("1 MB");
    }

    @Test
    void the_whole_archive_may_inflate_to_ten_files_worth_at_most() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < Archives.TOTAL_FACTOR + 1; i++) {
            entries.put("r%02d.txt".formatted(i), new byte[(int) MB - 1]);
        }

        assertThatThrownBy(() -> Archives.unpack("many.zip", zip(entries), MB))
                .isInstanceOf(UnreadableReportException.class).hasMessageContaining("10 MB");
    }

    @Test
    void more_entries_than_a_province_publishes_refuse_the_archive() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i <= Archives.MAX_ENTRIES; i++) {
            entries.put("r" + i + ".txt", new byte[] {'x'});
        }

        assertThatThrownBy(() -> Archives.unpack("crowd.zip", zip(entries), MB))
                .isInstanceOf(UnreadableReportException.class).hasMessageContaining("20000");
    }

    @Test
    void an_archive_without_report_files_says_so() throws Exception {
        assertThatThrownBy(() -> Archives.unpack("empty.zip", zip(Map.of("a/", new byte[0])), MB))
                .isInstanceOf(UnreadableReportException.class).hasMessageContaining("没有年报文件");
    }
}
