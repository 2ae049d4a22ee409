package app.nianbao.parse;

import java.util.ArrayList;
import java.util.List;

/** A line split into its label and the values that follow the label. */
record Row(Line line, String label, List<ValueToken> values) {

    static Row of(Line line) {
        List<String> cells = line.cells();
        int lastLabel = -1;
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (ValueToken.read(cells.get(i)).isEmpty()) {
                lastLabel = i;
                break;
            }
        }
        StringBuilder label = new StringBuilder();
        for (int i = 0; i <= lastLabel; i++) {
            label.append(cells.get(i));
        }
        List<ValueToken> values = new ArrayList<>();
        for (int i = lastLabel + 1; i < cells.size(); i++) {
            values.add(ValueToken.read(cells.get(i)).orElseThrow());
        }
        return new Row(line, Lines.compact(label.toString()), values);
    }

    long numberCount() {
        return values.stream().filter(ValueToken::isNumber).count();
    }

    String source() {
        return line.source();
    }
}
