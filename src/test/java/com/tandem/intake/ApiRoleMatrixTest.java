package com.tandem.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what (docs/api.md): each demo user against each endpoint, anonymous callers, and a
 * second requester who must not see or withdraw the first one's request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRoleMatrixTest extends ApiTestSupport {

  private String requestOfRequester;

  @BeforeAll
  void aRequestOfTheDemoRequester() {
    Reply created = submit("requester", validBody());
    assertThat(created.status()).isEqualTo(201);
    requestOfRequester = created.json().get("id").asText();
    ensureUser("requester2", "demo", "marketing");
    ensureUser("mallory", "right-password", "marketing");
  }

  /** user, GET one, list, submit, capabilities, tools, budgets. */
  static Stream<Arguments> matrix() {
    return Stream.of(
        Arguments.of("requester", 200, 200, 201, 200, 200, 403),
        Arguments.of("cmo", 200, 200, 403, 200, 200, 200),
        Arguments.of("cio", 200, 200, 403, 200, 200, 200),
        Arguments.of("privacy", 200, 200, 403, 200, 200, 403),
        Arguments.of("board", 200, 200, 403, 200, 200, 200),
        Arguments.of("itops", 200, 200, 403, 200, 200, 403),
        Arguments.of("admin", 200, 200, 201, 200, 200, 200),
        Arguments.of("requester2", 403, 200, 201, 200, 200, 403));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void shouldGiveEachRoleWhatItNeeds(
      String user, int readOne, int list, int submit, int capabilities, int tools, int budgets) {
    Footprint before = footprint();
    assertThat(get(user, "/api/purchase-requests/" + requestOfRequester).status())
        .as("read one")
        .isEqualTo(readOne);
    assertThat(get(user, "/api/purchase-requests").status()).as("list").isEqualTo(list);
    Reply submitted = submit(user, validBody());
    assertThat(submitted.status()).as("submit").isEqualTo(submit);
    if (submit == 403) {
      assertProblem(submitted, 403);
      assertThat(footprint()).isEqualTo(before);
    } else {
      assertThat(submitted.json().get("requester").asText()).isEqualTo(user);
    }
    assertThat(get(user, "/api/capabilities").status()).as("capabilities").isEqualTo(capabilities);
    assertThat(get(user, "/api/inventory/tools").status()).as("tools").isEqualTo(tools);
    Reply budget = get(user, "/api/budgets");
    assertThat(budget.status()).as("budgets").isEqualTo(budgets);
    if (budgets == 403) {
      assertProblem(budget, 403);
    }
  }

  @ParameterizedTest(name = "{0} reads negotiation savings: {1}")
  @CsvSource({
    "requester, 403",
    "cmo, 200",
    "cio, 200",
    "privacy, 403",
    "board, 200",
    "itops, 200",
    "admin, 200"
  })
  void shouldOpenSavingsToLeadershipBoardItOperationsAndAdmins(String user, int status) {
    Reply reply = get(user, "/api/savings?fiscalYear=2026");
    assertThat(reply.status()).as("savings").isEqualTo(status);
    if (status == 403) {
      assertProblem(reply, 403);
    } else {
      assertThat(reply.json().get("fiscalYear").asInt()).isEqualTo(2026);
      assertThat(reply.json().get("currency").asText()).isEqualTo("USD");
      assertThat(reply.json().get("byLine").has("MARKETING")).isTrue();
      assertThat(reply.json().get("byLine").has("IT")).isTrue();
    }
    if (status == 200) {
      assertProblem(get(user, "/api/savings?fiscalYear=1900"), 400);
    }
  }

  @ParameterizedTest(name = "{0} may not withdraw another's request")
  @MethodSource("reviewersAndOtherRequester")
  void shouldLetNobodyButTheRequesterAndAdminsWithdraw(String user) {
    Reply refused =
        post(user, "/api/purchase-requests/" + requestOfRequester + "/withdraw", null, null);
    assertProblem(refused, 403);
  }

  static Stream<String> reviewersAndOtherRequester() {
    return Stream.of("cmo", "cio", "privacy", "board", "itops", "requester2");
  }

  @Test
  void shouldLetTheRequesterAndAnAdminWithdraw() {
    String own = submit("requester", validBody()).json().get("id").asText();
    assertThat(
            post("requester", "/api/purchase-requests/" + own + "/withdraw", null, null).status())
        .isEqualTo(202);
    String other = submit("requester", validBody()).json().get("id").asText();
    assertThat(post("admin", "/api/purchase-requests/" + other + "/withdraw", null, null).status())
        .isEqualTo(202);
  }

  @Test
  void shouldListOnlyTheirOwnRequestsForARequester() {
    submit("requester2", validBody());
    Reply own = get("requester2", "/api/purchase-requests?size=100");
    assertThat(own.status()).isEqualTo(200);
    own.json()
        .get("items")
        .forEach(item -> assertThat(item.get("requester").asText()).isEqualTo("requester2"));
    assertProblem(get("requester2", "/api/purchase-requests?requester=requester"), 403);
  }

  @Test
  void shouldAnswer401WithAChallengeToAnonymousAndWrongCredentials() {
    for (String path :
        new String[] {
          "/api/purchase-requests",
          "/api/purchase-requests/" + requestOfRequester,
          "/api/capabilities",
          "/api/inventory/tools",
          "/api/budgets"
        }) {
      Reply anonymous = get(null, path);
      assertProblem(anonymous, 401);
      assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Tandem\"");
    }
    Footprint before = footprint();
    assertProblem(submit(null, validBody()), 401);
    assertProblem(
        post(null, "/api/purchase-requests/" + requestOfRequester + "/withdraw", null, null), 401);
    // (a wrong password locks the user for a moment: it goes to a user no other test signs in with)
    Reply wrong =
        send("mallory", HttpRequest.newBuilder(uri("/api/capabilities")).GET(), "wrong-password");
    assertProblem(wrong, 401);
    Reply garbage =
        send(
            null,
            HttpRequest.newBuilder(uri("/api/capabilities"))
                .header("Authorization", "Basic %%%")
                .GET(),
            null);
    assertProblem(garbage, 401);
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void shouldNotLetAUserOutsideEveryGroupDoAnythingButBrowse() {
    ensureUser("outsider", "demo", null);
    assertThat(get("outsider", "/api/capabilities").status()).isEqualTo(200);
    assertProblem(get("outsider", "/api/purchase-requests/" + requestOfRequester), 403);
    assertProblem(submit("outsider", validBody()), 403);
    assertProblem(get("outsider", "/api/budgets"), 403);
    Reply own = get("outsider", "/api/purchase-requests");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("items")).isEmpty();
  }
}
