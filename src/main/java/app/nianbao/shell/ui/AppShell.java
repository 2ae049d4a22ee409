package app.nianbao.shell.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;

/** Push lets a long import report its progress while it runs. */
@Push
@Theme("nianbao")
@Meta(name = "description", content = "年报 Nianbao — 政府信息公开工作年度报告分析")
public class AppShell implements AppShellConfigurator {
}
