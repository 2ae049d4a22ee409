package app.nianbao;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The structure rules fail when the code breaks them: a planted upward use is a cycle and a broken layer. */
class ArchitectureRulesCatchTest {

    private static final JavaClasses MAIN_AND_PLANT = new ClassFileImporter()
            .withImportOption(location -> new ImportOption.DoNotIncludeTests().includes(location) || location.contains("PlantedUpwardUse"))
            .importPackages("app.nianbao");

    @Test
    void aPlantedCycleBetweenTheCatalogAndTheReportsFailsTheCycleRule() {
        EvaluationResult result = ArchitectureTest.features_are_free_of_cycles.evaluate(MAIN_AND_PLANT);

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("PlantedUpwardUse").contains("report");
    }

    @Test
    void theCatalogUsingStoredReportsFailsTheLayerRule() {
        EvaluationResult result = ArchitectureTest.layers_depend_downwards_only.evaluate(MAIN_AND_PLANT);

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("PlantedUpwardUse").contains("ReportService");
    }

    @Test
    void withoutThePlantBothRulesHold() {
        JavaClasses main = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("app.nianbao");

        assertThat(ArchitectureTest.features_are_free_of_cycles.evaluate(main).hasViolation()).isFalse();
        assertThat(ArchitectureTest.layers_depend_downwards_only.evaluate(main).hasViolation()).isFalse();
    }
}
