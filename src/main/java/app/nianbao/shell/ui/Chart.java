package app.nianbao.shell.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

import elemental.json.Json;
import elemental.json.JsonArray;

/**
 * A Chart.js chart. The configuration is Chart.js JSON built with chartjs-java-model and handed
 * over as a property, never spliced into script; everything on the browser side lives in
 * frontend/nianbao-chart.js.
 */
@Tag("nianbao-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./nianbao-chart.js")
public class Chart extends Component implements HasSize {

    public Chart() {
        setWidthFull();
        setHeight("320px");
        getElement().getStyle().set("display", "block").set("position", "relative");
    }

    /** A picture only, named for screen readers, that the keyboard passes by: a sparkline inside a card that is a link. */
    public Chart staticPicture(String name) {
        getElement().setAttribute("data-static", true);
        getElement().setAttribute("data-name", name);
        return this;
    }

    /** Draws the chart this configuration describes, replacing the one shown. */
    public void show(software.xdev.chartjs.model.charts.Chart<?, ?, ?> config, boolean stacked) {
        show(config, stacked, ChartMeta.NONE.withLabel(getElement().getAttribute("data-name") == null ? "" : getElement().getAttribute("data-name")));
    }

    /** Draws the chart with what Chart.js JSON cannot carry: tooltip unit and lines, legend, accessible name. */
    public void show(software.xdev.chartjs.model.charts.Chart<?, ?, ?> config, boolean stacked, ChartMeta meta) {
        getElement().setProperty("stacked", stacked);
        getElement().setProperty("meta", meta.toJson());
        getElement().setProperty("config", config.toJson());
    }

    /** A note drawn at a label: its number in the list under the chart and its text (tooltip, keyboard). */
    public record Mark(int index, int number, String text) {
    }

    /** Draws these notes' flags over the chart (none: an empty list). */
    public void setMarks(List<Mark> marks) {
        JsonArray json = Json.createArray();
        for (Mark mark : marks) {
            elemental.json.JsonObject o = Json.createObject();
            o.put("index", mark.index());
            o.put("number", mark.number());
            o.put("text", mark.text());
            json.set(json.length(), o);
        }
        getElement().setProperty("marks", json.toJson());
    }

    /** A click on a point or bar: which label (index) of which dataset. */
    @DomEvent("point-click")
    public static class PointClickEvent extends ComponentEvent<Chart> {

        private final int index;
        private final int datasetIndex;

        public PointClickEvent(Chart source, boolean fromClient, @EventData("event.detail.index") int index,
                               @EventData("event.detail.datasetIndex") int datasetIndex) {
            super(source, fromClient);
            this.index = index;
            this.datasetIndex = datasetIndex;
        }

        public int index() {
            return index;
        }

        public int datasetIndex() {
            return datasetIndex;
        }
    }

    public Registration addPointClickListener(ComponentEventListener<PointClickEvent> listener) {
        getElement().getStyle().set("cursor", "pointer");
        return addListener(PointClickEvent.class, listener);
    }

    /** Saves the chart as {@code name}.png, with the heading lines (title, scope, source) printed above it. */
    public void downloadPng(String name, List<String> heading) {
        JsonArray lines = Json.createArray();
        heading.forEach(line -> lines.set(lines.length(), line));
        getElement().callJsFunction("downloadPng", name, lines);
    }
}
