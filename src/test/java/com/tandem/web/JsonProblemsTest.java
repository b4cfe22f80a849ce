package com.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** Each kind of Jackson error, read with the API's strict mapper, named by its field. */
class JsonProblemsTest {

  enum Colour {
    RED,
    GREEN
  }

  record Body(
      String name, Integer count, BigDecimal amount, Boolean flag, Colour colour, List<String> tags)
      implements StrictJson {}

  private static final ObjectMapper STRICT =
      new ApiWebConfig(
              new Jackson2ObjectMapperBuilder(),
              new ApiProperties(65536, Duration.ofSeconds(30), 8, Duration.ofSeconds(10)),
              null)
          .strictObjectMapper();

  private static Throwable refusal(String json) {
    try {
      STRICT.readerFor(Body.class).readValue(json.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException refused) {
      return refused;
    }
    return fail("accepted: " + json);
  }

  private static FieldProblem problem(String json) {
    return JsonProblems.of(refusal(json), json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldNameAnUnknownFieldAndListTheKnownOnes() {
    FieldProblem problem = problem("{\"name\":\"x\",\"discount\":10}");
    assertThat(problem.field()).isEqualTo("discount");
    assertThat(problem.message())
        .isEqualTo(
            "is not a field of this request (fields: amount, colour, count, flag, name, tags)");
  }

  @Test
  void shouldListTheChoicesOfAnUnknownEnumValue() {
    assertThat(problem("{\"colour\":\"BLUE\"}"))
        .isEqualTo(new FieldProblem("colour", "must be one of RED, GREEN"));
  }

  @Test
  void shouldSayWhatTypeAFieldWantsWhenTheInputMismatches() {
    assertThat(problem("{\"count\":\"5\"}"))
        .isEqualTo(new FieldProblem("count", "must be a whole number"));
    assertThat(problem("{\"count\":2.5}"))
        .isEqualTo(new FieldProblem("count", "must be a whole number"));
    assertThat(problem("{\"amount\":\"12.00\"}"))
        .isEqualTo(new FieldProblem("amount", "must be a number such as 12000.00"));
    assertThat(problem("{\"flag\":1}"))
        .isEqualTo(new FieldProblem("flag", "must be true or false"));
    assertThat(problem("{\"name\":42}")).isEqualTo(new FieldProblem("name", "must be text"));
    assertThat(problem("{\"tags\":\"crm\"}")).isEqualTo(new FieldProblem("tags", "must be a list"));
  }

  @Test
  void shouldNameTheElementOfAListThatHasTheWrongType() {
    assertThat(problem("{\"tags\":[\"crm\",42]}"))
        .isEqualTo(new FieldProblem("tags[1]", "must be text"));
  }

  @Test
  void shouldAskForAnObjectWhenTheBodyIsAnotherValue() {
    assertThat(problem("[1,2,3]")).isEqualTo(new FieldProblem("body", "must be a JSON object"));
  }

  @Test
  void shouldRefuseTrailingTokens() {
    assertThat(problem("{\"name\":\"x\"} {}"))
        .isEqualTo(new FieldProblem("body", "must hold one JSON object and nothing after it"));
    assertThat(problem("{\"name\":\"x\"} 42"))
        .isEqualTo(new FieldProblem("body", "must hold one JSON object and nothing after it"));
  }

  @Test
  void shouldNameANumberTooLargeForItsField() {
    assertThat(problem("{\"count\":99999999999999999999999}"))
        .isEqualTo(new FieldProblem("count", "is too large a number"));
  }

  @Test
  void shouldRefuseTooDeepOrTooLongInputAsAWhole() {
    assertThat(problem("{\"x\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}"))
        .isEqualTo(new FieldProblem("body", "is too large or too deeply nested to be read"));
    assertThat(problem("{\"amount\":" + "9".repeat(5000) + "}"))
        .isEqualTo(new FieldProblem("body", "is too large or too deeply nested to be read"));
  }

  @Test
  void shouldNameAFieldGivenTwice() {
    assertThat(problem("{\"count\":1,\"name\":\"x\",\"count\":2}"))
        .isEqualTo(new FieldProblem("count", "is given twice"));
  }

  @Test
  void shouldNameANonNumber() {
    assertThat(problem("{\"name\":\"x\",\"amount\":NaN}"))
        .isEqualTo(
            new FieldProblem("amount", "must be a number such as 12000.00 (not NaN or Infinity)"));
    assertThat(problem("{\"amount\":-Infinity}").field()).isEqualTo("amount");
  }

  @Test
  void shouldLocateMalformedJson() {
    assertThat(problem("{\"name\": \"x\",\n \"count\" 5}"))
        .isEqualTo(new FieldProblem("body", "is not valid JSON (line 2, column 10)"));
    assertThat(problem("{\"name\": \"x\",").field()).isEqualTo("body");
  }

  @Test
  void shouldAskForABodyWhenThereIsNone() {
    assertThat(JsonProblems.of(null, null))
        .isEqualTo(
            new FieldProblem("body", "is required: a JSON object with the request's fields"));
  }

  @Test
  void shouldTellWrongTypesInAFieldFromOtherRefusals() {
    assertThat(JsonProblems.isWrongTypeInAField(refusal("{\"count\":\"5\"}"))).isTrue();
    assertThat(JsonProblems.isWrongTypeInAField(refusal("{\"tags\":[1]}"))).isTrue();
    assertThat(JsonProblems.isWrongTypeInAField(refusal("{\"count\":1e40}"))).isTrue();
    assertThat(JsonProblems.isWrongTypeInAField(refusal("{\"x\":1}"))).isFalse();
    assertThat(JsonProblems.isWrongTypeInAField(refusal("{\"count\":1,\"count\":2}"))).isFalse();
    assertThat(JsonProblems.isWrongTypeInAField(refusal("[1]"))).isFalse();
    assertThat(JsonProblems.isWrongTypeInAField(refusal("{} {}"))).isFalse();
  }
}
