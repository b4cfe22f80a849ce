package com.tandem;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of Tandem's packages (README, "Layout"): one package per capability, and
 * dependencies that point one way, from the features to the request core, the process glue and the
 * web layer, never back and never in a loop.
 */
class ArchitectureTest {

  private static final JavaClasses TANDEM =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.tandem");

  @Test
  void packagesAreFreeOfCycles() {
    ArchRule rule = slices().matching("com.tandem.(*)..").should().beFreeOfCycles();
    rule.check(TANDEM);
  }

  @Test
  void requestCoreDependsOnNoOtherPackage() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("com.tandem.request..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "com.tandem.process..",
                "com.tandem.web..",
                "com.tandem.system..",
                "com.tandem.intake..",
                "com.tandem.inventory..",
                "com.tandem.review..",
                "com.tandem.budget..",
                "com.tandem.board..",
                "com.tandem.onboarding..",
                "com.tandem.notification..",
                "com.tandem.offboarding..")
            .because("the request core is what every feature shares; it must not know them");
    rule.check(TANDEM);
  }

  @Test
  void processGlueDependsOnlyOnTheCore() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("com.tandem.process..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "com.tandem.web..",
                "com.tandem.system..",
                "com.tandem.intake..",
                "com.tandem.inventory..",
                "com.tandem.review..",
                "com.tandem.budget..",
                "com.tandem.board..",
                "com.tandem.onboarding..",
                "com.tandem.notification..",
                "com.tandem.offboarding..")
            .because("the Camunda glue serves every process and feature");
    rule.check(TANDEM);
  }

  @Test
  void webLayerImportsNoFeature() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("com.tandem.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "com.tandem.process..",
                "com.tandem.system..",
                "com.tandem.intake..",
                "com.tandem.inventory..",
                "com.tandem.review..",
                "com.tandem.budget..",
                "com.tandem.board..",
                "com.tandem.onboarding..",
                "com.tandem.notification..",
                "com.tandem.offboarding..")
            .because("features raise what the web layer understands (RejectedInput, ApiException)");
    rule.check(TANDEM);
  }

  @Test
  void nothingDependsOnTheWiring() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("com.tandem.system..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.tandem.system..")
            .because("system wires the application together; features do not reach into it");
    rule.check(TANDEM);
  }
}
