package com.tandem.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.process.PurchaseProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on H2, called over real HTTP as an intake form would, with helpers to count
 * what a call left behind (request rows, process instances, idempotency keys).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class ApiTestSupport {

  static final String PASSWORD = "demo";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;

  /** A reply: status, headers and the body parsed as JSON (null when empty or not JSON). */
  record Reply(int status, HttpResponse<String> raw, JsonNode json) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String contentType() {
      return header("Content-Type");
    }

    /** The fields named in a problem's errors. */
    List<String> errorFields() {
      if (json == null || !json.has("errors")) {
        return List.of();
      }
      return java.util.stream.StreamSupport.stream(json.get("errors").spliterator(), false)
          .map(e -> e.get("field").asText())
          .toList();
    }
  }

  /** A valid body: a tool for a capability no seeded tool covers, so no overlap. */
  static Map<String, Object> validBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("toolName", "Eventful");
    body.put("vendor", "Eventful Inc.");
    body.put("vendorUrl", "https://eventful.example");
    body.put("capabilities", List.of("event-management"));
    body.put("businessJustification", "Run our webinar programme in-house.");
    body.put("annualLicenseCost", new java.math.BigDecimal("12000.00"));
    body.put("implementationCost", new java.math.BigDecimal("3000.00"));
    body.put("currency", "USD");
    body.put("seats", 5);
    body.put("contractTermMonths", 12);
    body.put("neededBy", LocalDate.now().plusMonths(3).toString());
    body.put("personalData", "NONE");
    body.put("sso", "SAML");
    body.put("integrations", List.of("crm"));
    body.put("dataExportSupported", true);
    return body;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  Reply get(String user, String path) {
    return send(user, HttpRequest.newBuilder(uri(path)).GET(), null);
  }

  Reply post(String user, String path, String body) {
    return post(user, path, body, "application/json");
  }

  Reply post(String user, String path, String body, String contentType, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .POST(
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(user, request, null);
  }

  Reply submit(String user, Map<String, Object> body, String... headers) {
    return post(user, "/api/purchase-requests", json(body), "application/json", headers);
  }

  Reply send(String user, HttpRequest.Builder request, String password) {
    if (user != null) {
      String credentials = user + ":" + (password == null ? PASSWORD : password);
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    request.timeout(Duration.ofSeconds(30));
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      try {
        json =
            response.body() == null || response.body().isBlank()
                ? null
                : JSON.readTree(response.body());
      } catch (IOException notJson) {
        // left null: the assertions say what was expected
      }
      return new Reply(response.statusCode(), response, json);
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

  /** What exists: request rows, process instances (running or ended), idempotency keys. */
  record Footprint(long requests, long instances, long keys) {}

  Footprint footprint() {
    return new Footprint(
        jdbc.sql("SELECT COUNT(*) FROM tandem_purchase_request").query(Long.class).single(),
        historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(PurchaseProcess.PROCESS_KEY)
            .count(),
        jdbc.sql("SELECT COUNT(*) FROM tandem_idempotency_key").query(Long.class).single());
  }

  /** Runs every due job (the async continuations after registration), as the job executor would. */
  void runJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("Jobs keep coming");
  }

  /** A user of a group, created once per context. */
  void ensureUser(String id, String password, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(id);
      user.setLastName("Test");
      user.setEmail(id + "@tandem.example");
      user.setPassword(password);
      identityService.saveUser(user);
      if (group != null) {
        identityService.createMembership(id, group);
      }
    }
  }

  static void assertProblem(Reply reply, int status) {
    assertThat(reply.status()).as("status of %s", reply.raw().body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("status").asInt()).isEqualTo(status);
  }
}
