package app.nianbao.catalog;

import app.nianbao.report.ReportService;

/**
 * Not a test: the catalog reaching up into stored reports, which use the catalog, so a cycle
 * and a layer broken at once. {@code ArchitectureRulesCatchTest} plants it to show the rules see it.
 */
final class PlantedUpwardUse {

    static ReportService upwards;

    private PlantedUpwardUse() {
    }
}
