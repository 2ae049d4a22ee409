package app.nianbao.shell.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;

/** The shell every view sits in: product name and the side navigation. */
@Layout
public class MainLayout extends AppLayout {

    MainLayout() {
        addToNavbar(new DrawerToggle(), title());
        addToDrawer(navigation());
        setPrimarySection(Section.DRAWER);
    }

    private HorizontalLayout title() {
        H1 name = new H1("年报");
        name.addClassName("product-name");
        Span latin = new Span("Nianbao");
        latin.addClassName("product-latin");
        HorizontalLayout title = new HorizontalLayout(name, latin);
        title.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        title.addClassName("product-title");
        return title;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("总览", "", VaadinIcon.DASHBOARD.create()));
        nav.addItem(new SideNavItem("申请量", "volumes", VaadinIcon.CHART_LINE.create()));
        nav.addItem(new SideNavItem("办理结果", "outcomes", VaadinIcon.CHART.create()));
        nav.addItem(new SideNavItem("复议诉讼", "review", VaadinIcon.SCALE.create()));
        nav.addItem(new SideNavItem("机构对比", "compare", VaadinIcon.SCATTER_CHART.create()));
        nav.addItem(new SideNavItem("数据质量", "quality", VaadinIcon.CHECK_SQUARE_O.create()));
        nav.addItem(new SideNavItem("报告", "reports", VaadinIcon.FILE_TEXT_O.create()));
        nav.addItem(new SideNavItem("导入", "import", VaadinIcon.UPLOAD.create()));
        nav.addItem(new SideNavItem("机构", "agencies", VaadinIcon.OFFICE.create()));
        return nav;
    }
}
