package com.tandem;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of Tandem's packages (README, "Dependencies point one way"): one package per
 * capability, and dependencies that point one way, from the features to the request core, the
 * process glue and the web layer, never back and never in a loop.
 */
class ArchitectureTest {

  private static final JavaClasses TANDEM =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.tandem");

  /** Every package of Tandem other than the core: features, glue, web layer and wiring. */
  private static final String[] ALL_BUT_CORE = {
    "process",
    "web",
    "system",
    "intake",
    "inventory",
    "review",
    "budget",
    "board",
    "onboarding",
    "notification",
    "discovery",
    "offboarding",
    "shadowit",
    "renewal",
    "insights",
    "identity"
  };

  private static String[] packagesExcept(String... allowed) {
    return Arrays.stream(ALL_BUT_CORE)
        .filter(name -> !Arrays.asList(allowed).contains(name))
        .map(name -> "com.tandem." + name + "..")
        .toArray(String[]::new);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("com.tandem.(*)..").should().beFreeOfCycles().check(TANDEM);
  }

  @Test
  void requestCoreDependsOnNoOtherPackage() {
    noClasses()
        .that()
        .resideInAPackage("com.tandem.request..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packagesExcept())
        .because("the request core is what every feature shares; it must not know them")
        .check(TANDEM);
  }

  @Test
  void processGlueDependsOnlyOnTheCore() {
    noClasses()
        .that()
        .resideInAPackage("com.tandem.process..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packagesExcept("process"))
        .because("the Camunda glue serves every process and feature")
        .check(TANDEM);
  }

  @Test
  void webLayerImportsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("com.tandem.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packagesExcept("web"))
        .because("features raise what the web layer understands (RejectedInput, ApiException)")
        .check(TANDEM);
  }

  @Test
  void nothingDependsOnTheWiring() {
    noClasses()
        .that()
        .resideOutsideOfPackage("com.tandem.system..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.tandem.system..")
        .because("system wires the application together; features do not reach into it")
        .check(TANDEM);
  }

  @Test
  void everyPackageIsKnownToTheseRules() {
    var unknown =
        TANDEM.stream()
            .map(javaClass -> javaClass.getPackageName())
            .filter(name -> name.startsWith("com.tandem."))
            .map(name -> name.substring("com.tandem.".length()).split("\\.")[0])
            .filter(name -> !name.equals("request"))
            .filter(name -> Stream.of(ALL_BUT_CORE).noneMatch(name::equals))
            .distinct()
            .toList();
    assertThat(unknown)
        .as("packages to add to ALL_BUT_CORE, so that the layering rules see them")
        .isEmpty();
  }
}
