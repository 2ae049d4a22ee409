package app.nianbao.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import app.nianbao.agency.AgencyService;
import app.nianbao.agency.Roster;
import app.nianbao.store.Store;

@Command(name = "roster", description = {"导入应发布年报的机构名册（CSV）。",
        "Imports the roster of agencies expected to publish (CSV: name, level, parent, region, first_year, last_year, kind).",
        "Agencies are created or described; a blank cell keeps what is stored. The whole file lands or nothing does."})
class RosterCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "FILE", description = "the roster, CSV in UTF-8")
    Path file;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("名册不存在 / no such roster: " + file);
            return NianbaoCommand.BAD_INPUT;
        }
        List<Roster.Row> rows;
        try {
            rows = Roster.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            err.println(file + ": " + e.getMessage());
            return NianbaoCommand.BAD_INPUT;
        }
        AgencyService.RosterResult result;
        try (Store opened = store.open()) {
            result = StoreServices.over(opened.dsl()).agencies().importRoster(rows);
        } catch (IllegalArgumentException e) {
            err.println(file + ": " + e.getMessage());
            return NianbaoCommand.BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ParseCommand.JSON.writeValueAsString(Map.of("created", result.created(), "described", result.described())));
        } else {
            out.println("名册：%d 个机构，新建 %d 个 / roster: %d agencies, %d created".formatted(result.described(), result.created(),
                    result.described(), result.created()));
        }
        return NianbaoCommand.OK;
    }
}
