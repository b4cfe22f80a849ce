package com.tandem.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The routing rules of bpmn/review-routing.dmn, table by table, on the plain DMN engine. */
class ReviewRoutingDecisionTest {

  static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static Map<String, DmnDecision> decisions;

  @BeforeAll
  static void parse() throws Exception {
    try (InputStream dmn =
        ReviewRoutingDecisionTest.class.getResourceAsStream("/bpmn/review-routing.dmn")) {
      decisions = new java.util.HashMap<>();
      DMN.parseDecisions(dmn).forEach(d -> decisions.put(d.getKey(), d));
    }
  }

  static DmnDecisionResultEntries evaluate(String key, Object... keyValues) {
    var vars = Variables.createVariables();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.putValue((String) keyValues[i], keyValues[i + 1]);
    }
    return DMN.evaluateDecision(decisions.get(key), vars).getSingleResult();
  }

  @Nested
  class PrivacyReview {
    @ParameterizedTest(name = "{0} → privacy review {1}")
    @CsvSource({"NONE,false", "PSEUDONYMOUS,false", "PERSONAL,true", "SENSITIVE,true"})
    void shouldAskPrivacyExactlyForPersonalAndSensitiveData(String personalData, boolean expected) {
      assertThat(
              (Boolean)
                  evaluate("privacy-review", "personalData", personalData)
                      .getEntry("privacyReviewRequired"))
          .isEqualTo(expected);
    }
  }

  @Nested
  class ReviewSla {
    @ParameterizedTest(name = "{0}, cost {1}, {2} integrations, SSO {3} → {4} days")
    @CsvSource({
      "SENSITIVE,1000,0,SAML,10",
      "SENSITIVE,90000,5,NONE,10",
      "NONE,50000,0,SAML,7",
      "PERSONAL,49999.99,3,OIDC,7",
      "NONE,1000,0,NONE,7",
      "PSEUDONYMOUS,1000,2,SAML,5",
      "PERSONAL,0,0,OIDC,5"
    })
    void shouldGiveReviewersMoreTimeForHarderRequests(
        String personalData, double cost, int integrations, String sso, int days) {
      var result =
          evaluate(
              "review-sla",
              "personalData",
              personalData,
              "totalFirstYearCost",
              cost,
              "integrationCount",
              integrations,
              "sso",
              sso);
      assertThat(((Number) result.getEntry("reviewSlaDays")).intValue()).isEqualTo(days);
    }
  }

  @Nested
  class BoardRouting {
    @ParameterizedTest(name = "cost {0}, threshold {1} → board {2}")
    @CsvSource({
      "99999.99,100000,false",
      "100000,100000,true",
      "250000,100000,true",
      "60000,50000,true",
      "0,100000,false"
    })
    void shouldSendToTheBoardAtOrAboveTheConfiguredThreshold(
        double cost, double threshold, boolean board) {
      assertThat(
              (Boolean)
                  evaluate("board-routing", "totalFirstYearCost", cost, "boardThreshold", threshold)
                      .getEntry("boardRequired"))
          .isEqualTo(board);
    }
  }

  @Nested
  class Routing {
    @Test
    void shouldAlwaysAskMarketingAndItAndCombineTheOtherTables() {
      var result =
          evaluate(
              "review-routing",
              "personalData",
              "PERSONAL",
              "totalFirstYearCost",
              120000.0,
              "integrationCount",
              1,
              "sso",
              "SAML",
              "boardThreshold",
              100000.0);
      assertThat(result.getEntryMap())
          .containsEntry("marketingReviewRequired", true)
          .containsEntry("itReviewRequired", true)
          .containsEntry("privacyReviewRequired", true)
          .containsEntry("boardRequired", true);
      assertThat(((Number) result.getEntry("reviewSlaDays")).intValue()).isEqualTo(7);
    }

    @Test
    void shouldRouteASmallAnonymousToolToMarketingAndItOnly() {
      var result =
          evaluate(
              "review-routing",
              "personalData",
              "NONE",
              "totalFirstYearCost",
              15000.0,
              "integrationCount",
              1,
              "sso",
              "SAML",
              "boardThreshold",
              100000.0);
      assertThat(result.getEntryMap())
          .containsEntry("privacyReviewRequired", false)
          .containsEntry("boardRequired", false);
      assertThat(((Number) result.getEntry("reviewSlaDays")).intValue()).isEqualTo(5);
    }
  }
}
