package app.nianbao.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A line split into its label and the values that follow the label. */
record Row(Line line, String label, List<ValueToken> values) {

    static Row of(Line line) {
        List<String> cells = line.cells();
        List<ValueToken> trailing = new ArrayList<>();
        int lastLabel = cells.size() - 1;
        for (; lastLabel >= 0; lastLabel--) {
            Optional<ValueToken> token = ValueToken.read(cells.get(lastLabel));
            if (token.isEmpty()) {
                break;
            }
            trailing.add(token.get());
        }
        StringBuilder label = new StringBuilder();
        for (int i = 0; i <= lastLabel; i++) {
            label.append(cells.get(i));
        }
        Collections.reverse(trailing);
        return new Row(line, Lines.compact(label.toString()), trailing);
    }

    String source() {
        return line.source();
    }
}
