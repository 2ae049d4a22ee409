package app.nianbao;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /** Every feature with its views is one slice: a cycle between two of them, however long, fails. */
    @ArchTest
    static final ArchRule features_are_free_of_cycles = slices().matching("app.nianbao.(*)..").should().beFreeOfCycles();

    /**
     * The layers from the bottom: the template's vocabulary, the reader, the store, stored reports,
     * the features' services, the views, and the entry points (API, command line). A layer uses
     * only those below it; the views use no store directly (the rule below).
     */
    @ArchTest
    static final ArchRule layers_depend_downwards_only = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Vocabulary").definedBy("app.nianbao.catalog..", "app.nianbao.figures..", "app.nianbao.statistics..", "app.nianbao.export..")
            .layer("Reader").definedBy("app.nianbao.parse..")
            .layer("Store").definedBy("app.nianbao.store..")
            .layer("Reports").definedBy("app.nianbao.report")
            .layer("Features").definedBy("app.nianbao.agency", "app.nianbao.analytics", "app.nianbao.check", "app.nianbao.imports",
                    "app.nianbao.collect", "app.nianbao.generate", "app.nianbao.dossier", "app.nianbao.security")
            .layer("Views").definedBy("app.nianbao..ui..")
            .layer("Entry").definedBy("app.nianbao", "app.nianbao.api..", "app.nianbao.cli..")
            .whereLayer("Vocabulary").mayNotAccessAnyLayer()
            .whereLayer("Reader").mayOnlyAccessLayers("Vocabulary")
            .whereLayer("Store").mayNotAccessAnyLayer()
            .whereLayer("Reports").mayOnlyAccessLayers("Vocabulary", "Reader", "Store")
            .whereLayer("Features").mayOnlyAccessLayers("Vocabulary", "Reader", "Store", "Reports")
            .whereLayer("Views").mayOnlyAccessLayers("Vocabulary", "Reader", "Reports", "Features")
            .whereLayer("Entry").mayOnlyAccessLayers("Vocabulary", "Reader", "Store", "Reports", "Features", "Views");

    @ArchTest
    static final ArchRule parsing_and_checking_do_not_import_each_other = noClasses()
            .that().resideInAPackage("app.nianbao.parse..")
            .should().dependOnClassesThat().resideInAnyPackage("app.nianbao.check..", "app.nianbao.report..", "app.nianbao.store..");

    /**
     * A view is its feature's own. The template tables and the changes a version brings are shown by
     * both the report page and the import preview, so they are public too.
     */
    /** The demo province answers the import's event; the command line's generate and bench are the generator's only other users. */
    @ArchTest
    static final ArchRule the_generator_is_not_on_the_import_path = noClasses()
            .that().resideOutsideOfPackages("app.nianbao.generate..", "app.nianbao.cli..")
            .should().dependOnClassesThat().resideInAPackage("app.nianbao.generate..");

    @ArchTest
    static final ArchRule ui_classes_are_package_private_except_the_shared_parts = classes()
            .that().resideInAPackage("..ui..").and().resideOutsideOfPackage("..shell.ui..")
            .and().areTopLevelClasses().and().doNotHaveSimpleName("FindingChanges")
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
