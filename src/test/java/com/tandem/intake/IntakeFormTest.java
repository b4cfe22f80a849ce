package com.tandem.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.process.ProcessVariable;
import com.tandem.request.PersonalData;
import com.tandem.request.SsoSupport;
import com.tandem.web.FieldProblem;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** The loose values of forms and engine REST starts, converted into a submission. */
class IntakeFormTest {

  private static IntakeForm.Converted read(Map<String, Object> variables) {
    return IntakeForm.read((ProcessVariable<?> variable) -> variables.get(variable.name()));
  }

  @Test
  void shouldConvertWhatTheStartFormAndEngineRestSend() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("toolName", "Eventful");
    variables.put("capabilities", Spin.JSON("[\"event-management\", \"survey\"]"));
    variables.put("integrations", "crm, seo");
    variables.put("annualLicenseCost", "4800.50");
    variables.put("implementationCost", 300);
    variables.put("seats", "5");
    variables.put("contractTermMonths", 12.0);
    variables.put("neededBy", "2027-02-01T00:00:00Z");
    variables.put("personalData", "PERSONAL");
    variables.put("sso", Spin.JSON("\"OIDC\""));
    variables.put("dataExportSupported", "true");

    var converted = read(variables);

    assertThat(converted.problems()).isEmpty();
    var submission = converted.submission();
    assertThat(submission.capabilities()).containsExactly("event-management", "survey");
    assertThat(submission.integrations()).containsExactly("crm", "seo");
    assertThat(submission.annualLicenseCost()).isEqualByComparingTo("4800.50");
    assertThat(submission.implementationCost()).isEqualByComparingTo(BigDecimal.valueOf(300));
    assertThat(submission.seats()).isEqualTo(5);
    assertThat(submission.contractTermMonths()).isEqualTo(12);
    assertThat(submission.neededBy()).isEqualTo("2027-02-01");
    assertThat(submission.personalData()).isEqualTo(PersonalData.PERSONAL);
    assertThat(submission.sso()).isEqualTo(SsoSupport.OIDC);
    assertThat(submission.dataExportSupported()).isTrue();
    assertThat(submission.vendor()).as("absent stays absent, for @NotBlank").isNull();
  }

  @Test
  void shouldCollectEveryValueThatCannotBeConvertedAndGoOn() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("toolName", 42);
    variables.put("annualLicenseCost", "twelve");
    variables.put("seats", "2.5");
    variables.put("contractTermMonths", "x");
    variables.put("neededBy", List.of(2027, 2, 1));
    variables.put("personalData", "SOME");
    variables.put("dataExportSupported", "yes");
    variables.put("capabilities", 7);
    variables.put("vendor", "Eventful Inc.");

    var converted = read(variables);

    assertThat(converted.problems())
        .containsExactlyInAnyOrder(
            new FieldProblem("toolName", "must be text"),
            new FieldProblem("annualLicenseCost", "must be an amount such as 12000.00"),
            new FieldProblem("seats", "must be a whole number"),
            new FieldProblem("contractTermMonths", "must be a whole number"),
            new FieldProblem("neededBy", "must be a date written yyyy-MM-dd"),
            new FieldProblem(
                "personalData", "must be one of NONE, PSEUDONYMOUS, PERSONAL, SENSITIVE"),
            new FieldProblem("dataExportSupported", "must be true or false"),
            new FieldProblem("capabilities", "must be a list of capability codes"));
    assertThat(converted.submission().vendor()).isEqualTo("Eventful Inc.");
  }

  @Test
  void shouldKeepAWholeNumberBeyondTheIntegerRangeOutOfRangeForMinAndMax() {
    var converted = read(Map.of("seats", "99999999999999999999", "contractTermMonths", -1e12));
    assertThat(converted.problems()).isEmpty();
    assertThat(converted.submission().seats()).isEqualTo(Integer.MAX_VALUE);
    assertThat(converted.submission().contractTermMonths()).isEqualTo(Integer.MIN_VALUE);
  }
}
