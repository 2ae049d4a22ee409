package app.nianbao.analytics.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

import app.nianbao.analytics.NoteService;
import app.nianbao.catalog.Metric;
import app.nianbao.catalog.Scope;
import app.nianbao.shell.ui.Labels;

/**
 * An analyst's note on one year of a chart's scope: for one of the metrics the chart draws or
 * for every metric, one short line of text. The note is written under the analyst's account.
 */
class NoteDialog extends Dialog {

    NoteDialog(NoteService notes, String scope, String scopeLabel, List<Integer> years, List<Metric> metrics, Runnable afterWrite) {
        setHeaderTitle(getTranslation("notes.dialog.title"));
        Paragraph subject = new Paragraph(getTranslation("notes.dialog.subject", scopeLabel));
        Select<Integer> year = new Select<>();
        year.setLabel(getTranslation("common.year"));
        year.setItems(years);
        year.setValue(years.isEmpty() ? null : years.get(years.size() - 1));
        // the empty choice is "every metric": a merger moves every number of the agency at once
        List<Optional<Metric>> choices = new ArrayList<>();
        choices.add(Optional.empty());
        metrics.forEach(m -> choices.add(Optional.of(m)));
        Select<Optional<Metric>> metric = new Select<>();
        metric.setLabel(getTranslation("notes.dialog.metric"));
        metric.setItems(choices);
        metric.setItemLabelGenerator(m -> m.map(MetricNames::of).orElse(getTranslation("notes.dialog.every-metric")));
        metric.setValue(metrics.size() == 1 ? choices.get(1) : choices.get(0));
        TextArea text = new TextArea(getTranslation("notes.dialog.text"));
        text.setMaxLength(NoteService.MAX_LENGTH);
        text.setPlaceholder(getTranslation("notes.dialog.placeholder"));
        text.setWidthFull();
        // the text reaches the server as it is typed, so a click on save never finds it empty
        text.setValueChangeMode(ValueChangeMode.EAGER);
        text.setHelperText(getTranslation("notes.dialog.helper", NoteService.MAX_LENGTH));
        Button save = new Button(getTranslation("notes.dialog.save"), e -> {
            try {
                notes.add(Scope.parse(scope), scopeLabel, metric.getValue().orElse(null), year.getValue(), text.getValue());
            } catch (IllegalArgumentException refused) {
                text.setErrorMessage(Labels.inLanguage(refused.getMessage()));
                text.setInvalid(true);
                return;
            }
            close();
            Notification.show(getTranslation("notes.saved"), 2500, Notification.Position.BOTTOM_START);
            afterWrite.run();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        add(subject, year, metric, text);
        getFooter().add(cancel, save);
        setWidth("min(32em, 95vw)");
    }
}
