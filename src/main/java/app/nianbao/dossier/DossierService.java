package app.nianbao.dossier;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.nianbao.analytics.AnalyticsService;
import app.nianbao.analytics.AnalyticsService.Series;
import app.nianbao.analytics.NoteService;
import app.nianbao.analytics.NoteService.Note;
import app.nianbao.catalog.Codebook;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.export.Dossier;
import app.nianbao.export.DossierFile;
import app.nianbao.export.Dossiers;
import app.nianbao.figures.Cell;
import app.nianbao.figures.Figures;
import app.nianbao.figures.Identities;
import app.nianbao.figures.ReviewStatus;
import app.nianbao.figures.Severity;
import app.nianbao.report.ReportService;
import app.nianbao.report.ReportService.ReportDetail;
import app.nianbao.report.ReportService.StoredFinding;

/**
 * The dossier to hand to an agency or a superior: one agency over all its years (the tables as
 * printed, the findings with their review state, the main charts, the notes and the files with
 * their SHA-256), or several agencies side by side. Read in one transaction, a few queries per
 * report: its cost grows with the agencies and years it covers, not with the store.
 */
@Service
public class DossierService implements Dossiers {

    private static final List<Metric> CHARTED = List.of(Metric.NEW_APPLICATIONS, Metric.PROCESSED, Metric.GRANTED, Metric.REVIEWS,
            Metric.LAWSUITS);

    private final ReportService reports;
    private final AnalyticsService analytics;
    private final NoteService notes;

    public DossierService(ReportService reports, AnalyticsService analytics, NoteService notes) {
        this.reports = reports;
        this.analytics = analytics;
        this.notes = notes;
    }

    @Override
    @Transactional(readOnly = true)
    public Dossier agency(long agencyId, boolean english) {
        List<ReportDetail> years = details(agencyId);
        String name = years.get(0).summary().agency();
        int from = years.get(0).summary().year();
        int to = years.get(years.size() - 1).summary().year();
        List<Integer> span = span(from, to);
        List<Series> series = analytics.series(CHARTED, new Scope.Agencies(List.of(agencyId)), from, to);
        List<Note> written = notes.forCharts(List.of(subject(agencyId)), CHARTED, from, to);
        List<Dossier.Picture> charts = List.of(
                picture(Metric.NEW_APPLICATIONS.label(english), span,
                        List.of(line(Metric.NEW_APPLICATIONS.label(english), series.get(0), span)), false, written, Metric.NEW_APPLICATIONS),
                picture(Metric.PROCESSED.label(english) + " / " + Metric.GRANTED.label(english), span,
                        List.of(line(Metric.PROCESSED.label(english), series.get(1), span), line(Metric.GRANTED.label(english), series.get(2), span)),
                        true, written, Metric.PROCESSED, Metric.GRANTED),
                picture(Metric.REVIEWS.label(english) + " / " + Metric.LAWSUITS.label(english), span,
                        List.of(line(Metric.REVIEWS.label(english), series.get(3), span), line(Metric.LAWSUITS.label(english), series.get(4), span)),
                        true, written, Metric.REVIEWS, Metric.LAWSUITS));
        List<Dossier.Table> tables = new ArrayList<>();
        List<Dossier.FindingLine> findings = new ArrayList<>();
        List<Dossier.Source> sources = new ArrayList<>();
        for (ReportDetail d : years) {
            int year = d.summary().year();
            tables.add(summaryTable(d, english));
            tables.addAll(templateTables(year, d.figures(), english));
            findings.addAll(findingLines(name + " " + year, d.findings(), english));
            sources.add(source(name + " " + year, d));
        }
        return new Dossier(Words.AGENCY_TITLE.in(english, name), Words.COVERS.in(english, name, from, to, years.size()),
                fileName(english, name, from, to), english,
                LocalDateTime.now().withNano(0), charts, tables, findings, noteLines(written, english), sources);
    }

