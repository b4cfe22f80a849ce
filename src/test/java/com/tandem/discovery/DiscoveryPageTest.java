package com.tandem.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * IT operations are sent to {@code /discovery} to upload their exports: the page must answer at
 * that short address and load nothing from outside Tandem (no CDN, no web fonts). The browser test
 * (ShadowToolRetiredInBrowserTest) proves it works; this one guards the address and the
 * self-containment on machines without a browser too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DiscoveryPageTest {

  @Autowired TestRestTemplate http;

  @ParameterizedTest
  @ValueSource(strings = {"/discovery", "/discovery/", "/discovery/index.html"})
  void shouldServeTheDiscoveryPageAtItsAddress(String path) {
    ResponseEntity<String> page = http.getForEntity(path, String.class);

    assertThat(page.getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(page.getHeaders().getContentType())
        .isNotNull()
        .matches(type -> type.isCompatibleWith(MediaType.TEXT_HTML));
    assertThat(page.getBody())
        .contains(
            "Find tools in use that nobody requested",
            "/discovery/discovery.js",
            "/common/tandem.js",
            "/common/tandem.css",
            "/discovery/discovery.css");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/discovery/index.html", "/discovery/discovery.js", "/discovery/discovery.css"})
  void shouldLoadNothingFromOutsideTandem(String path) {
    String body = http.getForObject(path, String.class);

    assertThat(body)
        .isNotBlank()
        .doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//")
        .doesNotContainPattern("url\\(\\s*[\"']?(https?:)?//")
        .doesNotContainPattern("fetch\\(\\s*[\"'`](https?:)?//")
        .doesNotContain("@import");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/discovery/discovery.js", "/discovery/discovery.css"})
  void shouldServeThePageScriptAndStyle(String path) {
    ResponseEntity<String> asset = http.getForEntity(path, String.class);

    assertThat(asset.getStatusCode().is2xxSuccessful()).isTrue();
  }
}
