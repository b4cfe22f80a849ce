package com.tandem.intake;

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
 * The intake page is where people are sent, so it must answer at the short address and load nothing
 * from outside Tandem (no CDN, no web fonts): the browser test proves it works, this one guards the
 * address and the self-containment on machines without a browser too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakePageTest {

  @Autowired TestRestTemplate http;

  @ParameterizedTest
  @ValueSource(strings = {"/intake", "/intake/", "/intake/index.html"})
  void shouldServeTheIntakePageAtItsAddress(String path) {
    ResponseEntity<String> page = http.getForEntity(path, String.class);

    assertThat(page.getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(page.getHeaders().getContentType())
        .isNotNull()
        .matches(type -> type.isCompatibleWith(MediaType.TEXT_HTML));
    assertThat(page.getBody())
        .contains(
            "Request a martech tool",
            "/intake/intake.js",
            "/intake/intake.css",
            "/common/tandem.js",
            "/common/tandem.css");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/intake/index.html",
        "/intake/intake.js",
        "/intake/intake.css",
        "/common/tandem.js",
        "/common/tandem.css",
        "/",
        "/home/home.js",
        "/insights",
        "/insights/insights.js"
      })
  void shouldLoadNothingFromOutsideTandem(String path) {
    String body = http.getForObject(path, String.class);

    assertThat(body)
        .isNotBlank()
        .doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//")
        .doesNotContainPattern("url\\(\\s*[\"']?(https?:)?//")
        .doesNotContain("@import");
  }
}
