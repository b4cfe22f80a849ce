package com.tandem.offboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.inventory.CustodyGaps;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.Tool;
import com.tandem.inventory.ToolStatus;
import com.tandem.offboarding.OffboardingRefusedException.Kind;
import com.tandem.process.OffboardingProcess;
import com.tandem.process.ProcessVariable;
import com.tandem.request.PersonalData;
import com.tandem.request.PurchaseRequest;
import com.tandem.request.RequestNumbers;
import com.tandem.request.RequestRegistry;
import com.tandem.request.TandemGroups;
import com.tandem.web.ApiException;
import com.tandem.web.SystemAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts offboardings and registers them, whichever way they start (Tandem's API, Tasklist's start
 * form, a call activity): checks the tool, gives the case its {@code OFF-…} id and writes its
 * record, in the start's transaction, so that a refused start leaves nothing behind.
 */
@Service
public class OffboardingService {

  private static final Logger LOG = LoggerFactory.getLogger(OffboardingService.class);
  static final int MAX_REASON = 4000;

  private final InventoryService inventory;
  private final Offboardings offboardings;
  private final RequestNumbers numbers;
  private final RequestRegistry registry;
  private final RuntimeService runtimeService;
  private final SystemAccess system;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final Clock clock;
  private final CustodyGaps custodyGaps;

  public OffboardingService(
      InventoryService inventory,
      Offboardings offboardings,
      RequestNumbers numbers,
      RequestRegistry registry,
      RuntimeService runtimeService,
      SystemAccess system,
      PlatformTransactionManager transactionManager,
      ObjectMapper json,
      Clock clock,
      CustodyGaps custodyGaps) {
    this.custodyGaps = custodyGaps;
    this.inventory = inventory;
    this.offboardings = offboardings;
    this.numbers = numbers;
    this.registry = registry;
    this.runtimeService = runtimeService;
    this.system = system;
    this.transaction = new TransactionTemplate(transactionManager);
    this.json = json;
    this.clock = clock;
  }

  /** What registration found out, for the process variables. */
  public record Registered(
      String id, Tool tool, List<String> integrations, String deletionGroup, String ownerContact) {}

  /**
   * Registers the offboarding of a process instance that is starting.
   *
   * @throws OffboardingRefusedException for an unknown tool, one not ACTIVE, one already being
   *     offboarded, or a missing reason or starter
   */
  public Registered register(
      Long toolId,
      String reason,
      String requestedBy,
      String originCaseId,
      String processInstanceId) {
    if (toolId == null) {
      throw new OffboardingRefusedException(
          Kind.BAD_INPUT, "Please name the tool to offboard (toolId, its id in the inventory).");
    }
    if (reason == null || reason.isBlank()) {
      throw new OffboardingRefusedException(
          Kind.BAD_INPUT, "Please say why the tool is offboarded (offboardingReason).");
    }
    if (reason.strip().length() > MAX_REASON) {
      throw new OffboardingRefusedException(
          Kind.BAD_INPUT, "The reason (offboardingReason) must be at most 4000 characters.");
    }
    if (requestedBy == null || requestedBy.isBlank()) {
      throw new OffboardingRefusedException(
          Kind.BAD_INPUT,
          "An offboarding needs the user who asked for it (offboardingRequestedBy).");
    }
    if (originCaseId != null && originCaseId.length() > 20) {
      throw new OffboardingRefusedException(
          Kind.BAD_INPUT, "originCaseId must be a case id such as SIT-2026-00003.");
    }
    Tool tool = checkStartable(toolId);
    String id = numbers.next(OffboardingProcess.CASE_PREFIX, LocalDate.now(clock).getYear());
    List<String> integrations = inventory.integrations(toolId);
    String owner = ownerContact(tool, requestedBy);
    try {
      offboardings.register(
          id,
          toolId,
          processInstanceId,
          reason.strip(),
          originCaseId,
          requestedBy,
          owner,
          integrations);
    } catch (DuplicateKeyException concurrentStart) {
      throw alreadyRunning(tool, offboardings.runningOf(toolId).orElse("another case"));
    }
    boolean personal = PersonalData.valueOf(tool.personalData()).needsPrivacyReview();
    LOG.info(
        "Offboarding {} of tool {} ({}) started by {}: {}",
        id,
        toolId,
        tool.name(),
        requestedBy,
        reason.strip());
    return new Registered(
        id,
        tool,
        integrations,
        personal ? TandemGroups.PRIVACY_LEGAL : TandemGroups.IT_OPERATIONS,
        owner);
  }

