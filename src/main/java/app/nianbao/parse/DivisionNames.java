package app.nianbao.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The official names of China's administrative divisions, provinces to townships (GB/T 2260, from
 * the `china-division` package kept in resources/divisions), to correct an agency name that OCR or
 * a converter misread by one character: the division at the head of the name is looked up, and
 * where it is no division but exactly one division differs from it in one character, that one is
 * meant. A name with no such unique neighbour stays as printed.
 */
final class DivisionNames {

    private static final String[] FILES = {"provinces.csv", "cities.csv", "areas.csv", "streets.csv"};
    /** Where a division's name ends inside an agency's name. */
    private static final String ENDINGS = "省市县区旗镇乡盟州";

    private static final DivisionNames INSTANCE = load();

    private final Set<String> names;
    /** Each name with one character masked, to the names that give that mask. */
    private final Map<String, List<String>> masked = new HashMap<>();

    private DivisionNames(Set<String> names) {
        this.names = names;
        for (String name : names) {
            for (int i = 0; i < name.length(); i++) {
                masked.computeIfAbsent(mask(name, i), k -> new ArrayList<>(1)).add(name);
            }
        }
    }

    static DivisionNames get() {
        return INSTANCE;
    }

    /**
     * The agency name with the first division in it that is no official name corrected to the
     * official name it misspells by one character — the one whose character looks most like the
     * printed one, clearly more than any other — if there is one; the official names before it
     * (江苏省宿迁市…) are passed over.
     */
    Optional<String> corrected(String agency) {
        int start = 0;
        for (int next = official(agency, start); next > start; next = official(agency, start)) {
            start = next;
        }
        for (int end = Math.min(agency.length(), start + 12); end >= start + 2; end--) {
            if (ENDINGS.indexOf(agency.charAt(end - 1)) < 0) {
                continue;
            }
            String head = agency.substring(start, end);
            Optional<String> meant = lookalike(head);
            if (meant.isPresent()) {
                return Optional.of(agency.substring(0, start) + meant.get() + agency.substring(end));
            }
        }
        return Optional.empty();
    }

    /** Of the names one character away from head, the one whose differing character looks like head's, unmistakably. */
    private Optional<String> lookalike(String head) {
        Set<String> near = new HashSet<>();
        for (int i = 0; i < head.length(); i++) {
            near.addAll(masked.getOrDefault(mask(head, i), List.of()));
        }
        return LookalikeNames.likeliest(head, near);
    }

    /** Where the longest official division name starting at {@code start} ends, or start if none does. */
    private int official(String agency, int start) {
        for (int end = Math.min(agency.length(), start + 12); end >= start + 2; end--) {
            if (ENDINGS.indexOf(agency.charAt(end - 1)) >= 0 && names.contains(agency.substring(start, end))) {
                return end;
            }
        }
        return start;
    }

    private static String mask(String name, int at) {
        return name.substring(0, at) + '\u0000' + name.substring(at + 1);
    }

    private static DivisionNames load() {
        Set<String> names = new HashSet<>();
        for (String file : FILES) {
            try (InputStream in = DivisionNames.class.getResourceAsStream("/divisions/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing /divisions/" + file);
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                lines.readLine();
                for (String line; (line = lines.readLine()) != null; ) {
                    int open = line.indexOf('"');
                    String name = line.substring(open + 1, line.indexOf('"', open + 1));
                    // "市辖区" and "县" group counties under a city; they name no one
                    if (name.length() >= 2 && !name.equals("市辖区")) {
                        names.add(name);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DivisionNames(names);
    }
}
