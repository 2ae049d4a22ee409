package app.nianbao.shell.ui;

import software.xdev.chartjs.model.options.scale.Scales;
import software.xdev.chartjs.model.options.scale.cartesian.AbstractCartesianScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.linear.LinearScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.logarithmic.LogarithmicScaleOptions;

/**
 * The value axes a chart may have, so that none exaggerates: counts start at zero, shares run
 * from 0 to 100 %, and a heavy-tailed figure gets a logarithmic axis that says so in its title.
 */
public final class Axes {

    private Axes() {
    }

    /** Counts and rates of a scale other than per cent: the axis starts at zero. */
    public static Scales fromZero() {
        return new Scales().addScale(Scales.ScaleAxis.Y, new LinearScaleOptions().setBeginAtZero(true));
    }

    /** Per cent: 0 to 100, whatever the data. */
    public static Scales percent() {
        return new Scales().addScale(Scales.ScaleAxis.Y, new LinearScaleOptions().setMin(0).setMax(100)
                .setTitle(title("%")));
    }

    /** A logarithmic value axis, titled as such, for figures where one agency is thousands of times another. */
    public static Scales logarithmic(String title) {
        return new Scales().addScale(Scales.ScaleAxis.Y, new LogarithmicScaleOptions().setTitle(title(title)));
    }

    private static AbstractCartesianScaleOptions.Title title(String text) {
        return new AbstractCartesianScaleOptions.Title().setDisplay(true).setText(text);
    }

    /** A titled logarithmic x axis and a percent y axis, for funnel plots of cases against a rate. */
    public static Scales funnel(String xTitle) {
        return new Scales().addScale(Scales.ScaleAxis.X, new LogarithmicScaleOptions().setTitle(title(xTitle)))
                .addScale(Scales.ScaleAxis.Y, new LinearScaleOptions().setTitle(title("%")));
    }
}
