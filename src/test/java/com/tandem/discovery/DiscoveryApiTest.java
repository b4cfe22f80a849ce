package com.tandem.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Discovery over HTTP on the whole application (H2, demo data with its sample imports): imports of
 * each layout, usage of owned tools, links to open requests, one finding per vendor, exactly-once
 * imports, a crashed import re-run, pushes, the list, roles, and every kind of bad file and line,
 * each leaving nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DiscoveryApiTest.FindingEvents.class)
class DiscoveryApiTest {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final String EXPENSE_HEADER = "date,merchant,amount,currency,employeeEmail,costCentre\n";
  static final String OKTA_HEADER =
      "Person,Login,Application Username,Instance Name,Login Date,Login Date_ISO8601\n";

  /** The FindingDiscovered events published, for the assertions. */
  @TestConfiguration(proxyBeanMethods = false)
  static class FindingEvents {
    final List<FindingDiscovered> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(FindingDiscovered event) {
      seen.add(event);
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired FindingEvents events;
  @Autowired DiscoveryImports imports;
  @Autowired FindingService findings;

  /** A vendor name nobody has seen yet, so that tests do not meet each other's findings. */
  String vendor;

  @BeforeEach
  void newVendor() {
    vendor = "Zyx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  record Reply(int status, String contentType, JsonNode json) {}

  record Footprint(long findings, long sightings, long imports, long events) {}

  Footprint footprint() {
    return new Footprint(
        count("tandem_discovery_finding"),
        count("tandem_discovery_sighting"),
        count("tandem_discovery_import"),
        events.seen.size());
  }

  long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  Reply upload(String user, String source, byte[] file) {
    Map<String, Object> parts = new LinkedHashMap<>();
    if (file != null) {
      parts.put("file", file);
    }
    if (source != null) {
      parts.put("source", source);
    }
    return multipart(user, parts);
  }

  Reply upload(String source, String csv) {
    return upload("itops", source, csv.getBytes(StandardCharsets.UTF_8));
  }

  Reply multipart(String user, Map<String, Object> parts) {
    String boundary = "----tandem" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      for (var part : parts.entrySet()) {
        body.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
        if (part.getValue() instanceof byte[] bytes) {
          body.write(
              ("Content-Disposition: form-data; name=\""
                      + part.getKey()
                      + "\"; filename=\"export.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
          body.write(bytes);
        } else {
          body.write(
              ("Content-Disposition: form-data; name=\"" + part.getKey() + "\"\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
          body.write(part.getValue().toString().getBytes(StandardCharsets.UTF_8));
        }
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(
        user,
        HttpRequest.newBuilder(uri("/api/discovery-imports"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  Reply post(String user, String path, String contentType, String body) {
    return send(
        user,
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Reply get(String user, String path) {
    return send(user, HttpRequest.newBuilder(uri(path)).GET());
  }

  Reply send(String user, HttpRequest.Builder request) {
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    request.timeout(Duration.ofSeconds(60));
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      try {
        json = response.body().isBlank() ? null : JSON.readTree(response.body());
      } catch (IOException notJson) {
        // left null
      }
      return new Reply(
          response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  JsonNode finding(String vendorName) {
    for (JsonNode f : get("itops", "/api/discoveries").json()) {
      if (com.tandem.inventory.VendorNames.key(f.get("vendor").asText())
          .equals(com.tandem.inventory.VendorNames.key(vendorName))) {
        return f;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- imports that work

  @Test
  void shouldCountOwnedToolsAsUsageAndMakeOneFindingPerUnknownVendor() {
    String csv =
        EXPENSE_HEADER
            + "2026-02-03,HUBSPOT INC 888-4827768 MA,3600.00,USD,ben@tandem.example,MKT\n"
            + "2026-02-05,PAYPAL *CANVA,119.99,USD,ana@tandem.example,MKT\n"
            + "2026-02-09,SQ *"
            + vendor.toUpperCase()
            + " LTD,1490.00,USD,chloe@tandem.example,EVENTS\n"
            + "2026-02-20,SQ *"
            + vendor.toUpperCase()
            + " LTD,1490.00,EUR,dev@tandem.example,EVENTS\n";
    Footprint before = footprint();

    Reply reply = upload("EXPENSE", csv);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("linesRead").asInt()).isEqualTo(4);
    assertThat(reply.json().get("matchedOwnedTools").asInt()).isEqualTo(2);
    assertThat(reply.json().get("linkedToRequests").asInt()).isZero();
    assertThat(reply.json().get("newFindings").asInt()).isEqualTo(1);
    assertThat(reply.json().get("refused")).isEmpty();
    Footprint after = footprint();
    assertThat(after.findings() - before.findings()).isEqualTo(1);
    assertThat(after.sightings() - before.sightings()).isEqualTo(4);
    assertThat(after.events() - before.events()).isEqualTo(1);
    JsonNode finding = finding(vendor);
    assertThat(finding.get("id").asText()).matches("SIT-\\d{4}-\\d{5}");
    assertThat(finding.get("status").asText()).isEqualTo("DISCOVERED");
    assertThat(finding.get("sightings").asInt()).isEqualTo(2);
    assertThat(finding.get("usersSeen").asInt()).isEqualTo(2);
    assertThat(finding.get("firstSeen").asText()).isEqualTo("2026-02-09");
    Map<String, java.math.BigDecimal> spend = new java.util.TreeMap<>();
    finding
        .get("spendSeen")
        .forEach(m -> spend.put(m.get("currency").asText(), m.get("amount").decimalValue()));
    assertThat(spend).containsOnlyKeys("EUR", "USD");
    assertThat(spend.get("EUR")).isEqualByComparingTo("1490.00");
    assertThat(spend.get("USD")).isEqualByComparingTo("1490.00");
    FindingSummary summary = findings.summary(finding.get("id").asText()).orElseThrow();
    assertThat(summary.sources()).containsExactly(DiscoverySource.EXPENSE);
    assertThat(summary.costCentres()).containsExactly("EVENTS");
    assertThat(events.seen).anyMatch(e -> e.findingId().equals(finding.get("id").asText()));
  }

  @Test
  void shouldAnswerTheSameFileTwiceWithTheFirstSummaryAndChangeNothing() {
    String csv =
        EXPENSE_HEADER
            + "2026-02-09,"
            + vendor
            + ",10.00,USD,a@tandem.example,X\n"
            + "2026-02-10,,10.00,USD,a@tandem.example,X\n";
    Reply first = upload("EXPENSE", csv);
    Footprint between = footprint();

    Reply second = upload("EXPENSE", csv);

    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("alreadyImported").asBoolean()).isTrue();
    assertThat(second.json().get("message").asText()).contains("imported already");
    for (String field :
        List.of("linesRead", "matchedOwnedTools", "linkedToRequests", "newFindings", "refused")) {
      assertThat(second.json().get(field)).isEqualTo(first.json().get(field));
    }
    assertThat(first.json().get("alreadyImported").asBoolean()).isFalse();
    assertThat(footprint()).isEqualTo(between);
  }

  @Test
  void shouldMakeOneFindingOfAVendorThatTwoSourcesName() {
    upload(
        "EXPENSE",
        EXPENSE_HEADER
            + "2026-02-09,STRIPE*"
            + vendor.toUpperCase()
            + " LABS INC,10.00,USD,a@x.example,X\n");
    Footprint between = footprint();

    Reply sso =
        upload(
            "SSO",
            OKTA_HEADER
                + "Ana,ana@x.example,ana,"
                + vendor
                + " - Marketing,\"Mar 3, 2026\",2026-03-03T09:14:02.000Z\n"
                + "Ben,ben@x.example,ben,"
                + vendor
                + " - Marketing,\"Mar 4, 2026\",2026-03-04T09:14:02.000Z\n");

    assertThat(sso.json().get("newFindings").asInt()).isZero();
    Footprint after = footprint();
    assertThat(after.findings()).isEqualTo(between.findings());
    assertThat(after.events()).isEqualTo(between.events());
    JsonNode finding = finding(vendor + " Labs");
    assertThat(finding.get("sightings").asInt()).isEqualTo(3);
    assertThat(finding.get("usersSeen").asInt()).isEqualTo(3);
    assertThat(findings.summary(finding.get("id").asText()).orElseThrow().sources())
        .containsExactlyInAnyOrder(DiscoverySource.EXPENSE, DiscoverySource.SSO);
  }

  @Test
  void shouldFinishACrashedImportWhenTheFileIsUploadedAgain() {
    StringBuilder csv = new StringBuilder(EXPENSE_HEADER);
    for (int i = 0; i < 10; i++) {
      csv.append("2026-02-1")
          .append(i)
          .append(",")
          .append(i % 2 == 0 ? vendor : "HUBSPOT INC")
          .append(",10.00,USD,p")
          .append(i)
          .append("@x.example,X\n");
    }
    byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
    Footprint before = footprint();
    assertThatThrownBy(
            () -> imports.importFile(DiscoverySource.EXPENSE, "crash.csv", file, "itops", 5))
        .hasMessageContaining("Simulated crash");
    Footprint crashed = footprint();
    assertThat(crashed.sightings() - before.sightings()).isEqualTo(5);
    assertThat(crashed.imports()).isEqualTo(before.imports());

    Reply rerun = upload("itops", "EXPENSE", file);

    assertThat(rerun.status()).isEqualTo(200);
    assertThat(rerun.json().get("alreadyImported").asBoolean()).isFalse();
    assertThat(rerun.json().get("linesRead").asInt()).isEqualTo(10);
    assertThat(rerun.json().get("matchedOwnedTools").asInt()).isEqualTo(5);
    assertThat(rerun.json().get("newFindings").asInt()).isEqualTo(1);
    Footprint after = footprint();
    assertThat(after.sightings() - before.sightings()).isEqualTo(10);
    assertThat(after.findings() - before.findings()).isEqualTo(1);
    assertThat(after.events() - before.events()).isEqualTo(1);
    assertThat(finding(vendor).get("sightings").asInt()).isEqualTo(5);
  }

  @Test
  void shouldLinkASightingOfAnOpenRequestsVendorToTheRequest() {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("toolName", vendor + " Events");
    request.put("vendor", vendor + " Inc.");
    request.put("vendorUrl", "https://www." + vendor.toLowerCase() + ".example");
    request.put("capabilities", List.of("event-management"));
    request.put("businessJustification", "Webinars.");
    request.put("annualLicenseCost", 1200);
    request.put("implementationCost", 300);
    request.put("currency", "USD");
    request.put("seats", 5);
    request.put("contractTermMonths", 12);
    request.put("neededBy", LocalDate.now().plusMonths(3).toString());
    request.put("personalData", "NONE");
    request.put("sso", "SAML");
    request.put("integrations", List.of());
    request.put("dataExportSupported", true);
    Reply submitted;
    try {
      submitted =
          post(
              "requester",
              "/api/purchase-requests",
              "application/json",
              JSON.writeValueAsString(request));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    assertThat(submitted.status()).isEqualTo(201);
    String requestId = submitted.json().get("id").asText();
    Footprint before = footprint();

    Reply reply =
        upload(
            "EXPENSE",
            EXPENSE_HEADER
                + "2026-02-09,PAYPAL *"
                + vendor.toUpperCase()
                + ",99.00,USD,a@x.example,X\n");

    assertThat(reply.json().get("linkedToRequests").asInt()).isEqualTo(1);
    assertThat(reply.json().get("newFindings").asInt()).isZero();
    assertThat(footprint().findings()).isEqualTo(before.findings());
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM tandem_discovery_sighting WHERE request_id = ?")
                .param(requestId)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // ...and its reviewers see it on the request, once the inventory check moved it on.
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(requestId)
            .singleResult()
            .getId();
    for (int i = 0; i < 10; i++) {
      var jobs = management.createJobQuery().processInstanceId(instance).executable().list();
      if (jobs.isEmpty()) {
        break;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    JsonNode usage = get("cmo", "/api/purchase-requests/" + requestId).json().get("usageSeen");
    assertThat(usage.get("sightings").asInt()).isEqualTo(1);
    assertThat(usage.get("usersSeen").asInt()).isEqualTo(1);
    assertThat(usage.get("spendSeen").get(0).get("currency").asText()).isEqualTo("USD");
    assertThat(usage.get("spendSeen").get(0).get("amount").decimalValue())
        .isEqualByComparingTo("99");
    assertThat(usage.get("lastSeen").asText()).isEqualTo("2026-02-09");
    assertThat(usage.get("sources").toString()).isEqualTo("[\"EXPENSE\"]");
  }

  @Test
  void shouldRecordAPushOnceAndMatchItByDomain() {
    String body =
        "{\"source\":\"PUSH\",\"vendor\":null,\"application\":null,\"domain\":\"app."
            + vendor.toLowerCase()
            + ".io\",\"users\":4,\"amount\":25.00,\"currency\":\"USD\",\"seenOn\":\"2026-03-01\"}";
    Footprint before = footprint();

    Reply first = post("itops", "/api/discoveries", "application/json", body);
    Reply again = post("itops", "/api/discoveries", "application/json", body);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("newFindings").asInt()).isEqualTo(1);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("alreadyImported").asBoolean()).isTrue();
    Footprint after = footprint();
    assertThat(after.sightings() - before.sightings()).isEqualTo(1);
    assertThat(after.findings() - before.findings()).isEqualTo(1);
    JsonNode finding = finding(vendor);
    assertThat(finding.get("usersSeen").asInt()).isEqualTo(4);
    assertThat(findings.summary(finding.get("id").asText()).orElseThrow().domains())
        .containsExactly("app." + vendor.toLowerCase() + ".io");
  }

  @Test
  void shouldListFindingsByStatusAndMoveTheirStatus() {
    upload("EXPENSE", EXPENSE_HEADER + "2026-02-09," + vendor + ",10.00,USD,a@x.example,X\n");
    String id = finding(vendor).get("id").asText();

    findings.setStatus(id, FindingStatus.IN_REVIEW);
    findings.setProcessInstance(id, "pi-1");

    assertThat(get("cmo", "/api/discoveries?status=IN_REVIEW").json().findValuesAsText("id"))
        .contains(id);
    assertThat(get("cmo", "/api/discoveries?status=DISCOVERED").json().findValuesAsText("id"))
        .doesNotContain(id);
    assertThat(findings.find(id).orElseThrow().processInstanceId()).isEqualTo("pi-1");
    Reply bad = get("itops", "/api/discoveries?status=LOST");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
  }

  @Test
  void shouldLoadTheSamplesWithTheDemoData() {
    assertThat(count("tandem_discovery_import")).isGreaterThanOrEqualTo(4);
    for (String vendorName : List.of("Airtable", "Miro", "Loom", "Hopin", "Notion Labs")) {
      assertThat(finding(vendorName)).as(vendorName).isNotNull();
    }
    assertThat(finding("Canva")).isNull();
    assertThat(finding("HubSpot Marketing Hub")).isNull();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM tandem_discovery_refusal").query(Long.class).single())
        .isGreaterThanOrEqualTo(4);
  }

  @Test
  void shouldRefuseCallersOutsideTheRoles() {
    Footprint before = footprint();
    String csv = EXPENSE_HEADER + "2026-02-09," + vendor + ",10.00,USD,a@x.example,X\n";
    assertThat(upload("requester", "EXPENSE", csv.getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(403);
    assertThat(upload("cmo", "EXPENSE", csv.getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(403);
    assertThat(upload(null, "EXPENSE", csv.getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(401);
    assertThat(get("requester", "/api/discoveries").status()).isEqualTo(403);
    assertThat(upload("cio", "EXPENSE", csv.getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(200);
    assertThat(footprint().findings() - before.findings()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- bad files

  static Arguments badFile(String name, String source, byte[] file, int status, String field) {
    return Arguments.of(name, source, file, status, field);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Arguments> badFiles() {
    StringBuilder tooManyLines = new StringBuilder(EXPENSE_HEADER);
    for (int i = 0; i <= 100_000; i++) {
      tooManyLines.append("2026-01-01,ACME,1,USD,,\n");
    }
    byte[] tooLarge = new byte[20 * 1024 * 1024 + 10];
    byte[] header = utf8(EXPENSE_HEADER);
    System.arraycopy(header, 0, tooLarge, 0, header.length);
    java.util.Arrays.fill(tooLarge, header.length, tooLarge.length, (byte) 'a');
    return Stream.of(
        badFile("an empty file", "EXPENSE", new byte[0], 400, "file"),
        badFile("blank lines only", "EXPENSE", utf8("\n\r\n  \n"), 400, "file"),
        badFile(
            "a zip archive",
            "EXPENSE",
            new byte[] {0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0},
            415,
            "file"),
        badFile(
            "a PNG image",
            "SSO",
            new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0},
            415,
            "file"),
        badFile(
            "Latin-1 text",
            "EXPENSE",
            (EXPENSE_HEADER + "2026-01-01,CAF\u00c9,1,USD,,\n")
                .getBytes(StandardCharsets.ISO_8859_1),
            415,
            "file"),
        badFile(
            "an unknown header", "EXPENSE", utf8("when,who,what\n2026-01-01,a,b\n"), 400, "file"),
        badFile(
            "JSON instead of CSV",
            "EXPENSE",
            utf8("{\"merchant\":\"ACME\",\"amount\":1}"),
            400,
            "file"),
        badFile(
            "an unterminated quote",
            "EXPENSE",
            utf8(EXPENSE_HEADER + "2026-01-01,\"ACME,1,USD,,\n"),
            400,
            "file"),
        badFile(
            "text after a closing quote",
            "EXPENSE",
            utf8(EXPENSE_HEADER + "2026-01-01,\"ACME\"x,1,USD,,\n"),
            400,
            "file"),
        badFile(
            "an SSO export sent as EXPENSE",
            "EXPENSE",
            utf8(OKTA_HEADER + "A,a@x,a,Loom,x,2026-03-03T09:14:02Z\n"),
            400,
            "source"),
        badFile(
            "an expense export sent as SSO",
            "SSO",
            utf8(EXPENSE_HEADER + "2026-01-01,ACME,1,USD,,\n"),
            400,
            "source"),
        badFile(
            "an unknown source",
            "CARD",
            utf8(EXPENSE_HEADER + "2026-01-01,ACME,1,USD,,\n"),
            400,
            "source"),
        badFile(
            "source PUSH",
            "PUSH",
            utf8(EXPENSE_HEADER + "2026-01-01,ACME,1,USD,,\n"),
            400,
            "source"),
        badFile(
            "no source part",
            null,
            utf8(EXPENSE_HEADER + "2026-01-01,ACME,1,USD,,\n"),
            400,
            "source"),
        badFile("no file part", "EXPENSE", null, 400, "file"),
        badFile("over 100 000 lines", "EXPENSE", utf8(tooManyLines.toString()), 413, "file"),
        badFile("over 20 MB", "EXPENSE", tooLarge, 413, "file"),
        badFile(
            "over the upload limit of 22 MB", "EXPENSE", new byte[23 * 1024 * 1024], 413, "body"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void shouldRefuseABadFileAndImportNothing(
      String name, String source, byte[] file, int status, String field) {
    Footprint before = footprint();
    long refusals = count("tandem_discovery_refusal");

    Reply reply = upload("itops", source, file);

    assertThat(reply.status()).as(name).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("errors").findValuesAsText("field")).contains(field);
    assertThat(footprint()).isEqualTo(before);
    assertThat(count("tandem_discovery_refusal")).isEqualTo(refusals);
  }

  @Test
  void shouldRefuseABodyThatIsNotMultipart() {
    Footprint before = footprint();
    Reply json =
        post("itops", "/api/discovery-imports", "application/json", "{\"source\":\"SSO\"}");
    Reply csv = post("itops", "/api/discovery-imports", "text/csv", EXPENSE_HEADER);
    assertThat(json.status()).isEqualTo(415);
    assertThat(csv.status()).isEqualTo(415);
    assertThat(csv.contentType()).startsWith("application/problem+json");
    assertThat(footprint()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- bad lines

  static Stream<Arguments> badLines() {
    String future = LocalDate.now().plusYears(1).toString();
    return Stream.of(
        Arguments.of(
            "no vendor",
            "EXPENSE",
            EXPENSE_HEADER + "2026-02-09,,10.00,USD,a@x.example,X\n",
            "no vendor"),
        Arguments.of(
            "a vendor of punctuation only",
            "EXPENSE",
            EXPENSE_HEADER + "2026-02-09,*** ---,10.00,USD,a@x.example,X\n",
            "no vendor"),
        Arguments.of(
            "an amount in words",
            "EXPENSE",
            EXPENSE_HEADER + "2026-02-09,ACME,twelve,USD,a@x.example,X\n",
            "amount"),
        Arguments.of(
            "no amount",
            "EXPENSE",
            EXPENSE_HEADER + "2026-02-09,ACME,,USD,a@x.example,X\n",
            "amount"),
        Arguments.of(
            "a negative amount",
            "EXPENSE",
            EXPENSE_HEADER + "2026-02-09,ACME,-10.00,USD,a@x.example,X\n",
            "negative"),
        Arguments.of(
            "an absurd amount",
            "EXPENSE",
            EXPENSE_HEADER + "2026-02-09,ACME,99999999999.00,USD,a@x.example,X\n",
            "amount"),
        Arguments.of(
            "February 30th",
            "EXPENSE",
            EXPENSE_HEADER + "2026-02-30,ACME,10.00,USD,a@x.example,X\n",
            "date"),
        Arguments.of(
            "a US date in the ISO layout",
            "EXPENSE",
            EXPENSE_HEADER + "03/01/2026,ACME,10.00,USD,a@x.example,X\n",
            "date"),
        Arguments.of(
            "a date in the future",
            "EXPENSE",
            EXPENSE_HEADER + future + ",ACME,10.00,USD,a@x.example,X\n",
            "future"),
        Arguments.of(
            "no date", "EXPENSE", EXPENSE_HEADER + ",ACME,10.00,USD,a@x.example,X\n", "date"),
        Arguments.of(
            "an unknown currency",
            "EXPENSE",
            EXPENSE_HEADER + "2026-02-09,ACME,10.00,XYZ,a@x.example,X\n",
            "currency"),
        Arguments.of(
            "a currency symbol",
            "EXPENSE",
            EXPENSE_HEADER + "2026-02-09,ACME,10.00,$,a@x.example,X\n",
            "currency"),
        Arguments.of(
            "no currency",
            "EXPENSE",
            EXPENSE_HEADER + "2026-02-09,ACME,10.00,,a@x.example,X\n",
            "currency"),
        Arguments.of("a short line", "EXPENSE", EXPENSE_HEADER + "2026-02-09,ACME\n", "columns"),
        Arguments.of("users in words", "SSO", "App name,Type,ID,Users\nLoom,Web,1,lots\n", "users"),
        Arguments.of(
            "a vendor name of 300 characters",
            "EXPENSE",
            EXPENSE_HEADER + "2026-02-09," + "A".repeat(300) + ",10.00,USD,a@x.example,X\n",
            "longer"),
        Arguments.of(
            "a sign-in date that is no date",
            "SSO",
            OKTA_HEADER + "A,a@x.example,a,Loom,x,yesterday\n",
            "date"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badLines")
  void shouldRefuseABadLineWithItsNumberAndWriteNothingOfIt(
      String name, String source, String csv, String reason) {
    Footprint before = footprint();

    Reply reply = upload(source, csv + "\n"); // a blank last line is no line

    assertThat(reply.status()).as(name).isEqualTo(200);
    assertThat(reply.json().get("linesRead").asInt()).isEqualTo(1);
    assertThat(reply.json().get("refused")).hasSize(1);
    assertThat(reply.json().get("refused").get(0).get("line").asInt()).isEqualTo(2);
    assertThat(reply.json().get("refused").get(0).get("reason").asText()).contains(reason);
    assertThat(reply.json().get("newFindings").asInt()).isZero();
    Footprint after = footprint();
    assertThat(after.findings()).isEqualTo(before.findings());
    assertThat(after.sightings()).isEqualTo(before.sightings());
    assertThat(after.events()).isEqualTo(before.events());
  }

  static Stream<Arguments> badPushes() {
    return Stream.of(
        Arguments.of(
            "no vendor, application or domain",
            "{\"source\":\"PUSH\",\"seenOn\":\"2026-03-01\"}",
            "vendor"),
        Arguments.of(
            "an unknown field",
            "{\"source\":\"PUSH\",\"vendor\":\"ACME\",\"seenOn\":\"2026-03-01\",\"colour\":\"red\"}",
            "colour"),
        Arguments.of(
            "an amount as text",
            "{\"source\":\"PUSH\",\"vendor\":\"ACME\",\"amount\":\"12\",\"currency\":\"USD\",\"seenOn\":\"2026-03-01\"}",
            "amount"),
        Arguments.of(
            "an unknown currency",
            "{\"source\":\"PUSH\",\"vendor\":\"ACME\",\"amount\":12,\"currency\":\"XYZ\",\"seenOn\":\"2026-03-01\"}",
            "currency"),
        Arguments.of("no seenOn", "{\"source\":\"PUSH\",\"vendor\":\"ACME\"}", "seenOn"),
        Arguments.of(
            "a domain that is none",
            "{\"source\":\"PUSH\",\"domain\":\"not a domain\",\"seenOn\":\"2026-03-01\"}",
            "domain"),
        Arguments.of(
            "an unknown source",
            "{\"source\":\"FAX\",\"vendor\":\"ACME\",\"seenOn\":\"2026-03-01\"}",
            "source"),
        Arguments.of(
            "negative users",
            "{\"source\":\"PUSH\",\"vendor\":\"ACME\",\"users\":-3,\"seenOn\":\"2026-03-01\"}",
            "users"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPushes")
  void shouldRefuseABadPushAndWriteNothing(String name, String body, String field) {
    Footprint before = footprint();

    Reply reply = post("itops", "/api/discoveries", "application/json", body);

    assertThat(reply.status()).as(name).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>(reply.json().get("errors").findValuesAsText("field"));
    assertThat(fields).contains(field);
    assertThat(footprint()).isEqualTo(before);
  }
}