    /** Several agencies side by side: their main figures year by year, one chart, their findings, notes and files. */
    @Override
    @Transactional(readOnly = true)
    public Dossier comparison(List<Long> agencyIds, boolean english) {
        if (agencyIds.size() < 2 || agencyIds.size() > MAX_AGENCIES) {
            throw new IllegalArgumentException("对比档案需要 2–%d 个机构 / a comparison dossier covers 2 to %d agencies".formatted(MAX_AGENCIES,
                    MAX_AGENCIES));
        }
        Map<Long, List<ReportDetail>> all = new LinkedHashMap<>();
        agencyIds.forEach(id -> all.put(id, details(id)));
        int from = all.values().stream().mapToInt(d -> d.get(0).summary().year()).min().orElseThrow();
        int to = all.values().stream().mapToInt(d -> d.get(d.size() - 1).summary().year()).max().orElseThrow();
        List<Integer> span = span(from, to);
        List<ChartPicture.Series> lines = new ArrayList<>();
        List<Dossier.Table> tables = new ArrayList<>();
        List<Dossier.FindingLine> findings = new ArrayList<>();
        List<Dossier.Source> sources = new ArrayList<>();
        all.forEach((id, years) -> {
            String name = years.get(0).summary().agency();
            List<Series> series = analytics.series(CHARTED, new Scope.Agencies(List.of(id)), from, to);
            lines.add(line(name, series.get(0), span));
            Set<Integer> reported = new HashSet<>(years.stream().map(d -> d.summary().year()).toList());
            tables.add(comparisonTable(name, span, reported, series, english));
            years.forEach(d -> {
                findings.addAll(findingLines(name + " " + d.summary().year(), d.findings(), english));
                sources.add(source(name + " " + d.summary().year(), d));
            });
        });
        List<Note> written = notes.forCharts(agencyIds.stream().map(DossierService::subject).toList(), CHARTED, from, to);
        String names = String.join("、", all.values().stream().map(d -> d.get(0).summary().agency()).toList());
        int reportCount = all.values().stream().mapToInt(List::size).sum();
        return new Dossier(Words.COMPARISON_TITLE.in(english, agencyIds.size()), Words.COVERS.in(english, names, from, to, reportCount),
                fileName(english, names, from, to), english, LocalDateTime.now().withNano(0),
                List.of(picture(Metric.NEW_APPLICATIONS.label(english), span, lines, false, written, Metric.NEW_APPLICATIONS)),
                tables, findings, noteLines(written, english), sources);
    }

    /** 档案_平潭综合实验区_2019-2023: what the dossier is of, without what a file system refuses. */
    private static String fileName(boolean english, String names, int from, int to) {
        String name = "%s_%s_%d-%d".formatted(english ? "dossier" : "档案", names, from, to).replaceAll("[\\\\/:*?\"<>|\\s]+", "-");
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    private List<ReportDetail> details(long agencyId) {
        List<ReportDetail> years = reports.currentRefs(agencyId).stream().map(r -> reports.detail(agencyId, r.year()))
                .flatMap(Optional::stream).sorted(Comparator.comparingInt(d -> d.summary().year())).toList();
        if (years.isEmpty()) {
            throw new NoSuchElementException("机构 %d 没有已存储的报告 / agency %d has no stored report".formatted(agencyId, agencyId));
        }
        return years;
    }

    private static String subject(long agencyId) {
        return new Scope.Agencies(List.of(agencyId)).written();
    }

    private static List<Integer> span(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    private static ChartPicture.Series line(String name, Series series, List<Integer> years) {
        return new ChartPicture.Series(name, years.stream().map(series::valueIn).toList());
    }

    /** A chart with the flags of the notes on its metrics, numbered as the notes are listed. */
    private static Dossier.Picture picture(String title, List<Integer> years, List<ChartPicture.Series> series, boolean bars,
                                           List<Note> written, Metric... metrics) {
        Map<Integer, List<Integer>> flags = new LinkedHashMap<>();
        for (int i = 0; i < written.size(); i++) {
            Note n = written.get(i);
            if (Arrays.stream(metrics).anyMatch(n::about)) {
                flags.computeIfAbsent(n.year(), y -> new ArrayList<>()).add(i + 1);
            }
        }
        return new Dossier.Picture(title, ChartPicture.draw(years, series, bars, flags), ChartPicture.WIDTH, ChartPicture.HEIGHT);
    }

    private static List<String> noteLines(List<Note> written, boolean english) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            Note n = written.get(i);
            String metric = n.metric() == null ? Words.EVERY_METRIC.in(english)
                    : Metric.ofCode(n.metric()).map(m -> m.label(english)).orElse(n.metric());
            lines.add(Words.NOTE_LINE.in(english, i + 1, n.year(), n.subjectLabel() + " · " + metric, n.body(), n.createdBy(),
                    n.createdAt().toLocalDate()));
        }
        return lines;
    }

    private static Dossier.Table summaryTable(ReportDetail d, boolean english) {
        var s = d.summary();
        return new Dossier.Table(Words.SUMMARY.in(english, s.year(), s.version(), s.template(), s.score(), s.errors(), s.warnings()),
                List.of(), List.of());
    }

