package com.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.request.TandemGroups;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /api} and {@code /engine-rest} with the provider's bearer tokens: a good token is the
 * person it names, with the groups its claim maps to; an expired one, one of another issuer, one
 * for another audience gets 401 with the reason in {@code WWW-Authenticate}; a token without the
 * needed group gets 403; HTTP Basic with Camunda's users keeps working beside them.
 */
class BearerTokenTest extends OidcTestSupport {

  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired IdentityService identityService;

  record Reply(int status, HttpResponse<String> raw) {
    String header(String name) {
      return String.join(" | ", raw.headers().allValues(name));
    }

    JsonNode json() throws IOException {
      return JSON.readTree(raw.body());
    }
  }

  @Test
  void shouldSubmitAsThePersonTheTokenNamesWithTheirGroupsNameAndAddress() throws Exception {
    String token =
        token(
            ISSUER,
            CLIENT_ID,
            claims("rhea.requester", "Rhea", "Requester", List.of("Marketing", "All-Staff")),
            300);

    Reply me = call("GET", "/api/me", "Bearer " + token, null);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("userId").asText()).isEqualTo("rhea.requester");
    assertThat(me.json().get("groups").toString()).isEqualTo("[\"marketing\"]");

    Reply submitted = call("POST", "/api/purchase-requests", "Bearer " + token, validBody());
    assertThat(submitted.status()).isEqualTo(201);
    assertThat(submitted.json().get("requester").asText()).isEqualTo("rhea.requester");

