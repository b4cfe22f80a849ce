package com.tandem.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input at {@code POST /api/purchase-requests}: each is refused with 400, 413 or 415 and a
 * problem naming the field, and leaves no request row, no process instance, no key behind.
 */
class BadPayloadTest extends ApiTestSupport {

  private static Arguments field(String name, Consumer<Map<String, Object>> change, String field) {
    Map<String, Object> body = validBody();
    change.accept(body);
    return Arguments.of(name, json(body), "application/json", 400, field);
  }

  private static Arguments raw(
      String name, String body, String contentType, int status, String field) {
    return Arguments.of(name, body, contentType, status, field);
  }

  /** A valid body with {@code "field": <literal JSON>} in place of the field's value. */
  private static Arguments literal(String name, String fieldName, String literal, String field) {
    String body = json(validBody());
    Map<String, Object> valid = validBody();
    String original = "\"" + fieldName + "\":" + json(valid.get(fieldName));
    assertThat(body).contains(original);
    return Arguments.of(
        name,
        body.replace(original, "\"" + fieldName + "\":" + literal),
        "application/json",
        400,
        field);
  }

  static Stream<Arguments> badPayloads() {
    return Stream.of(
        raw("malformed JSON", "{\"toolName\": \"x\",", "application/json", 400, "body"),
        raw("not an object", "[1,2,3]", "application/json", 400, "body"),
        raw("a bare string", "\"hello\"", "application/json", 400, "body"),
        raw("empty body", "", "application/json", 400, "body"),
        raw("null body", "null", "application/json", 400, "body"),
        raw("trailing garbage", json(validBody()) + " {}", "application/json", 400, "body"),
        raw("text/plain", json(validBody()), "text/plain", 415, "Content-Type"),
        raw("form encoded", "toolName=x", "application/x-www-form-urlencoded", 415, "Content-Type"),
        raw("xml", "<request/>", "application/xml", 415, "Content-Type"),
        raw(
            "over 64 KiB",
            "{\"toolName\":\"" + "x".repeat(70_000) + "\"}",
            "application/json",
            413,
            "body"),
        raw(
            "deep nesting",
            "{\"capabilities\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
            "application/json",
            400,
            "capabilities[0]"),
        raw(
            "deep nesting of an unknown field",
            "{\"x\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}",
            "application/json",
            400,
            "body"),
        field("unknown field", b -> b.put("discount", 10), "discount"),
        field("missing toolName", b -> b.remove("toolName"), "toolName"),
        field("blank vendor", b -> b.put("vendor", "   "), "vendor"),
        field(
            "null justification",
            b -> b.put("businessJustification", null),
            "businessJustification"),
        field("toolName too long", b -> b.put("toolName", "x".repeat(201)), "toolName"),
        field(
            "justification too long",
            b -> b.put("businessJustification", "x".repeat(4001)),
            "businessJustification"),
        field("control character in name", b -> b.put("toolName", "Event\u0000ful"), "toolName"),
        field(
            "vendorUrl not a web address",
            b -> b.put("vendorUrl", "javascript:alert(1)"),
            "vendorUrl"),
        field("negative licence", b -> b.put("annualLicenseCost", -1), "annualLicenseCost"),
        field(
            "absurd implementation cost",
            b -> b.put("implementationCost", new java.math.BigDecimal("99999999999")),
            "implementationCost"),
        field(
            "three decimals",
            b -> b.put("annualLicenseCost", new java.math.BigDecimal("10.005")),
            "annualLicenseCost"),
        field("money as text", b -> b.put("annualLicenseCost", "12000.00"), "annualLicenseCost"),
        field("money as boolean", b -> b.put("implementationCost", true), "implementationCost"),
        literal("huge exponent", "annualLicenseCost", "1e999999", "annualLicenseCost"),
        literal("NaN", "annualLicenseCost", "NaN", "annualLicenseCost"),
        literal("Infinity", "implementationCost", "Infinity", "implementationCost"),
        literal("a thousand digits", "annualLicenseCost", "9".repeat(1000), "annualLicenseCost"),
        literal("five thousand digits", "annualLicenseCost", "9".repeat(5000), "body"),
        field("currency EUR", b -> b.put("currency", "EUR"), "currency"),
        field("currency lower case", b -> b.put("currency", "usd"), "currency"),
        field("seats zero", b -> b.put("seats", 0), "seats"),
        field("seats fraction", b -> b.put("seats", 2.5), "seats"),
        field("seats as text", b -> b.put("seats", "5"), "seats"),
        literal("seats beyond long", "seats", "99999999999999999999999", "seats"),
        field("term beyond 60 months", b -> b.put("contractTermMonths", 61), "contractTermMonths"),
        field("date in the past", b -> b.put("neededBy", "2001-01-01"), "neededBy"),
        field("impossible date", b -> b.put("neededBy", "2027-02-30"), "neededBy"),
        field("date in another format", b -> b.put("neededBy", "01/02/2027"), "neededBy"),
        field("date as array", b -> b.put("neededBy", List.of(2027, 2, 1)), "neededBy"),
        field("date too far ahead", b -> b.put("neededBy", "2099-01-01"), "neededBy"),
        field("unknown personalData", b -> b.put("personalData", "SOME"), "personalData"),
        field("personalData as number", b -> b.put("personalData", 1), "personalData"),
        field("sso lower case", b -> b.put("sso", "saml"), "sso"),
        field("no capabilities", b -> b.put("capabilities", List.of()), "capabilities"),
        field("capabilities as text", b -> b.put("capabilities", "crm"), "capabilities"),
        field(
            "unknown capability",
            b -> b.put("capabilities", List.of("mind-reading")),
            "capabilities"),
        field("capability as number", b -> b.put("capabilities", List.of(42)), "capabilities[0]"),
        field(
            "capability with a comma",
            b -> b.put("capabilities", List.of("crm,seo")),
            "capabilities[0]"),
        field(
            "too many capabilities",
            b -> b.put("capabilities", java.util.Collections.nCopies(21, "crm")),
            "capabilities"),
        field("unknown integration", b -> b.put("integrations", List.of("erp")), "integrations"),
        field("integrations as object", b -> b.put("integrations", Map.of("a", 1)), "integrations"),
        field(
            "dataExportSupported as text",
            b -> b.put("dataExportSupported", "yes"),
            "dataExportSupported"),
        field(
            "dataExportSupported as number",
            b -> b.put("dataExportSupported", 1),
            "dataExportSupported"),
        field(
            "dataExportSupported missing",
            b -> b.remove("dataExportSupported"),
            "dataExportSupported"),
        field("toolName as number", b -> b.put("toolName", 42), "toolName"),
        field("vendor as object", b -> b.put("vendor", Map.of("name", "x")), "vendor"),
        raw(
            "duplicate key",
            json(validBody()).replaceFirst("\\{", "{\"seats\":1,"),
            "application/json",
            400,
            "seats"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPayloads")
  void shouldRefuseBadInputNamingTheFieldAndLeaveNothingBehind(
      String name, String body, String contentType, int status, String field) {
    Footprint before = footprint();

    Reply reply =
        post(
            "requester",
            "/api/purchase-requests",
            body,
            contentType,
            "Idempotency-Key",
            "bad-" + Math.abs(name.hashCode()));

    assertProblem(reply, status);
    assertThat(reply.errorFields()).as("fields named in %s", reply.raw().body()).contains(field);
    reply
        .json()
        .get("errors")
        .forEach(e -> assertThat(e.get("message").asText()).isNotBlank().hasSizeLessThan(400));
    assertThat(footprint()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPayloads")
  void shouldNeverAnswerWithAServerErrorNorLeakInternals(
      String name, String body, String contentType, int status, String field) {
    Reply reply = post("requester", "/api/purchase-requests", body, contentType);
    assertThat(reply.status()).isLessThan(500);
    assertThat(reply.raw().body()).doesNotContain("Exception", "at com.", "org.springframework");
  }

  /**
   * Random JSON at the submit endpoint, reproducible by seed ({@code -Dtandem.fuzz.seed=...}):
   * random structures and types, mutations of a valid body, huge numbers, unicode, deep nesting.
   * Never a 5xx; an input that was refused started nothing.
   */
  @TestFactory
  Stream<DynamicTest> shouldSurviveRandomJson() {
    long seed = Long.getLong("tandem.fuzz.seed", System.nanoTime());
    int cases = Integer.getInteger("tandem.fuzz.cases", 300);
    Random random = new Random(seed);
    RandomJson generator = new RandomJson(random);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      String body = generator.next();
      int n = i;
      tests.add(
          DynamicTest.dynamicTest(
              "seed " + seed + " case " + n,
              () -> {
                Footprint before = footprint();
                Reply reply = post("requester", "/api/purchase-requests", body, "application/json");
                assertThat(reply.status())
                    .as("seed %d case %d: %s", seed, n, abbreviate(body))
                    .isLessThan(500);
                if (reply.status() == 201) {
                  assertThat(footprint().requests()).isEqualTo(before.requests() + 1);
                } else {
                  assertThat(reply.status()).as(abbreviate(body)).isIn(400, 413);
                  assertThat(reply.contentType()).startsWith("application/problem+json");
                  assertThat(reply.errorFields()).isNotEmpty();
                  assertThat(footprint())
                      .as("nothing started for %s", abbreviate(body))
                      .isEqualTo(before);
                }
              }));
    }
    return tests.stream();
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  /** Generates JSON texts: random documents, and valid bodies with one or more fields mutated. */
  static final class RandomJson {
    private static final String[] STRINGS = {
      "",
      " ",
      "crm",
      "USD",
      "NONE",
      "SAML",
      "2027-02-01",
      "null",
      "true",
      "12000.00",
      "\u0000",
      "\uD83D\uDE00 emoji",
      "Ünïcödé",
      "\u202Eevil",
      "<script>",
      "' OR 1=1 --",
      "\\",
      "\"",
      "NaN",
      "-0",
      "1e309",
      "x".repeat(5000)
    };
    private static final String[] NUMBERS = {
      "0",
      "-1",
      "1",
      "12000.00",
      "1e999999",
      "-1e-999999",
      "0.001",
      "99999999999999999999999999999999999",
      "1.5",
      "-0",
      "2147483648",
      "9223372036854775808",
      "1E2",
      "3.14159"
    };
    private final Random random;

    RandomJson(Random random) {
      this.random = random;
    }

    String next() {
      return switch (random.nextInt(4)) {
        case 0 -> value(0);
        case 1, 2 -> mutatedBody();
        default -> brokenText();
      };
    }

    private String mutatedBody() {
      Map<String, Object> body = validBody();
      String json = json(body);
      int mutations = 1 + random.nextInt(3);
      List<String> fields = new ArrayList<>(body.keySet());
      for (int i = 0; i < mutations; i++) {
        String field = fields.get(random.nextInt(fields.size()));
        String current = "\"" + field + "\":" + json(body.get(field));
        if (!json.contains(current)) {
          continue;
        }
        json =
            switch (random.nextInt(3)) {
              case 0 -> json.replace(current, "\"" + field + "\":" + value(0));
              case 1 -> json.replace(current + ",", "");
              default -> json.replace(current, current + ",\"" + string() + "\":" + value(0));
            };
      }
      return json;
    }

    private String brokenText() {
      String json = json(validBody());
      int cut = random.nextInt(json.length());
      return switch (random.nextInt(3)) {
        case 0 -> json.substring(0, cut);
        case 1 -> json.substring(0, cut) + (char) random.nextInt(0x3000) + json.substring(cut);
        default -> "[".repeat(random.nextInt(3000)) + json;
      };
    }

    private String value(int depth) {
      int kind = depth > 6 ? random.nextInt(4) : random.nextInt(6);
      return switch (kind) {
        case 0 -> "null";
        case 1 -> random.nextBoolean() ? "true" : "false";
        case 2 -> NUMBERS[random.nextInt(NUMBERS.length)];
        case 3 -> json(string());
        case 4 -> {
          StringBuilder array = new StringBuilder("[");
          int n = random.nextInt(4);
          for (int i = 0; i < n; i++) {
            array.append(i > 0 ? "," : "").append(value(depth + 1));
          }
          yield array.append(']').toString();
        }
        default -> {
          StringBuilder object = new StringBuilder("{");
          int n = random.nextInt(4);
          for (int i = 0; i < n; i++) {
            object
                .append(i > 0 ? "," : "")
                .append(json(string()))
                .append(':')
                .append(value(depth + 1));
          }
          yield object.append('}').toString();
        }
      };
    }

    private String string() {
      if (random.nextInt(3) == 0) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(20);
        for (int i = 0; i < n; i++) {
          s.appendCodePoint(random.nextInt(0x2FFFF));
        }
        return s.toString().replaceAll("[\\uD800-\\uDFFF]", "?");
      }
      return STRINGS[random.nextInt(STRINGS.length)];
    }
  }
}
