package com.tandem.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.process.PurchaseProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every call of the intake API against the running application: happy paths and refusals. */
class PurchaseRequestApiTest extends ApiTestSupport {

  @Test
  void shouldRegisterASubmissionWith201AndLocationAndShowItInReviewWithItsOpenTasks() {
    Footprint before = footprint();

    Reply created = submit("requester", validBody());

    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(id).matches("MTR-\\d{4}-\\d{5}");
    assertThat(created.header("Location")).isEqualTo("/api/purchase-requests/" + id);
    assertThat(created.json().get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(created.json().get("requester").asText()).isEqualTo("requester");
    assertThat(created.json().get("annualLicenseCost").decimalValue())
        .isEqualByComparingTo("12000.00");
    assertThat(
            created.json().get("annualLicenseCost").isBigDecimal()
                || created.json().get("annualLicenseCost").isNumber())
        .isTrue();
    assertThat(footprint().requests()).isEqualTo(before.requests() + 1);
    assertThat(footprint().instances()).isEqualTo(before.instances() + 1);

    runJobs();
    Reply read = get("requester", "/api/purchase-requests/" + id);

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(read.json().get("overlaps"))
        .as("no tool we own overlaps (other open requests for event management may)")
        .allSatisfy(overlap -> assertThat(overlap.get("kind").asText()).isEqualTo("OPEN_REQUEST"));
    List<String> groups = new ArrayList<>();
    read.json()
        .get("openTasks")
        .forEach(
            t -> {
              assertThat(t.get("taskId").asText()).isNotBlank();
              assertThat(t.get("name").asText()).isNotBlank();
              groups.add(t.get("group").asText());
            });
    assertThat(groups).containsExactlyInAnyOrder("marketing-leadership", "it-leadership");
    assertThat(read.json().get("decisions")).isEmpty();
  }

  @Test
  void shouldShowOverlapsAndTheRequestersTaskWhenTheInventoryAlreadyCoversTheCapability() {
    Map<String, Object> body = validBody();
    body.put("toolName", "Mailer");
    body.put("vendor", "Mailer Ltd");
    body.put("capabilities", List.of("email-marketing"));

    String id = submit("requester", body).json().get("id").asText();
    runJobs();
    Reply read = get("requester", "/api/purchase-requests/" + id);

    assertThat(read.json().get("status").asText()).isEqualTo("AWAITING_REQUESTER");
    assertThat(read.json().get("overlaps")).isNotEmpty();
    assertThat(read.json().get("overlaps").get(0).get("toolName").asText()).isNotBlank();
    assertThat(read.json().get("openTasks")).hasSize(1);
    assertThat(read.json().get("openTasks").get(0).get("key").asText())
        .isEqualTo(PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL);
  }

  @Test
  void shouldRefuseUnknownCapabilityCurrencyAndPastDateThroughTheIntakeValidatorNamingEachField() {
    Footprint before = footprint();
    Map<String, Object> body = validBody();
    body.put("capabilities", List.of("mind-reading"));
    body.put("currency", "EUR");
    body.put("neededBy", "2001-01-01");

    Reply refused = submit("requester", body);

    assertProblem(refused, 400);
    assertThat(refused.errorFields())
        .containsExactlyInAnyOrder("capabilities", "currency", "neededBy");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void shouldNameEveryBadFieldOfABodyAtOnceWrongTypesMissingFieldsAndBrokenRules() {
    Footprint before = footprint();
    Map<String, Object> body = validBody();
    body.put("toolName", 42);
    body.put("seats", "5");
    body.put("dataExportSupported", "yes");
    body.remove("vendor");
    body.remove("businessJustification");
    body.remove("currency");
    body.remove("neededBy");
    body.put("annualLicenseCost", -1);
    body.put("capabilities", List.of("mind-reading", "crm"));

    Reply refused = submit("requester", body);

    assertProblem(refused, 400);
    assertThat(refused.errorFields())
        .containsExactlyInAnyOrder(
            "toolName",
            "seats",
            "dataExportSupported",
            "vendor",
            "businessJustification",
            "currency",
            "neededBy",
            "annualLicenseCost",
            "capabilities");
    assertThat(refused.raw().body())
        .contains("must be text", "must be a whole number", "must be true or false")
        .contains(
            "is required", "must not be negative", "unknown capability code(s): mind-reading");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void shouldNameEveryMissingAndBrokenFieldAtOnceWhenTheTypesAreRight() {
    Map<String, Object> body = validBody();
    body.remove("vendor");
    body.remove("sso");
    body.put("currency", "EUR");
    body.put("vendorUrl", "ftp://eventful.example");
    body.put("implementationCost", new java.math.BigDecimal("99999999999"));

    Reply refused = submit("requester", body);

    assertProblem(refused, 400);
    assertThat(refused.errorFields())
        .containsExactlyInAnyOrder("vendor", "sso", "currency", "vendorUrl", "implementationCost");
    assertThat(refused.raw().body())
        .contains("must be USD, the currency Tandem keeps budgets in")
        .contains("must be a web address starting with https://")
        .contains("must be at most 10000000");
  }

  @Test
  void shouldAnswer404ForAnUnknownRequest() {
    assertProblem(get("cmo", "/api/purchase-requests/MTR-2026-99999"), 404);
  }

  @Test
  void shouldListAPageFilteredByStatusAndRequesterWithBoundedSize() {
    submit("requester", validBody());
    runJobs();

    Reply page =
        get("cmo", "/api/purchase-requests?status=IN_REVIEW&requester=requester&page=0&size=2");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().get("items").size()).isBetween(1, 2);
    page.json()
        .get("items")
        .forEach(
            item -> {
              assertThat(item.get("status").asText()).isEqualTo("IN_REVIEW");
              assertThat(item.get("requester").asText()).isEqualTo("requester");
            });
    assertThat(page.json().get("size").asInt()).isEqualTo(2);
    assertThat(page.json().get("totalItems").asLong()).isPositive();
    assertProblem(get("cmo", "/api/purchase-requests?size=101"), 400);
    assertThat(get("cmo", "/api/purchase-requests?size=0").errorFields()).containsExactly("size");
    assertThat(get("cmo", "/api/purchase-requests?page=-1").errorFields()).containsExactly("page");
    assertThat(get("cmo", "/api/purchase-requests?status=LOST").errorFields())
        .containsExactly("status");
    assertThat(get("cmo", "/api/purchase-requests?page=x").errorFields()).containsExactly("page");
  }

  @Test
  void shouldListTheRequestersOwnRequestsWithWhoTheyWaitForByNameAndSinceWhen() {
    String id = submit("requester", validBody()).json().get("id").asText();
    runJobs();

    Reply page = get("requester", "/api/purchase-requests?requester=requester&size=100");

    assertThat(page.status()).isEqualTo(200);
    var item =
        java.util.stream.StreamSupport.stream(page.json().get("items").spliterator(), false)
            .filter(i -> i.get("id").asText().equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(item.get("requesterName").asText()).isEqualTo("Riley Requester");
    assertThat(item.get("withdrawable").asBoolean()).isTrue();
    List<String> waitingFor = new ArrayList<>();
    item.get("waitingFor")
        .forEach(
            t -> {
              assertThat(t.get("created").asText()).isNotBlank();
              waitingFor.add(t.get("groupName").asText());
            });
    assertThat(waitingFor)
        .containsExactlyInAnyOrder(
            "Marketing leadership (CMO office)", "IT leadership (CIO office)");

    Reply detail = get("requester", "/api/purchase-requests/" + id);
    assertThat(detail.json().get("people").get("requester").asText()).isEqualTo("Riley Requester");
  }

  @Test
  void shouldOfferTheConfiguredCurrencyForTheIntakeSelect() {
    Reply currencies = get("requester", "/api/currencies");

    assertThat(currencies.status()).isEqualTo(200);
    assertThat(currencies.json().get(0).get("code").asText()).isEqualTo("USD");
    assertThat(currencies.json().get(0).get("name").asText()).isEqualTo("US Dollar");
  }

  @Test
  void shouldWithdrawWith202AndThenRefuseASecondWithdrawalWith409() {
    String id = submit("requester", validBody()).json().get("id").asText();
    runJobs();

    Reply withdrawn =
        post(
            "requester",
            "/api/purchase-requests/" + id + "/withdraw",
            "{\"reason\":\"Found budget elsewhere\"}");
    assertThat(withdrawn.status()).isEqualTo(202);
    assertThat(withdrawn.json().get("decisions").get(0).get("decision").asText())
        .isEqualTo("WITHDRAW");
    runJobs();

    assertThat(get("requester", "/api/purchase-requests/" + id).json().get("status").asText())
        .isEqualTo("WITHDRAWN");
    assertProblem(post("requester", "/api/purchase-requests/" + id + "/withdraw", null, null), 409);
  }

  @Test
  void shouldRefuseABadWithdrawalBody() {
    String id = submit("requester", validBody()).json().get("id").asText();
    Reply refused =
        post("requester", "/api/purchase-requests/" + id + "/withdraw", "{\"why\":\"x\"}");
    assertProblem(refused, 400);
    assertThat(refused.errorFields()).containsExactly("why");
  }

  @Test
  void shouldServeTheCapabilityTaxonomyAndTheToolsOfACapability() {
    Reply capabilities = get("requester", "/api/capabilities");
    assertThat(capabilities.status()).isEqualTo(200);
    List<String> codes = new ArrayList<>();
    capabilities
        .json()
        .forEach(
            c -> {
              codes.add(c.get("code").asText());
              assertThat(c.get("name").asText()).isNotBlank();
            });
    assertThat(codes).contains("event-management", "email-marketing", "crm");

    Reply tools = get("requester", "/api/inventory/tools?capability=crm");
    assertThat(tools.status()).isEqualTo(200);
    assertThat(tools.json()).isNotEmpty();
    tools.json().forEach(t -> assertThat(t.get("capabilities").toString()).contains("crm"));
    assertThat(get("requester", "/api/inventory/tools?capability=event-management").json())
        .isEmpty();
    assertThat(get("requester", "/api/inventory/tools").json().size()).isGreaterThanOrEqualTo(25);
    assertThat(get("requester", "/api/inventory/tools?capability=nope").errorFields())
        .containsExactly("capability");
  }

  @Test
  void shouldServeBudgetLinesWithDecimalMoney() {
    int year = java.time.LocalDate.now().getYear();
    Reply lines = get("cio", "/api/budgets?fiscalYear=" + year);
    assertThat(lines.status()).isEqualTo(200);
    assertThat(lines.json()).isNotEmpty();
    var line = lines.json().get(0);
    for (String field :
        List.of("owner", "fiscalYear", "amount", "held", "committed", "available", "currency")) {
      assertThat(line.has(field)).as(field).isTrue();
    }
    assertThat(line.get("amount").isNumber()).isTrue();
    assertThat(get("cio", "/api/budgets?fiscalYear=abc").errorFields())
        .containsExactly("fiscalYear");
    assertThat(get("cio", "/api/budgets?fiscalYear=1200").errorFields())
        .containsExactly("fiscalYear");
    assertThat(get("cio", "/api/budgets").status()).isEqualTo(200);
  }

  @Test
  void shouldReturnTheFirstRequestForARetryWithTheSameKeyAndBody() {
    String key = UUID.randomUUID().toString();
    Reply first = submit("requester", validBody(), "Idempotency-Key", key);
    Footprint after = footprint();

    // the same body written differently: other order, 12000 instead of 12000.00
    Map<String, Object> same = new java.util.TreeMap<>(validBody());
    same.put("annualLicenseCost", 12000);
    Reply retry = submit("requester", same, "Idempotency-Key", key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(footprint()).isEqualTo(after);
  }

  @Test
  void shouldRefuseTheSameKeyWithAnotherBodyWith409() {
    String key = UUID.randomUUID().toString();
    submit("requester", validBody(), "Idempotency-Key", key);
    Footprint after = footprint();
    Map<String, Object> other = validBody();
    other.put("seats", 6);

    Reply conflict = submit("requester", other, "Idempotency-Key", key);

    assertProblem(conflict, 409);
    assertThat(footprint()).isEqualTo(after);
  }

  @Test
  void shouldRefuseAMalformedIdempotencyKey() {
    Footprint before = footprint();
    Reply refused = submit("requester", validBody(), "Idempotency-Key", "x".repeat(129));
    assertProblem(refused, 400);
    assertThat(refused.errorFields()).containsExactly("Idempotency-Key");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void shouldStartOneRequestForConcurrentSubmissionsWithTheSameKey() throws Exception {
    String key = UUID.randomUUID().toString();
    Footprint before = footprint();
    int callers = 6;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        Callable<Reply> call =
            () -> {
              go.await();
              return submit("requester", validBody(), "Idempotency-Key", key);
            };
        replies.add(pool.submit(call));
      }
      go.countDown();
      List<Reply> done = new ArrayList<>();
      for (Future<Reply> reply : replies) {
        done.add(reply.get());
      }
      // A caller that lost the race gets the first request (or, while it is still being
      // committed, a 409 to retry); never a second request.
      assertThat(done).allSatisfy(r -> assertThat(r.status()).isIn(200, 201, 409));
      assertThat(done).filteredOn(r -> r.status() == 201).hasSize(1);
      assertThat(
              done.stream()
                  .filter(r -> r.status() < 300)
                  .map(r -> r.json().get("id").asText())
                  .distinct())
          .hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(footprint().requests()).isEqualTo(before.requests() + 1);
    assertThat(footprint().instances()).isEqualTo(before.instances() + 1);
    assertThat(footprint().keys()).isEqualTo(before.keys() + 1);
  }

  @Test
  void shouldDescribeTheApiInOpenApiWithASubmitExample() {
    Reply docs = get(null, "/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("paths").fieldNames())
        .toIterable()
        .contains(
            "/api/purchase-requests",
            "/api/purchase-requests/{id}",
            "/api/purchase-requests/{id}/withdraw",
            "/api/capabilities",
            "/api/inventory/tools",
            "/api/budgets")
        .allMatch(path -> path.startsWith("/api/"));
    assertThat(docs.raw().body()).contains("event-management tool", "Idempotency-Key");
    assertThat(get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void shouldKeepTheEngineRestApiWorking() {
    Reply count = get("admin", "/engine-rest/process-definition/count");
    assertThat(count.status()).isEqualTo(200);
    assertThat(count.json().get("count").asLong()).isPositive();
  }
}
