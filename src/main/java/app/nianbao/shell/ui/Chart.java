package app.nianbao.shell.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

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

    /** Draws the chart this configuration describes, replacing the one shown. */
    public void show(software.xdev.chartjs.model.charts.Chart<?, ?, ?> config, boolean stacked) {
        getElement().setProperty("stacked", stacked);
        getElement().setProperty("config", config.toJson());
    }

    public void downloadPng(String name) {
        getElement().callJsFunction("downloadPng", name);
    }
}
