package com.tandem.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The integrations shown on the offboarding forms fit a Camunda String variable. */
class IntegrationListTest {

  @Test
  void shouldListEveryIntegrationWhenTheyFit() {
    assertThat(RegisterOffboardingDelegate.listedWithin(List.of("Salesforce", "Slack"), 4000))
        .isEqualTo("Salesforce, Slack");
  }

  @Test
  void shouldEndALongListWithHowManyMoreThereAre() {
    List<String> names =
        IntStream.rangeClosed(1, 300)
            .mapToObj(i -> "Integration number %03d".formatted(i))
            .toList();

    String text = RegisterOffboardingDelegate.listedWithin(names, 4000);

    assertThat(text).hasSizeLessThanOrEqualTo(4000).startsWith("Integration number 001, ");
    assertThat(text).matches(".*, and \\d+ more$");
    int shown = text.split(", ").length - 1;
    assertThat(text).endsWith(", and %d more".formatted(300 - shown));
  }
}
