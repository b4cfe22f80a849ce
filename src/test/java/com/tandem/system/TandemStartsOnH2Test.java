package com.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.process.PurchaseProcess;
import java.util.List;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/** The whole application on H2, seen as a user sees it: over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TandemStartsOnH2Test {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngine processEngine;

  @Test
  void shouldRunTheEngineWithTandemsTuning() {
    var configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getDmnEngineConfiguration().getFeelEngineFactory())
        .isInstanceOf(ParseCachingFeelEngineFactory.class);
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
  }

  @Test
  void shouldReportHealthUp() {
    var health = http.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"status\":\"UP\"");
  }

  @Test
  void shouldDeployTheProcessTheDecisionAndTheFormsInOneDeployment() {
    ProcessDefinition process =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(PurchaseProcess.PROCESS_KEY)
            .latestVersion()
            .singleResult();
    assertThat(process).as("martech-purchase deployed").isNotNull();
    assertThat(process.getHistoryTimeToLive()).isNotNull().isPositive();
    List<String> resources =
        repositoryService.getDeploymentResourceNames(process.getDeploymentId());
    assertThat(resources)
        .contains(
            "bpmn/martech-purchase.bpmn", "bpmn/review-routing.dmn", "forms/intake-form.form");
    assertThat(
            repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("review-routing")
                .count())
        .isPositive();
  }

  @Test
  void shouldLetEveryDemoUserAuthenticateWithTheDemoPassword() {
    for (String user : List.of("requester", "cmo", "cio", "privacy", "board", "itops", "admin")) {
      var profile =
          http.withBasicAuth(user, "demo")
              .getForEntity("/engine-rest/user/" + user + "/profile", String.class);
      assertThat(profile.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    }
    // (Camunda throttles a user's logins after a failed one: the wrong password goes to a user
    // no other test here signs in with.)
    var wrong =
        http.withBasicAuth("board", "not-the-password")
            .getForEntity("/engine-rest/user/board/profile", String.class);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldRefuseAnonymousCallsToTheEngineRestApi() {
    var anonymous = http.getForEntity("/engine-rest/process-definition", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldLetReviewersIntoTasklistAndOnlyTheAdminIntoCockpit() {
    assertThat(webappLogin("cmo", "tasklist")).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin("requester", "tasklist")).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin("admin", "tasklist")).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin("admin", "cockpit")).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin("cmo", "cockpit")).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void shouldShowAReviewerTheirFiltersInTasklistDespiteTheQueryLimit() {
    var session = webappSession("cio", "tasklist");
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.COOKIE, session.cookies());
    headers.set("X-XSRF-TOKEN", session.csrf());
    var filters =
        http.exchange(
            "/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true",
            HttpMethod.GET,
            new HttpEntity<>(headers),
            String.class);
    assertThat(filters.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(filters.getBody())
        .contains("IT reviews")
        .contains("Budget proposals")
        .doesNotContain("Board decisions");
    // What Tasklist 7.24 itself sends (seen in the access log of the browser test).
    var pagedAsTasklistDoes =
        http.exchange(
            "/camunda/api/engine/engine/default/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task",
            HttpMethod.GET,
            new HttpEntity<>(headers),
            String.class);
    assertThat(pagedAsTasklistDoes.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pagedAsTasklistDoes.getBody()).contains("IT reviews");
    var unboundedTasks =
        http.exchange(
            "/camunda/api/engine/engine/default/task",
            HttpMethod.GET,
            new HttpEntity<>(headers),
            String.class);
    assertThat(unboundedTasks.getStatusCode())
        .as("other queries stay bounded")
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  record WebappSession(HttpStatus status, String cookies, String csrf) {}

  private HttpStatus webappLogin(String user, String app) {
    return webappSession(user, app).status();
  }

  private WebappSession webappSession(String user, String app) {
    // The webapps guard logins with a CSRF token handed out on any page.
    var page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
    String csrf = page.getHeaders().getFirst("X-XSRF-TOKEN");
    String cookies =
        String.join(
            "; ",
            page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(c -> c.substring(0, c.indexOf(';')))
                .toList());
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-XSRF-TOKEN", csrf);
    headers.set(HttpHeaders.COOKIE, cookies);
    var form = new LinkedMultiValueMap<String, String>();
    form.add("username", user);
    form.add("password", "demo");
    var login =
        http.exchange(
            "/camunda/api/admin/auth/user/default/login/" + app,
            HttpMethod.POST,
            new HttpEntity<>(form, headers),
            String.class);
    // The session changes at login; the CSRF token stays with it.
    String sessionCookies =
        String.join(
            "; ",
            login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(c -> c.substring(0, c.indexOf(';')))
                .toList());
    String newToken = login.getHeaders().getFirst("X-XSRF-TOKEN");
    return new WebappSession(
        HttpStatus.valueOf(login.getStatusCode().value()),
        sessionCookies.isEmpty() ? cookies : sessionCookies + "; " + cookies,
        newToken == null ? csrf : newToken);
  }
}
