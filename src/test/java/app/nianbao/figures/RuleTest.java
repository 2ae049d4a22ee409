package app.nianbao.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class RuleTest {

    @Test
    void the_readme_table_lists_every_rule_of_the_catalogue_and_no_other() throws IOException {
        Set<String> listed = new LinkedHashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| ([RP]\\d{1,2}) \\|").matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            listed.add(row.group(1));
        }

        assertThat(listed).containsExactlyInAnyOrderElementsOf(Arrays.stream(Rule.values()).map(Rule::id).toList());
    }

    @Test
    void every_rule_has_a_name_in_both_languages_and_an_unknown_id_is_none() {
        assertThat(Rule.values()).allSatisfy(rule -> {
            assertThat(rule.label(false)).isNotBlank().containsPattern("\\p{IsHan}");
            assertThat(rule.label(true)).isNotBlank().doesNotContainPattern("\\p{IsHan}");
        });
        assertThat(Rule.of("P9")).contains(Rule.P9);
        assertThat(Rule.of("R99")).isEmpty();
        assertThat(Rule.P2.fromReader()).isTrue();
        assertThat(Rule.R8.fromReader()).isFalse();
    }
}
