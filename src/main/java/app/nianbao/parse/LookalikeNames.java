package app.nianbao.parse;

import java.util.Collection;
import java.util.Optional;

/**
 * Which of some names a misread one was meant to be: of the names that differ from it in exactly
 * one character, the one whose character looks most like the printed one ({@link Glyphs}), at
 * least {@link Glyphs#LOOKALIKE} alike and clearly ({@link Glyphs#MARGIN}) more than any other.
 * Where no name is unmistakably meant, there is none.
 */
public final class LookalikeNames {

    private LookalikeNames() {
    }

    public static Optional<String> likeliest(String printed, Collection<String> names) {
        String best = null;
        double bestScore = 0;
        double second = 0;
        for (String name : names) {
            int at = onlyDifference(printed, name);
            if (at < 0) {
                continue;
            }
            double score = Glyphs.similarity(printed.charAt(at), name.charAt(at));
            if (score > bestScore) {
                second = bestScore;
                bestScore = score;
                best = name;
            } else if (score > second) {
                second = score;
            }
        }
        return best != null && bestScore >= Glyphs.LOOKALIKE && bestScore - second >= Glyphs.MARGIN ? Optional.of(best) : Optional.empty();
    }

    /** Where two names of one length differ, if in exactly one character; else -1. */
    static int onlyDifference(String a, String b) {
        if (a.length() != b.length()) {
            return -1;
        }
        int at = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (at >= 0) {
                    return -1;
                }
                at = i;
            }
        }
        return at;
    }
}
