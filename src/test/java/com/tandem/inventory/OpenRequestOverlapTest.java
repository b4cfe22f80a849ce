package com.tandem.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.process.JointReviewProcess;
import com.tandem.process.ProcessScenario;
import com.tandem.process.PurchaseProcess;
import com.tandem.process.WithdrawalService;
import com.tandem.request.RecordedOverlap;
import com.tandem.request.RequestStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11 item 9: two teams asking for the same at once hear of each other. The inventory check
 * lists other open requests for the same capability or vendor as overlaps of their own kind,
 * without stopping the request (only tools we own do).
 */
class OpenRequestOverlapTest extends ProcessScenario {

  @Autowired WithdrawalService withdrawals;

  Map<String, Object> eventTool(String name, String vendor) {
    Map<String, Object> fields = intake();
    fields.putAll(vars("toolName", name, "vendor", vendor));
    return fields;
  }

  List<RecordedOverlap> openRequestsOf(String id) {
    return registry.overlaps(id).stream().filter(RecordedOverlap::concernsOpenRequest).toList();
  }

  @Test
  void shouldShowAnOpenRequestForTheSameCapabilityToTheReviewersOfBoth() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String first = submit(eventTool("Webinar One " + run, "First Vendor " + run));
    String second = submit(eventTool("Webinar Two " + run, "Second Vendor " + run));

    assertThat(openTasks(second))
        .as("an open request alone does not send the requester to consider it")
        .contains(JointReviewProcess.Elements.REVIEW_MARKETING)
        .doesNotContain(PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL);
    assertThat(openRequestsOf(second))
        .anySatisfy(
            o -> {
              assertThat(o.requestId()).isEqualTo(first);
              assertThat(o.reason()).isEqualTo("CAPABILITY");
              assertThat(o.capabilities()).containsExactly("event-management");
              assertThat(o.requestedBy()).isEqualTo("requester");
              assertThat(o.requestStatus()).isEqualTo(RequestStatus.IN_REVIEW);
            });
    assertThat(openRequestsOf(first))
        .as("the earlier request lists the later one too")
        .anySatisfy(o -> assertThat(o.requestId()).isEqualTo(second));

    var review = task(second, JointReviewProcess.Elements.REVIEW_MARKETING);
    assertThat((String) taskService.getVariable(review.getId(), "overlapSummary"))
        .contains("Already requested by")
        .contains("in " + first + " (Webinar One " + run + " from First Vendor " + run + ")")
        .contains("status in review")
        .contains("Event management");
  }

  @Test
  void shouldMatchTheSameVendorAndIgnoreFinishedRequests() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String vendor = "Samevendor " + run + " Inc.";
    String withdrawn = submit(eventTool("Old " + run, vendor));
    withdrawals.withdraw(withdrawn, "requester", "Changed our mind");
    runJobs();
    assertThat(status(withdrawn)).isEqualTo(RequestStatus.WITHDRAWN);

    String open = submit(eventTool("Survey thing " + run, vendor));
    Map<String, Object> sameVendor = eventTool("Another " + run, vendor);
    sameVendor.put("capabilities", "survey");
    String later = submit(sameVendor);

    assertThat(openRequestsOf(later))
        .anySatisfy(
            o -> {
              assertThat(o.requestId()).isEqualTo(open);
              assertThat(o.reason()).isEqualTo("VENDOR");
            })
        .noneSatisfy(o -> assertThat(o.requestId()).isEqualTo(withdrawn))
        .noneSatisfy(o -> assertThat(o.requestId()).isEqualTo(later));
  }
}
