package com.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pages call {@code /api} with the browser session of their sign-in, so a change must carry the
 * session's CSRF token: another site that makes the browser post to Tandem gets 403, the page
 * itself (which asked {@code /identity/session} for the token) gets through. The sign-in is the
 * real authorization code flow with PKCE, followed redirect by redirect.
 */
class SessionCsrfTest extends OidcTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldRefuseASessionChangeWithoutTheCsrfTokenAndAcceptItWithTheToken() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    nextSignIn(claims("sam.session", "Sam", "Session", List.of("Marketing")));

    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(URI.create(url("/intake"))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Request a martech tool");
    assertThat(page.request().uri().toString())
        .as("the provider sent the browser back to the page it asked for")
        .startsWith(url("/intake"));

    JsonNode session =
        JSON.readTree(
            browser
                .send(
                    HttpRequest.newBuilder(URI.create(url("/identity/session"))).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    assertThat(session.get("userId").asText()).isEqualTo("sam.session");
    assertThat(session.get("name").asText()).isEqualTo("Sam Session");

    String body = JSON.writeValueAsString(BearerTokenTest.validBody());
    HttpResponse<String> forged =
        browser.send(
            HttpRequest.newBuilder(URI.create(url("/api/purchase-requests")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);

    HttpResponse<String> fromThePage =
        browser.send(
            HttpRequest.newBuilder(URI.create(url("/api/purchase-requests")))
                .header("Content-Type", "application/json")
                .header(session.get("csrfHeader").asText(), session.get("csrfToken").asText())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(fromThePage.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(fromThePage.body()).get("requester").asText())
        .isEqualTo("sam.session");
  }

  @Test
  void shouldSendSomeoneNotSignedInToTheProviderAndAnswerScriptsWith401() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> tasklist =
        client.send(
            HttpRequest.newBuilder(URI.create(url("/camunda/app/tasklist/default/"))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(tasklist.statusCode()).isEqualTo(302);
    assertThat(tasklist.headers().firstValue("Location").orElseThrow())
        .endsWith("/oauth2/authorization/tandem");

    HttpResponse<String> login =
        client.send(
            HttpRequest.newBuilder(URI.create(url("/oauth2/authorization/tandem"))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.headers().firstValue("Location").orElseThrow())
        .startsWith(PROVIDER.issuerUrl(ISSUER).toString())
        .contains("code_challenge=", "code_challenge_method=S256");

    HttpResponse<String> script =
        client.send(
            HttpRequest.newBuilder(URI.create(url("/identity/session"))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(script.statusCode()).isEqualTo(401);
  }
}
