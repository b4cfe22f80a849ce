package com.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

class ParseCachingFeelEngineFactoryTest {

  static DmnEngine engine(boolean parseCaching) {
    var configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (parseCaching) {
      configuration.setFeelEngineFactory(
          new ParseCachingFeelEngineFactory(configuration::getFeelCustomFunctionProviders));
    }
    return configuration.buildEngine();
  }

  static DmnDecision routing(DmnEngine engine) throws Exception {
    try (InputStream dmn =
        ParseCachingFeelEngineFactoryTest.class.getResourceAsStream("/bpmn/review-routing.dmn")) {
      return engine.parseDecision("review-routing", dmn);
    }
  }

  @Test
  void shouldRouteEveryRequestExactlyAsCamundasOwnFeelEngineDoes() throws Exception {
    DmnEngine stock = engine(false);
    DmnEngine caching = engine(true);
    DmnDecision stockRouting = routing(stock);
    DmnDecision cachingRouting = routing(caching);

    List<String> compared = new ArrayList<>();
    // Twice over the grid: the second round is answered from parsed expressions only.
    for (int round = 0; round < 2; round++) {
      for (String personalData : List.of("NONE", "PSEUDONYMOUS", "PERSONAL", "SENSITIVE")) {
        for (String sso : List.of("SAML", "OIDC", "NONE")) {
          for (int integrations : new int[] {0, 2, 3, 6}) {
            for (double cost : new double[] {0, 49_999.99, 50_000, 99_999.99, 100_000, 250_000}) {
              var inputs =
                  Variables.createVariables()
                      .putValue("personalData", personalData)
                      .putValue("sso", sso)
                      .putValue("integrationCount", integrations)
                      .putValue("totalFirstYearCost", cost)
                      .putValue("boardThreshold", 100_000d);
              Map<String, Object> expected =
                  stock.evaluateDecision(stockRouting, inputs).getSingleResult().getEntryMap();
              Map<String, Object> actual =
                  caching.evaluateDecision(cachingRouting, inputs).getSingleResult().getEntryMap();
              assertThat(actual)
                  .as("%s, %s, %d integrations, %.2f", personalData, sso, integrations, cost)
                  .isEqualTo(expected);
              compared.add(personalData);
            }
          }
        }
      }
    }
    assertThat(compared).hasSize(2 * 4 * 3 * 4 * 6);
  }

  @Test
  void shouldParseEachExpressionOnce() {
    var engine =
        (org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine)
            new ParseCachingFeelEngineFactory(List::of).createInstance();
    VariableContext small = Variables.createVariables().putValue("cost", 10).asVariableContext();
    VariableContext large =
        Variables.createVariables().putValue("cost", 100_000).asVariableContext();

    for (int i = 0; i < 3; i++) {
      assertThat((Object) engine.evaluateSimpleExpression("cost * 2", small)).isEqualTo(20L);
      assertThat((Object) engine.evaluateSimpleExpression("cost * 2", large)).isEqualTo(200_000L);
      assertThat(engine.evaluateSimpleUnaryTests(">= 50000", "cost", small)).isFalse();
      assertThat(engine.evaluateSimpleUnaryTests(">= 50000", "cost", large)).isTrue();
    }
    var inner = (ParseCachingFeelEngineFactory.ParseCachingEngine) feelEngineOf(engine);
    assertThat(inner.cachedCount()).isEqualTo(2);
  }

  @Test
  void shouldReportABadExpressionOnEveryEvaluation() {
    var engine = new ParseCachingFeelEngineFactory(List::of).createInstance();
    VariableContext context = Variables.createVariables().putValue("cost", 10).asVariableContext();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> engine.evaluateSimpleExpression("cost * (", context))
          .isInstanceOf(FeelException.class)
          .hasMessageContaining("cost * (");
    }
    assertThat(
            ((ParseCachingFeelEngineFactory.ParseCachingEngine)
                    feelEngineOf((org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine) engine))
                .cachedCount())
        .isZero();
  }

  private static org.camunda.feel.FeelEngine feelEngineOf(
      org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine engine) {
    try {
      var field =
          org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine.class.getDeclaredField("feelEngine");
      field.setAccessible(true);
      return (org.camunda.feel.FeelEngine) field.get(engine);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
