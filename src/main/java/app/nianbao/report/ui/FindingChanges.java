package app.nianbao.report.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import app.nianbao.figures.Finding;
import app.nianbao.figures.ReviewStatus;
import app.nianbao.report.Replaces;
import app.nianbao.report.ReportService.StoredFinding;
import app.nianbao.shell.ui.Labels;

/**
 * The findings a new version would bring and those it would end, beside its changed cells; a
 * finding that ends with a review says so, as the review goes with it.
 */
public class FindingChanges extends Div {

    public FindingChanges(Replaces replaces) {
        addClassName("finding-changes");
        if (replaces.appeared().isEmpty() && replaces.gone().isEmpty()) {
            add(new Paragraph(getTranslation("versions.findings.same")));
            return;
        }
        replaces.appeared().forEach(f -> add(line("versions.finding.appears", f)));
        replaces.gone().forEach(f -> add(gone(f)));
        add(new Paragraph(getTranslation("versions.findings.scope")));
    }

    private Paragraph line(String key, Finding f) {
        Paragraph line = new Paragraph(getTranslation(key, f.rule(), Labels.severity(f.severity().code()), Labels.finding(f)));
        line.addClassName(key.substring(key.lastIndexOf('.') + 1));
        return line;
    }

    private Paragraph gone(StoredFinding f) {
        Paragraph line = line("versions.finding.goes", f.finding());
        if (!ReviewStatus.OPEN.code().equals(f.reviewStatus())) {
            line.add(getTranslation("versions.finding.review-lapses", Labels.review(ReviewStatus.ofCode(f.reviewStatus())), String.valueOf(f.reviewedBy())));
        }
        return line;
    }
}
