package app.nianbao.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import app.nianbao.collect.CollectService;
import app.nianbao.collect.CollectService.Outcome;
import app.nianbao.collect.Sources;
import app.nianbao.store.Store;

@Command(name = "collect", description = {"从来源网址采集年报：跟随年报列表页、报告页及其附件，导入新的或有变动的报告，记录消失的报告。",
        "Collects reports from their sources: follows list pages to report pages and attachments, imports what is new or changed,",
        "marks what left its source. SOURCES is a CSV with the columns agency,url (机构,网址); without SOURCES the sources",
        "collected before are collected again."})
class CollectCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "SOURCES", arity = "0..1", description = "CSV of sources (agency,url)")
    Path sources;

    @Option(names = "--delay-ms", description = "wait between two requests to the same host (default: ${DEFAULT-VALUE})")
    long delayMillis = 1000;

    @Option(names = "--allow-private", description = "also fetch loopback and private addresses (a site on the intranet)")
    boolean allowPrivate;

    @Option(names = "--contact", description = "an e-mail or URL put in the User-Agent, for site operators")
    String contact;

    @Option(names = "--json", description = "print each URL's outcome as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        List<Sources.Source> listed = null;
        if (sources != null) {
            if (!Files.isRegularFile(sources)) {
                err.println("来源清单不存在 / no such source list: " + sources);
                return NianbaoCommand.BAD_INPUT;
            }
            try {
                listed = Sources.read(Files.readString(sources, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                err.println(sources + ": " + e.getMessage());
                return NianbaoCommand.BAD_INPUT;
            }
        }
        List<CollectService.Result> results;
        try (Store opened = store.open()) {
            CollectService collector = new CollectService(opened.dsl(), StoreServices.over(opened.dsl()).imports(),
                    new CollectService.Settings(Math.max(0, delayMillis), allowPrivate, contact), Clock.systemDefaultZone());
            List<Sources.Source> todo = listed != null ? listed : collector.remembered();
            results = collector.collect(todo, r -> err.println("%-9s %s%s".formatted(r.outcome().name().toLowerCase(), r.url(),
                    r.detail() == null ? "" : "  " + r.detail())));
        }
        Map<Outcome, Long> tally = CollectService.tally(results);
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            tally.forEach((k, v) -> summary.put(k.name().toLowerCase(), v));
            out.println(ParseCommand.JSON.writeValueAsString(Map.of("summary", summary, "urls", results.stream().map(r -> {
                Map<String, Object> u = new LinkedHashMap<>();
                u.put("url", r.url());
                u.put("outcome", r.outcome().name().toLowerCase());
                u.put("detail", r.detail());
                u.put("agency", r.agency());
                u.put("year", r.year());
                u.put("version", r.version());
                return u;
            }).toList())));
        } else {
            out.println("采集 %d 个网址 / collected %d URLs: %s".formatted(results.size(), results.size(), tally.entrySet().stream()
                    .map(e -> e.getKey().name().toLowerCase() + " " + e.getValue()).collect(Collectors.joining(", "))));
        }
        boolean failed = tally.getOrDefault(Outcome.FAILED, 0L) + tally.getOrDefault(Outcome.REFUSED, 0L) > 0;
        return failed ? NianbaoCommand.SOME_FAILED : NianbaoCommand.OK;
    }
}
