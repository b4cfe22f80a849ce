package com.tandem.intake;

import static com.tandem.process.PurchaseProcess.REQUESTER;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.request.RequestNumbers;
import com.tandem.request.RequestRegistered;
import com.tandem.request.RequestRegistry;
import com.tandem.web.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Registers a new request, whichever way it came in (Tasklist start form, engine REST, Tandem's
 * API): validates the intake, gives it its id, which becomes the business key, and writes the
 * registry row in the start transaction, and announces it ({@link RequestRegistered}: the requester
 * is mailed its id). Bad input throws, so nothing at all is left behind.
 */
@Component
public class RegisterRequestDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterRequestDelegate.class);

  private final IntakeValidator validator;
  private final RequestNumbers numbers;
  private final RequestRegistry registry;
  private final RequestVariables variables;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public RegisterRequestDelegate(
      IntakeValidator validator,
      RequestNumbers numbers,
      RequestRegistry registry,
      RequestVariables variables,
      Clock clock,
      ApplicationEventPublisher events) {
    this.validator = validator;
    this.numbers = numbers;
    this.registry = registry;
    this.variables = variables;
    this.clock = clock;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requester =
        REQUESTER
            .find(execution)
            .orElseThrow(
                () ->
                    new IntakeRejectedException(
                        List.of(
                            new FieldProblem(
                                "requester", "a request must be started by a signed-in user"))));
    var data = validator.validate(variable -> variable.raw(execution));
    String requestId = numbers.next(LocalDate.now(clock).getYear());
    registry.register(requestId, requester, execution.getProcessInstanceId(), data);
    execution.setProcessBusinessKey(requestId);
    REQUEST_ID.set(execution, requestId);
    variables.writeRequest(execution, data);
    MDC.put("requestId", requestId); // the engine set the MDC before the business key existed
    // The requester learns the id however they started (Tasklist's start form shows none).
    events.publishEvent(new RequestRegistered(registry.get(requestId)));
    LOG.info(
        "Registered request {} by {}: {} from {}",
        requestId,
        requester,
        data.toolName(),
        data.vendor());
  }
}
