package com.tandem.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.NewTool;
import com.tandem.process.ProcessScenario;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The contract of a tool and the upcoming renewals over real HTTP, by role, and the Tasklist start
 * form that edits a contract: the same rules, refused in words.
 */
class RenewalApiTest extends ProcessScenario {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static final AtomicInteger NEXT = new AtomicInteger(1);

  @LocalServerPort int port;
  @Autowired InventoryService inventory;

  record Reply(int status, JsonNode json) {
    List<String> errorFields() {
      return json == null || !json.has("errors")
          ? List.of()
          : StreamSupport.stream(json.get("errors").spliterator(), false)
              .map(e -> e.get("field").asText())
              .toList();
    }
  }

  Reply send(String user, String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response =
        CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
    return new Reply(response.statusCode(), json);
  }

  long tool() {
    int n = NEXT.getAndIncrement();
    return inventory
        .registerInUse(
            "RNA-" + n,
            new NewTool(
                "Contracted " + n,
                "Contracted Vendor " + n + " GmbH",
                List.of("survey"),
                "Growth Marketing",
                new BigDecimal("2400.00"),
                "USD",
                LocalDate.now().plusMonths(8),
                "SAML",
                "NONE"))
        .id();
  }

  @Test
  void shouldLetItOperationsReplaceTheContractAndShowItOnTheTool() throws Exception {
    long id = tool();
    LocalDate end = LocalDate.now().plusDays(100);
    Reply put =
        send(
            "itops",
            "PUT",
            "/api/inventory/tools/" + id + "/contract",
            JSON.writeValueAsString(
                Map.of(
                    "contractStart",
                    end.minusYears(1).toString(),
                    "contractEnd",
                    end.toString(),
                    "noticePeriodDays",
                    60,
                    "autoRenews",
                    true,
                    "annualCost",
                    3000.50,
                    "seatsBought",
                    12)));
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().get("noticeDate").asText()).isEqualTo(end.minusDays(60).toString());

    Reply tool = send("requester", "GET", "/api/inventory/tools/" + id, null);
    assertThat(tool.status()).isEqualTo(200);
    JsonNode contract = tool.json().get("contract");
    assertThat(contract.get("contractEnd").asText()).isEqualTo(end.toString());
    assertThat(contract.get("noticePeriodDays").asInt()).isEqualTo(60);
    assertThat(contract.get("seatsBought").asInt()).isEqualTo(12);
    assertThat(contract.get("annualCost").decimalValue()).isEqualByComparingTo("3000.50");
    assertThat(tool.json().get("renewalDate").asText()).isEqualTo(end.toString());

    Reply upcoming = send("cio", "GET", "/api/renewals?within=P120D", null);
    assertThat(upcoming.status()).isEqualTo(200);
    assertThat(upcoming.json().findValuesAsText("toolName"))
        .contains("Contracted " + (NEXT.get() - 1));
    Reply notYet = send("board", "GET", "/api/renewals?within=P30D", null);
    assertThat(notYet.json().findValuesAsText("toolName"))
        .doesNotContain("Contracted " + (NEXT.get() - 1));
  }

  @Test
  void shouldRefuseABadContractFieldByField() throws Exception {
    long id = tool();
    Reply bad =
        send(
            "itops",
            "PUT",
            "/api/inventory/tools/" + id + "/contract",
            "{\"contractStart\":\"2026-06-01\",\"contractEnd\":\"2026-05-01\","
                + "\"noticePeriodDays\":-1,\"annualCost\":-5}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorFields())
        .containsExactlyInAnyOrder("contractEnd", "noticePeriodDays", "annualCost");
    assertThat(bad.json().toString()).contains("must be after the contract start");
    assertThat(inventory.contract(id).orElseThrow().noticePeriodDays()).isEqualTo(90);
  }

  @Test
  void shouldKeepContractsAndRenewalsToTheirRoles() throws Exception {
    long id = tool();
    String body =
        "{\"contractStart\":\"2026-01-01\",\"contractEnd\":\"2027-01-01\",\"annualCost\":10}";
    assertThat(send("requester", "PUT", "/api/inventory/tools/" + id + "/contract", body).status())
        .isEqualTo(403);
    assertThat(send("cio", "PUT", "/api/inventory/tools/" + id + "/contract", body).status())
        .isEqualTo(403);
    assertThat(send("itops", "PUT", "/api/inventory/tools/999999/contract", body).status())
        .isEqualTo(404);
    assertThat(send("requester", "GET", "/api/renewals", null).status()).isEqualTo(403);
    assertThat(send("privacy", "GET", "/api/renewals/outcomes", null).status()).isEqualTo(403);
    assertThat(send("itops", "GET", "/api/renewals?within=banana", null).errorFields())
        .containsExactly("within");
    assertThat(
            send("cmo", "GET", "/api/renewals/outcomes", null).json().has("RENEWED_WITHOUT_REVIEW"))
        .isTrue();
  }

  @Test
  void shouldEditTheContractFromTheTasklistStartFormWithTheSameRules() {
    long id = tool();
    identityService.setAuthentication("itops", List.of("it-operations"));
    try {
      assertThatThrownBy(
              () ->
                  runtimeService.startProcessInstanceByKey(
                      RenewalProcess.CONTRACT_UPDATE_PROCESS_KEY,
                      Variables.createVariables()
                          .putValue("toolId", id)
                          .putValue("contractStart", "2026-06-01")
                          .putValue("contractEnd", "2026-01-01")
                          .putValue("noticePeriodDays", 30L)
                          .putValue("annualCost", 100.0)))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("contractEnd must be after the contract start");
      runtimeService.startProcessInstanceByKey(
          RenewalProcess.CONTRACT_UPDATE_PROCESS_KEY,
          Variables.createVariables()
              .putValue("toolId", id)
              .putValue("contractStart", "2026-06-01")
              .putValue("contractEnd", "2027-06-01")
              .putValue("noticePeriodDays", 30L)
              .putValue("annualCost", 100.0)
              .putValue("seatsBought", 4L)
              .putValue("autoRenews", false));
    } finally {
      identityService.clearAuthentication();
    }
    var contract = inventory.contract(id).orElseThrow();
    assertThat(contract.contractEnd()).isEqualTo(LocalDate.parse("2027-06-01"));
    assertThat(contract.autoRenews()).isFalse();
    assertThat(contract.seatsBought()).isEqualTo(4);
  }
}
