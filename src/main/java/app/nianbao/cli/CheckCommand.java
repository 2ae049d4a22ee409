package app.nianbao.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import app.nianbao.figures.Finding;
import app.nianbao.figures.Severity;
import app.nianbao.parse.ReportJson;
import app.nianbao.store.Store;

@Command(name = "check", description = {"对数据库中的年报重新运行全部核对规则并保存结果。",
        "Re-runs every rule over the stored reports, stores and prints the findings."})
class CheckCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--agency", description = "only agencies whose name contains this")
    String agency;

    @Option(names = "--year", description = "only this reporting year")
    Integer year;

    @Option(names = "--all", description = "also print information findings (rules that could not be evaluated, R10)")
    boolean all;

    @Option(names = "--json", description = "print the findings as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> reports = new ArrayList<>();
        int checked;
        int[] lapsed = {0};
        // reports are printed as each pass of agencies is checked, so a national store never sits in memory
        try (Store opened = store.open()) {
            checked = StoreServices.over(opened.dsl()).checks().run(agency, year, c -> {
                List<Finding> shown = c.findings().stream().filter(f -> all || f.severity() != Severity.INFO).toList();
                if (json) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("agency", c.report().agency());
                    r.put("year", c.report().year());
                    r.put("findings", shown.stream().map(ReportJson::finding).toList());
                    r.put("lapsed_reviews", c.lapsedReviews().stream().map(l -> Map.of("finding", ReportJson.finding(l.finding()),
                            "review", l.reviewStatus(), "by", String.valueOf(l.reviewedBy()))).toList());
                    reports.add(r);
                } else {
                    out.println("%s %d：%d 条发现 / %d findings".formatted(c.report().agency(), c.report().year(), shown.size(), shown.size()));
                    shown.forEach(f -> out.println("  [%s %s] %s".formatted(f.rule(), f.severity().code(), f.message())));
                    c.lapsedReviews().forEach(l -> out.println("  审核不再适用 / review no longer applies (%s, %s): [%s] %s".formatted(
                            l.reviewStatus(), l.reviewedBy(), l.finding().rule(), l.finding().message())));
                }
                lapsed[0] += c.lapsedReviews().size();
            });
        }
        if (json) {
            out.println(ParseCommand.JSON.writeValueAsString(Map.of("reports", reports)));
            return NianbaoCommand.OK;
        }
        out.println("已检查 %d 份报告，%d 条审核不再适用 / checked %d reports, %d reviews no longer apply".formatted(checked, lapsed[0],
                checked, lapsed[0]));
        return NianbaoCommand.OK;
    }
}