    /** Tables 2, 3 and 4 of one year as the template prints them; a blank cell says blank, never 0. */
    static List<Dossier.Table> templateTables(int year, Figures figures, boolean english) {
        Codebook book = Codebook.get();
        List<List<String>> t2 = new ArrayList<>();
        book.t2(figures.template()).forEach((row, cols) -> cols.forEach(col -> t2.add(List.of(
                book.label("t2." + row + "." + col).in(english), value(figures.cell("t2", row, col), english)))));
        return List.of(new Dossier.Table(Words.TABLE_2.in(english, year), List.of(), t2),
                grid(Words.TABLE_3.in(english, year), figures, "t3", book.t3Rows(figures.template()), book.t3Columns(), english),
                grid(Words.TABLE_4.in(english, year), figures, "t4", book.t4Rows(), book.t4Columns(), english));
    }

    private static Dossier.Table grid(String title, Figures figures, String table, List<String> rows, List<String> cols, boolean english) {
        Codebook book = Codebook.get();
        List<String> header = new ArrayList<>(List.of(""));
        // in Chinese the short names the report page prints ("商业企业", "行政复议"), as the template's own headings do
        cols.forEach(col -> header.add(!english && table.equals("t3") ? Identities.columnName(col)
                : book.colLabel(table, col).in(english)));
        List<List<String>> printed = new ArrayList<>();
        for (String row : rows) {
            List<String> line = new ArrayList<>(List.of(!english && table.equals("t4") ? Identities.groupName(row)
                    : book.rowLabel(table, row).in(english)));
            cols.forEach(col -> line.add(value(figures.cell(table, row, col), english)));
            printed.add(line);
        }
        return new Dossier.Table(title, header, printed);
    }

    private static String value(Cell cell, boolean english) {
        return cell == null || cell.value() == null ? Words.BLANK.in(english) : cell.value().stripTrailingZeros().toPlainString();
    }

    /** A year without a report is a gap; a year whose report leaves the figure blank is a blank, not a gap and not a zero. */
    private static Dossier.Table comparisonTable(String name, List<Integer> years, Set<Integer> reported, List<Series> series,
                                                 boolean english) {
        List<String> header = new ArrayList<>(List.of(Words.YEAR.in(english)));
        CHARTED.forEach(m -> header.add(m.label(english)));
        List<List<String>> rows = new ArrayList<>();
        for (int year : years) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(year)));
            series.forEach(s -> {
                Double v = s.valueIn(year);
                row.add(v != null ? (v == Math.rint(v) ? String.valueOf(v.longValue()) : String.valueOf(v))
                        : reported.contains(year) ? Words.BLANK.in(english) : Words.GAP.in(english));
            });
            rows.add(row);
        }
        return new Dossier.Table(Words.COMPARISON_TABLE.in(english, name), header, rows);
    }

    /** The findings a report's page lists, each with its review: who, when and why. */
    private static List<Dossier.FindingLine> findingLines(String report, List<StoredFinding> findings, boolean english) {
        return findings.stream().filter(f -> f.finding().listed()).map(f -> new Dossier.FindingLine(report, f.finding().rule(),
                severity(f.finding().severity(), english), f.finding().text(english), review(f, english))).toList();
    }

    private static String severity(Severity severity, boolean english) {
        return (severity == Severity.ERROR ? Words.ERROR : severity == Severity.WARNING ? Words.WARNING : Words.INFO).in(english);
    }

    private static String review(StoredFinding f, boolean english) {
        ReviewStatus status = ReviewStatus.ofCode(f.reviewStatus());
        String state = (status == ReviewStatus.CONFIRMED ? Words.CONFIRMED : status == ReviewStatus.DISMISSED ? Words.DISMISSED : Words.OPEN)
                .in(english);
        return status == ReviewStatus.OPEN ? state : Words.REVIEWED.in(english, state, String.valueOf(f.reviewedBy()),
                f.reviewedAt() == null ? "—" : f.reviewedAt().toLocalDate(), f.reviewComment() == null ? "—" : f.reviewComment());
    }

    private static Dossier.Source source(String report, ReportDetail d) {
        var current = d.versions().stream().filter(v -> v.version() == d.summary().version()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the current version of " + report + " is not among its versions"));
        return new Dossier.Source(report, current.sourceName(), current.version(), current.importedAt(), current.sha256());
    }

    @Override
    public byte[] render(Dossier dossier, DossierFile file) {
        return switch (file) {
            case PDF -> DossierPdf.render(dossier);
            case DOCX -> DossierDocx.render(dossier);
        };
    }
}
