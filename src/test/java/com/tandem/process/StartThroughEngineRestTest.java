package com.tandem.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.request.RequestStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tasklist's start form posts to the engine REST API; a request started that way is registered
 * exactly as one from Tandem's API, and bad input is refused with a clear message, leaving nothing.
 */
class StartThroughEngineRestTest extends ProcessScenario {

  @Autowired TestRestTemplate http;

  private String startBody(String annualLicenseCost, String capabilities) {
    return """
        {"variables": {
          "toolName": {"value": "Eventful", "type": "String"},
          "vendor": {"value": "Eventful Inc.", "type": "String"},
          "capabilities": {"value": "%s", "type": "Json"},
          "businessJustification": {"value": "Webinars in-house", "type": "String"},
          "annualLicenseCost": {"value": %s, "type": "Double"},
          "implementationCost": {"value": 0, "type": "Integer"},
          "currency": {"value": "USD", "type": "String"},
          "seats": {"value": 5, "type": "Integer"},
          "contractTermMonths": {"value": 12, "type": "Integer"},
          "neededBy": {"value": "%s", "type": "String"},
          "personalData": {"value": "NONE", "type": "String"},
          "sso": {"value": "SAML", "type": "String"},
          "integrations": {"value": "[]", "type": "Json"},
          "dataExportSupported": {"value": true, "type": "Boolean"}
        }}"""
        .formatted(
            capabilities.replace("\"", "\\\""), annualLicenseCost, LocalDate.now().plusMonths(3));
  }

  private org.springframework.http.ResponseEntity<String> start(String user, String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo")
        .postForEntity(
            "/engine-rest/process-definition/key/martech-purchase/start",
            new HttpEntity<>(body, headers),
            String.class);
  }

  @Test
  void shouldRegisterARequestStartedLikeTheTasklistStartForm() {
    var response = start("requester", startBody("4800.5", "[\"event-management\",\"survey\"]"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    String requestId = response.getBody().replaceAll(".*\"businessKey\":\"([^\"]+)\".*", "$1");
    assertThat(requestId).matches("MTR-\\d{4}-\\d{5}");
    var request = registry.get(requestId);
    assertThat(request.requester()).isEqualTo("requester");
    assertThat(request.data().capabilities()).containsExactly("event-management", "survey");
    assertThat(request.data().annualLicenseCost()).isEqualByComparingTo("4800.50");
    runJobs();
    assertThat(status(requestId)).isIn(RequestStatus.IN_REVIEW, RequestStatus.AWAITING_REQUESTER);
  }

  @Test
  void shouldRefuseBadStartInputWithAClearMessageAndLeaveNothing() {
    long requests = registry.count(null, null);
    long instances = runtimeService.createProcessInstanceQuery().count();
    var response = start("requester", startBody("-10", "[\"teleportation\"]"));
    // Camunda's REST API answers every failed start with 500 and the engine's message; Tasklist
    // shows that message under the start form. (Tandem's own /api answers 400.)
    assertThat(response.getStatusCode().isError()).isTrue();
    assertThat(response.getBody()).contains("The request was not registered. Please correct:");
    assertThat(response.getBody())
        .contains("Annual licence cost: must not be negative")
        .contains("Capabilities: unknown capability code(s): teleportation");
    assertThat(registry.count(null, null)).isEqualTo(requests);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void shouldNotLetReviewersStartRequests() {
    var response = start("cio", startBody("100", "[\"survey\"]"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