    User user = identityService.createUserQuery().userId("rhea.requester").singleResult();
    assertThat(user.getFirstName()).isEqualTo("Rhea");
    assertThat(user.getLastName()).isEqualTo("Requester");
    assertThat(user.getEmail()).isEqualTo("rhea.requester@company.example");
    assertThat(
            identityService.createGroupQuery().groupMember("rhea.requester").list().stream()
                .map(Group::getId))
        .containsExactly(TandemGroups.MARKETING);
  }

  @Test
  void shouldFollowTheTokenWhenThePersonChangesGroupsAtTheProvider() throws Exception {
    String asReviewer =
        token(ISSUER, CLIENT_ID, claims("mo.mover", "Mo", "Mover", List.of("CIO-Office")), 300);
    assertThat(call("GET", "/api/budgets", "Bearer " + asReviewer, null).status()).isEqualTo(200);

    String moved =
        token(ISSUER, CLIENT_ID, claims("mo.mover", "Mo", "Mover", List.of("Marketing")), 300);
    assertThat(call("GET", "/api/budgets", "Bearer " + moved, null).status()).isEqualTo(403);
    assertThat(
            identityService.createGroupQuery().groupMember("mo.mover").list().stream()
                .map(Group::getId))
        .containsExactly(TandemGroups.MARKETING);
  }

  @Test
  void shouldShowANameChangedAtTheProviderAtOnce() throws Exception {
    String before =
        token(ISSUER, CLIENT_ID, claims("nia.namer", "Nia", "Namer", List.of("Marketing")), 300);
    Reply me = call("GET", "/api/me", "Bearer " + before, null);
    assertThat(me.json().get("name").asText()).isEqualTo("Nia Namer");

    // the names Tandem shows are remembered for a while (People); what the sync writes is not
    String after =
        token(ISSUER, CLIENT_ID, claims("nia.namer", "Nia", "Newname", List.of("Marketing")), 300);
    me = call("GET", "/api/me", "Bearer " + after, null);
    assertThat(me.json().get("name").asText()).isEqualTo("Nia Newname");
  }

  @Test
  void shouldRefuseWithForbiddenATokenWithoutTheNeededGroup() throws Exception {
    String groupless =
        token(ISSUER, CLIENT_ID, claims("gus.guest", "Gus", "Guest", List.of("All-Staff")), 300);

    Reply submit = call("POST", "/api/purchase-requests", "Bearer " + groupless, validBody());
    assertThat(submit.status()).isEqualTo(403);
    assertThat(call("GET", "/api/budgets", "Bearer " + groupless, null).status()).isEqualTo(403);
    // Camunda's REST API: the process is invisible to them, and what needs a right is refused.
    Reply start =
        call(
            "POST",
            "/engine-rest/process-definition/key/martech-purchase/start",
            "Bearer " + groupless,
            Map.of());
    assertThat(start.status()).isEqualTo(404);
    Reply createUser =
        call(
            "POST",
            "/engine-rest/user/create",
            "Bearer " + groupless,
            Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "x1")));
    assertThat(createUser.status()).isEqualTo(403);
  }

  @Test
  void shouldRefuseAnExpiredTokenWithUnauthorizedAndSayWhy() throws Exception {
    String expired =
        expiredToken(claims("rhea.requester", "Rhea", "Requester", List.of("Marketing")));

    for (String path : List.of("/api/me", "/engine-rest/task?maxResults=10")) {
      Reply reply = call("GET", path, "Bearer " + expired, null);
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertThat(reply.header("WWW-Authenticate"))
          .as(path)
          .contains("Bearer", "invalid_token", "expired");
    }
  }

  @Test
  void shouldRefuseATokenOfAnotherIssuer() throws Exception {
    String foreign =
        token(
            "elsewhere",
            CLIENT_ID,
            claims("rhea.requester", "Rhea", "Requester", List.of("Marketing")),
            300);

    for (String path : List.of("/api/me", "/engine-rest/task?maxResults=10")) {
      Reply reply = call("GET", path, "Bearer " + foreign, null);
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertThat(reply.header("WWW-Authenticate")).as(path).contains("invalid_token");
    }
  }

  @Test
  void shouldRefuseATokenForAnotherAudience() throws Exception {
    String other =
        token(
            ISSUER,
            "payroll-app",
            claims("rhea.requester", "Rhea", "Requester", List.of("Marketing")),
            300);

    for (String path : List.of("/api/me", "/engine-rest/task?maxResults=10")) {
      Reply reply = call("GET", path, "Bearer " + other, null);
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertThat(reply.header("WWW-Authenticate")).as(path).contains("invalid_token", "aud");
    }
  }

  @Test
  void shouldRefuseAGarbledTokenAndNameBothWaysInWhenNothingIsSent() throws Exception {
    Reply garbled = call("GET", "/api/me", "Bearer not.a.token", null);
    assertThat(garbled.status()).isEqualTo(401);
    assertThat(garbled.header("WWW-Authenticate")).contains("invalid_token");
    assertThat(garbled.raw().headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");

    Reply nothing = call("GET", "/api/me", null, null);
    assertThat(nothing.status()).isEqualTo(401);
    assertThat(nothing.header("WWW-Authenticate")).contains("Bearer", "Basic");

    Reply unsignedPost = call("POST", "/api/purchase-requests", null, validBody());
    assertThat(unsignedPost.status()).isEqualTo(401);
  }

  @Test
  void shouldServeTheEngineRestApiToATokenWithTheGroupsItGives() throws Exception {
    String cmo =
        token(
            ISSUER,
            CLIENT_ID,
            claims("casey.cmo", "Casey", "Cmo", List.of("Marketing-Leads")),
            300);

    Reply definitions =
        call(
            "GET",
            "/engine-rest/process-definition?key=martech-purchase&maxResults=10",
            "Bearer " + cmo,
            null);
    assertThat(definitions.status()).isEqualTo(200);
    assertThat(definitions.json().size())
        .as("marketing-leadership may read the process")
        .isPositive();
  }

  @Test
  void shouldKeepHttpBasicForCamundasOwnUsers() throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString("requester:demo".getBytes());
    Reply me = call("GET", "/api/me", basic, null);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("userId").asText()).isEqualTo("requester");
    assertThat(call("GET", "/engine-rest/task?maxResults=10", basic, null).status()).isEqualTo(200);

    String wrong = "Basic " + Base64.getEncoder().encodeToString("requester:wrong".getBytes());
    assertThat(call("GET", "/api/me", wrong, null).status()).isEqualTo(401);
    assertThat(call("GET", "/engine-rest/task?maxResults=10", wrong, null).status()).isEqualTo(401);
  }

  private Reply call(String method, String path, String authorization, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> response =
        CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response);
  }

  static Map<String, Object> validBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("toolName", "Eventful");
    body.put("vendor", "Eventful Inc.");
    body.put("vendorUrl", "https://eventful.example");
    body.put("capabilities", List.of("event-management"));
    body.put("businessJustification", "Run our webinar programme in-house.");
    body.put("annualLicenseCost", new BigDecimal("12000.00"));
    body.put("implementationCost", new BigDecimal("3000.00"));
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
}
