package app.nianbao.analytics;

import static app.nianbao.store.jooq.Tables.CHART_NOTE;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;

/**
 * Notes that say why a number moved ("2022：机构改革，两局合并"), written by analysts on a subject
 * (a scope), a metric or every metric, and a year; every chart that draws that point shows them.
 */
@Service
public class NoteService {

    /** Longer than a line under a chart is no longer a note. */
    public static final int MAX_LENGTH = 200;

    /** The disclosure regulations took effect on 1 May 2008: no agency reports on an earlier year. */
    static final int FIRST_REPORTING_YEAR = 2008;

    /**
     * One note: its subject in the written scope form and as its writer saw it named, its metric
     * (null: every metric of the subject), year, text, author and time.
     */
    public record Note(long id, String subject, String subjectLabel, String metric, int year, String body, String createdBy,
                       LocalDateTime createdAt) {

        /** Whether the note is about this metric (a note on every metric is about each). */
        public boolean about(Metric m) {
            return metric == null || metric.equals(m.code());
        }
    }

    private final DSLContext dsl;

    public NoteService(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The notes a chart of these subjects, metrics and years draws, oldest first, in one query
     * on the subject index: a chart's cost does not grow with the notes of other subjects.
     */
    @Transactional(readOnly = true)
    public List<Note> forCharts(Collection<String> subjects, Collection<Metric> metrics, int from, int to) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return dsl.select(CHART_NOTE.ID, CHART_NOTE.SUBJECT, CHART_NOTE.SUBJECT_LABEL, CHART_NOTE.METRIC, CHART_NOTE.YEAR, CHART_NOTE.BODY,
                        CHART_NOTE.CREATED_BY, CHART_NOTE.CREATED_AT)
                .from(CHART_NOTE)
                .where(CHART_NOTE.SUBJECT.in(subjects)).and(CHART_NOTE.YEAR.between(from, to))
                .and(CHART_NOTE.METRIC.isNull().or(CHART_NOTE.METRIC.in(metrics.stream().map(Metric::code).toList())))
                .orderBy(CHART_NOTE.YEAR, CHART_NOTE.ID)
                .fetch(Records.mapping(Note::new));
    }

    /** Every note whose text, subject, metric or author contains the words (case aside), newest first, a page at a time. */
    @Transactional(readOnly = true)
    public List<Note> search(String words, int offset, int limit) {
        return dsl.select(CHART_NOTE.ID, CHART_NOTE.SUBJECT, CHART_NOTE.SUBJECT_LABEL, CHART_NOTE.METRIC, CHART_NOTE.YEAR, CHART_NOTE.BODY,
                        CHART_NOTE.CREATED_BY, CHART_NOTE.CREATED_AT)
                .from(CHART_NOTE).where(matching(words))
                .orderBy(CHART_NOTE.CREATED_AT.desc(), CHART_NOTE.ID.desc())
                .offset(offset).limit(limit)
                .fetch(Records.mapping(Note::new));
    }

    @Transactional(readOnly = true)
    public int count(String words) {
        return dsl.fetchCount(CHART_NOTE, matching(words));
    }

    private static Condition matching(String words) {
        Condition all = DSL.trueCondition();
        if (words == null) {
            return all;
        }
        for (String word : words.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                all = all.and(CHART_NOTE.BODY.containsIgnoreCase(word).or(CHART_NOTE.SUBJECT_LABEL.containsIgnoreCase(word))
                        .or(CHART_NOTE.CREATED_BY.containsIgnoreCase(word)).or(CHART_NOTE.METRIC.containsIgnoreCase(word))
                        .or(CHART_NOTE.YEAR.cast(String.class).eq(word)));
            }
        }
        return all;
    }

    /**
     * Writes a note as the signed-in analyst; returns it. The text is one short line, the year a
     * reporting year; a refusal says which, in both languages.
     */
    @Transactional
    @PreAuthorize("hasRole('ANALYST')")
    public Note add(Scope subject, String subjectLabel, Metric metric, int year, String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("注释须为 1–%d 个字 / a note is 1–%d characters".formatted(MAX_LENGTH, MAX_LENGTH));
        }
        if (year < FIRST_REPORTING_YEAR || year > LocalDateTime.now().getYear()) {
            throw new IllegalArgumentException("注释年度须为 %d 年至今 / a note's year lies between %d and this year".formatted(
                    FIRST_REPORTING_YEAR, FIRST_REPORTING_YEAR));
        }
        String by = SecurityContextHolder.getContext().getAuthentication().getName();
        LocalDateTime now = LocalDateTime.now().withNano(0);
        String label = subjectLabel == null || subjectLabel.isBlank() ? subject.written() : subjectLabel.strip();
        long id = dsl.insertInto(CHART_NOTE, CHART_NOTE.SUBJECT, CHART_NOTE.SUBJECT_LABEL, CHART_NOTE.METRIC, CHART_NOTE.YEAR, CHART_NOTE.BODY,
                        CHART_NOTE.CREATED_BY, CHART_NOTE.CREATED_AT)
                .values(subject.written(), label, metric == null ? null : metric.code(), year, text, by, now)
                .returning(CHART_NOTE.ID).fetchOne(CHART_NOTE.ID);
        return new Note(id, subject.written(), label, metric == null ? null : metric.code(), year, text, by, now);
    }

    /** Removes a note: its author may, and an administrator; nobody else. */
    @Transactional
    @PreAuthorize("hasRole('ANALYST')")
    public void delete(long id) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String author = dsl.select(CHART_NOTE.CREATED_BY).from(CHART_NOTE).where(CHART_NOTE.ID.eq(id)).fetchOne(CHART_NOTE.CREATED_BY);
        if (author == null) {
            return;
        }
        boolean admin = who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        if (!admin && !author.equals(who.getName())) {
            throw new AccessDeniedException("只有作者或管理员可以删除注释 / only its author or an administrator may delete a note");
        }
        dsl.deleteFrom(CHART_NOTE).where(CHART_NOTE.ID.eq(id)).execute();
    }
}