  /**
   * Who is mailed when the tool is retired. A tool's owner field is a team's name (e.g. "Marketing
   * Operations"), nobody's address: the requester of the purchase request that brought the tool in
   * speaks for it; a tool without one (the catalog, an adopted shadow tool) is reported to whoever
   * asked for the offboarding.
   */
  private String ownerContact(Tool tool, String requestedBy) {
    return Optional.ofNullable(tool.requestId())
        .flatMap(registry::find)
        .map(PurchaseRequest::requester)
        .orElse(requestedBy);
  }

  /** The tool, if it exists, is ACTIVE and is not being offboarded; else the refusal. */
  Tool checkStartable(long toolId) {
    Tool tool =
        inventory
            .tool(toolId)
            .orElseThrow(
                () ->
                    new OffboardingRefusedException(
                        Kind.UNKNOWN_TOOL, "There is no tool " + toolId + " in the inventory."));
    if (tool.status() != ToolStatus.ACTIVE) {
      throw new OffboardingRefusedException(
          Kind.NOT_ACTIVE,
          "%s is %s: only an ACTIVE tool is offboarded.".formatted(tool.name(), tool.status()));
    }
    Optional<String> running = offboardings.runningOf(toolId);
    if (running.isPresent()) {
      throw alreadyRunning(tool, running.get());
    }
    return tool;
  }

  private static OffboardingRefusedException alreadyRunning(Tool tool, String caseId) {
    return new OffboardingRefusedException(
        Kind.ALREADY_RUNNING,
        "%s is already being offboarded (%s).".formatted(tool.name(), caseId));
  }

  /** The checklist options of the revoke form: [{"label": name, "value": name}, ...]. */
  String checklist(List<String> integrations) {
    try {
      return json.writeValueAsString(
          integrations.stream().map(name -> Map.of("label", name, "value", name)).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the integrations as JSON", e);
    }
  }

  /**
   * Starts the offboarding of a tool for Tandem's API, which has checked the caller's role itself.
   *
   * @return the new offboarding's record
   */
  public Offboarding start(long toolId, String reason, String userId) {
    try {
      String id =
          transaction.execute(
              status ->
                  system.call(
                      () ->
                          runtimeService
                              .startProcessInstanceByKey(
                                  OffboardingProcess.PROCESS_KEY,
                                  ProcessVariable.variables()
                                      .put(OffboardingProcess.TOOL_ID, toolId)
                                      .put(OffboardingProcess.OFFBOARDING_REASON, reason)
                                      .put(OffboardingProcess.REQUESTED_BY, userId)
                                      .build())
                              .getBusinessKey()));
      return offboardings.get(id);
    } catch (OffboardingRefusedException refused) {
      throw switch (refused.kind()) {
        case UNKNOWN_TOOL -> ApiException.notFound(refused.getMessage());
        case NOT_ACTIVE, ALREADY_RUNNING -> ApiException.conflict(refused.getMessage());
        case BAD_INPUT -> ApiException.badInput("reason", refused.getMessage());
      };
    }
  }

  /** The tool with its integrations and every offboarding of it. */
  public Optional<ToolRecord> toolRecord(long toolId) {
    return inventory
        .tool(toolId)
        .map(
            tool ->
                new ToolRecord(
                    tool,
                    inventory.integrations(toolId),
                    offboardings.ofTool(toolId),
                    inventory.contract(toolId).orElse(null),
                    custodyGaps.ofTool(toolId)));
  }
}
