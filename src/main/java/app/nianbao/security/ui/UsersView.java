package app.nianbao.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import app.nianbao.security.Role;
import app.nianbao.security.UserAccount;
import app.nianbao.security.UserService;
import app.nianbao.shell.ui.Labels;

/** 用户: accounts, their roles, password resets and disabling. Administrators only. */
@Route("users")
@RolesAllowed("ADMIN")
class UsersView extends Main implements HasDynamicTitle {

    private final UserService users;
    private final String me;
    private final Grid<UserAccount> grid = new Grid<>();

    UsersView(UserService users, AuthenticationContext authentication) {
        this.users = users;
        this.me = authentication.getPrincipalName().orElse("");
        addClassName("view");
        add(new H2(getTranslation("users.title")), createForm(), grid());
        refresh();
    }

    private HorizontalLayout createForm() {
        TextField username = new TextField(getTranslation("users.username"));
        PasswordField password = new PasswordField(getTranslation("users.password"));
        password.setHelperText(getTranslation("users.password.rule", UserService.MIN_PASSWORD_LENGTH));
        ComboBox<Role> role = roleChoice();
        role.setLabel(getTranslation("users.role"));
        role.setValue(Role.VIEWER);
        Button create = new Button(getTranslation("users.create"), e -> act(
                () -> {
                    users.create(username.getValue().trim(), password.getValue(), role.getValue());
                    username.clear();
                    password.clear();
                },
                getTranslation("users.created", username.getValue().trim())));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(username, password, role, create);
        form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        // on a phone the fields go under each other instead of off the screen
        form.setWrap(true);
        return form;
    }

    private Grid<UserAccount> grid() {
        grid.addColumn(UserAccount::username).setHeader(getTranslation("users.username"));
        grid.addColumn(u -> getTranslation("role." + u.role())).setHeader(getTranslation("users.role"));
        grid.addColumn(u -> getTranslation(u.enabled() ? "users.enabled" : "users.disabled")).setHeader(getTranslation("users.status"));
        grid.addColumn(u -> u.createdAt().toLocalDate().toString()).setHeader(getTranslation("users.created-at"));
        grid.addComponentColumn(this::actions).setHeader(getTranslation("users.actions")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private HorizontalLayout actions(UserAccount user) {
        ComboBox<Role> role = roleChoice();
        // no visible label in a row; a screen reader still hears whose role it is
        role.setAriaLabel(getTranslation("users.role-of", user.username()));
        role.setValue(user.role());
        role.setEnabled(!user.username().equals(me));
        role.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                act(() -> users.setRole(user.username(), e.getValue()), getTranslation("users.role-changed", user.username()));
            }
        });
        Button reset = new Button(getTranslation("users.reset"), e -> resetDialog(user));
        Button toggle = new Button(getTranslation(user.enabled() ? "users.disable" : "users.enable"),
                e -> act(() -> users.setEnabled(user.username(), !user.enabled()), getTranslation("users.saved", user.username())));
        // locking oneself out would leave nobody to undo it
        toggle.setEnabled(!user.username().equals(me));
        return new HorizontalLayout(role, reset, toggle);
    }

    private void resetDialog(UserAccount user) {
        Dialog dialog = new Dialog(getTranslation("users.reset-title", user.username()));
        PasswordField password = new PasswordField(getTranslation("users.password"));
        password.setHelperText(getTranslation("users.password.rule", UserService.MIN_PASSWORD_LENGTH));
        dialog.add(password);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()),
                new Button(getTranslation("users.reset"), e -> act(() -> {
                    users.resetPassword(user.username(), password.getValue());
                    dialog.close();
                }, getTranslation("users.password-reset", user.username()))));
        dialog.open();
    }

    private ComboBox<Role> roleChoice() {
        ComboBox<Role> role = new ComboBox<>(null, Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r));
        role.setWidth("9em");
        return role;
    }

    private void act(Runnable change, String done) {
        try {
            change.run();
            notify(done, NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (IllegalArgumentException e) {
            notify(Labels.inLanguage(e.getMessage()), NotificationVariant.LUMO_ERROR);
        }
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 4000, Notification.Position.TOP_CENTER).addThemeVariants(variant);
    }

    private void refresh() {
        grid.setItems(users.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · " + getTranslation("shell.product");
    }
}
