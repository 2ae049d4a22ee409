package app.nianbao.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The end of a batch: how many files went which way, and why each failure failed. */
public final class ImportSummary {

    private final List<ImportOutcome> outcomes = new ArrayList<>();

    public void add(ImportOutcome outcome) {
        outcomes.add(outcome);
    }

    public long count(ImportOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public List<ImportOutcome> failures() {
        return outcomes.stream().filter(o -> o.status() == ImportOutcome.Status.FAILED).toList();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("imported", count(ImportOutcome.Status.IMPORTED));
        json.put("replaced", count(ImportOutcome.Status.REPLACED));
        json.put("unchanged", count(ImportOutcome.Status.UNCHANGED));
        json.put("reviews_lapsed", outcomes.stream().mapToInt(ImportOutcome::lapsedReviews).sum());
        json.put("failed", failures().stream().map(o -> Map.of("file", o.file(), "reason", o.reason())).toList());
        return json;
    }

    /** One line, as the command line and the import view end a batch. */
    public String describe() {
        int lapsed = outcomes.stream().mapToInt(ImportOutcome::lapsedReviews).sum();
        return "导入 %d，新版本 %d，未变 %d，失败 %d%s / imported %d, replaced %d, unchanged %d, failed %d%s".formatted(
                count(ImportOutcome.Status.IMPORTED), count(ImportOutcome.Status.REPLACED),
                count(ImportOutcome.Status.UNCHANGED), failures().size(), lapsed == 0 ? "" : "，%d 条审核不再适用".formatted(lapsed),
                count(ImportOutcome.Status.IMPORTED), count(ImportOutcome.Status.REPLACED), count(ImportOutcome.Status.UNCHANGED),
                failures().size(), lapsed == 0 ? "" : ", %d reviews no longer apply".formatted(lapsed));
    }
}
