package com.tandem.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code GET /api/me}: each role is told who it is and what it may do; strangers get 401. */
class MeApiTest extends ApiTestSupport {

  @Test
  void shouldTellItOperationsTheyMayImportButNotSubmit() {
    Reply me = get("itops", "/api/me");

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("userId").asText()).isEqualTo("itops");
    assertThat(me.json().get("name").asText())
        .as("the name pages show")
        .isNotEqualTo("itops")
        .isNotBlank();
    assertThat(me.json().get("groups").toString()).contains("it-operations");
    assertThat(me.json().at("/may/importDiscoveries").asBoolean()).isTrue();
    assertThat(me.json().at("/may/submitRequests").asBoolean()).isFalse();
  }

  @Test
  void shouldTellMarketingLeadershipTheyReadFindingsButDoNotImport() {
    Reply me = get("cmo", "/api/me");

    assertThat(me.json().at("/may/readDiscoveries").asBoolean()).isTrue();
    assertThat(me.json().at("/may/importDiscoveries").asBoolean()).isFalse();
    assertThat(me.json().at("/may/readBudgets").asBoolean()).isTrue();
    assertThat(me.json().at("/may/readInsights").asBoolean()).isTrue();
    assertThat(get("cmo", "/api/insights/renewals").status())
        .as("the flag and the API's check agree")
        .isEqualTo(200);
  }

  @Test
  void shouldTellItOperationsTheyReadNoInsightsAsTheInsightsApiRefusesThem() {
    Reply me = get("itops", "/api/me");

    assertThat(me.json().at("/may/readInsights").asBoolean()).isFalse();
    assertThat(me.json().at("/may/workInTasklist").asBoolean()).isTrue();
    assertThat(me.json().at("/may/operate").asBoolean()).isFalse();
    assertThat(get("itops", "/api/insights/renewals").status()).isEqualTo(403);
  }

  @Test
  void shouldNameTheGroupsAndLetAdministratorsOperate() {
    Reply me = get("admin", "/api/me");

    assertThat(me.json().at("/may/operate").asBoolean()).isTrue();
    assertThat(me.json().at("/may/readInsights").asBoolean()).isTrue();
    assertThat(me.json().get("groupNames").toString())
        .as("group names, not ids or the engine's, for the pages")
        .contains("Administrators")
        .doesNotContain("camunda-admin", "BPM");
  }

  @Test
  void shouldTellARequesterTheyMaySubmitAndReadNoFindings() {
    Reply me = get("requester", "/api/me");

    assertThat(me.json().at("/may/submitRequests").asBoolean()).isTrue();
    assertThat(me.json().at("/may/readDiscoveries").asBoolean()).isFalse();
    assertThat(me.json().at("/may/readAllRequests").asBoolean()).isFalse();
    assertThat(me.json().at("/may/readInsights").asBoolean()).isFalse();
    assertThat(get("requester", "/api/insights/renewals").status()).isEqualTo(403);
  }

  @Test
  void shouldRefuseAnUnknownCaller() {
    assertThat(send("nobody", uriGet("/api/me"), "wrong").status()).isEqualTo(401);
  }

  private java.net.http.HttpRequest.Builder uriGet(String path) {
    return java.net.http.HttpRequest.newBuilder(uri(path)).GET();
  }
}
