package app.nianbao.analytics.ui;

import app.nianbao.catalog.Metric;
import app.nianbao.shell.ui.Language;

/** A metric's name and definition in the language of the current UI. */
final class MetricNames {

    private MetricNames() {
    }

    static String of(Metric metric) {
        return metric.label(Language.english());
    }

    static String definition(Metric metric) {
        return metric.definition(Language.english());
    }
}
