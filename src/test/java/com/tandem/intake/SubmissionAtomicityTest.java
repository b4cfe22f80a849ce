package com.tandem.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import com.tandem.inventory.InventoryService;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A failure after the request row is written rolls everything back: registration writes the row,
 * then puts the request into the process, which reads the capability names from the inventory;
 * making that read fail must leave neither row, nor instance, nor idempotency key.
 */
class SubmissionAtomicityTest extends ApiTestSupport {

  @MockitoSpyBean InventoryService inventory;

  @AfterEach
  void heal() {
    doCallRealMethod().when(inventory).capabilities();
  }

  @Test
  void shouldLeaveNeitherRowNorInstanceWhenRegistrationFailsAfterWritingTheRow() {
    Footprint before = footprint();
    doThrow(new IllegalStateException("inventory down")).when(inventory).capabilities();
    String key = UUID.randomUUID().toString();

    Reply failed = submit("requester", validBody(), "Idempotency-Key", key);

    assertProblem(failed, 500);
    assertThat(failed.json().get("incident").asText()).isNotBlank();
    assertThat(failed.raw().body()).doesNotContain("inventory down", "Exception");
    assertThat(footprint()).isEqualTo(before);

    // the key was rolled back too: the retry registers the request
    heal();
    Reply retry = submit("requester", validBody(), "Idempotency-Key", key);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(footprint().requests()).isEqualTo(before.requests() + 1);
    assertThat(footprint().instances()).isEqualTo(before.instances() + 1);
  }
}
