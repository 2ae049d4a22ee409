package app.nianbao;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "app.nianbao", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule only_ui_packages_touch_vaadin = noClasses()
            .that().resideOutsideOfPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..");

    @ArchTest
    static final ArchRule reading_and_rules_see_neither_vaadin_nor_jooq = noClasses()
            .that().resideInAnyPackage("app.nianbao.parse..", "app.nianbao.figures..", "app.nianbao.catalog..")
            .or().haveSimpleName("ReportRules").or().haveSimpleName("CrossYearRules").or().haveSimpleName("Identities")
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "org.jooq..", "org.springframework..");

    @ArchTest
    static final ArchRule ui_classes_are_package_private_except_the_shell = classes()
            .that().resideInAPackage("..ui..").and().resideOutsideOfPackage("..shell.ui..")
            .and().areTopLevelClasses()
            .should().notBePublic();

    @ArchTest
    static final ArchRule the_store_is_reached_through_services_not_from_views = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "app.nianbao.store..");

    @ArchTest
    static final ArchRule statistics_see_neither_vaadin_nor_jooq = noClasses()
            .that().resideInAPackage("app.nianbao.statistics..")
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "org.jooq..", "org.springframework..");
}
