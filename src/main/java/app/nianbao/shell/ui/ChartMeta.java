package app.nianbao.shell.ui;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a chart needs beyond its Chart.js options, which are JSON and so cannot hold the
 * callbacks that frontend/nianbao-chart.js builds from this: the unit a tooltip appends ("%"),
 * tooltip lines for the points of some datasets (index → one line per point: the agency a funnel
 * point is), whether the legend shows each label once, the chart's accessible name, and the id
 * of the element that describes it to a screen reader.
 */
public record ChartMeta(String unit, Map<Integer, List<String>> pointLabels, boolean uniqueLegend, String label, String describedBy) {

    public static final ChartMeta NONE = new ChartMeta("", Map.of(), false, "", "");

    public ChartMeta(String unit, Map<Integer, List<String>> pointLabels, boolean uniqueLegend, String label) {
        this(unit, pointLabels, uniqueLegend, label, "");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ChartMeta unit(String unit) {
        return new ChartMeta(unit, Map.of(), false, "");
    }

    public ChartMeta withLabel(String label) {
        return new ChartMeta(unit, pointLabels, uniqueLegend, label, describedBy);
    }

    public ChartMeta describedBy(String id) {
        return new ChartMeta(unit, pointLabels, uniqueLegend, label, id);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
