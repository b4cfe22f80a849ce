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
  }

  @Test
  void shouldTellARequesterTheyMaySubmitAndReadNoFindings() {
    Reply me = get("requester", "/api/me");

    assertThat(me.json().at("/may/submitRequests").asBoolean()).isTrue();
    assertThat(me.json().at("/may/readDiscoveries").asBoolean()).isFalse();
    assertThat(me.json().at("/may/readAllRequests").asBoolean()).isFalse();
  }

  @Test
  void shouldRefuseAnUnknownCaller() {
    assertThat(send("nobody", uriGet("/api/me"), "wrong").status()).isEqualTo(401);
  }

  private java.net.http.HttpRequest.Builder uriGet(String path) {
    return java.net.http.HttpRequest.newBuilder(uri(path)).GET();
  }
}
