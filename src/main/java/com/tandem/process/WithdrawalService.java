package com.tandem.process;

import com.tandem.request.PurchaseRequest;
import com.tandem.request.RequestRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdraws a request at the requester's wish: allowed until onboarding starts. The process's
 * withdrawal event sub-process then closes it as WITHDRAWN.
 */
@Service
public class WithdrawalService {

  private final RequestRegistry registry;
  private final RuntimeService runtimeService;

  public WithdrawalService(RequestRegistry registry, RuntimeService runtimeService) {
    this.registry = registry;
    this.runtimeService = runtimeService;
  }

  /**
   * @throws IllegalStateException if the request can no longer be withdrawn
   */
  @Transactional
  public void withdraw(String requestId, String byUser, String reason) {
    PurchaseRequest request = registry.get(requestId);
    if (!request.status().isWithdrawable()) {
      throw new IllegalStateException(
          "Request %s is %s and can no longer be withdrawn".formatted(requestId, request.status()));
    }
    registry.recordDecision(requestId, null, "WITHDRAWAL", "WITHDRAW", byUser, reason);
    runtimeService
        .createMessageCorrelation(PurchaseProcess.MESSAGE_REQUEST_WITHDRAWN)
        .processInstanceBusinessKey(requestId)
        .correlateWithResult();
  }
}
