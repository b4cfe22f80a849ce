package com.tandem.intake;

import static com.tandem.process.PurchaseProcess.PROCESS_KEY;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tandem.discovery.FindingService;
import com.tandem.intake.IdempotencyKeys.StoredKey;
import com.tandem.intake.PurchaseRequestView.OpenTask;
import com.tandem.process.WithdrawalService;
import com.tandem.request.Decision;
import com.tandem.request.People;
import com.tandem.request.PurchaseRequest;
import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
import com.tandem.web.ApiCaller;
import com.tandem.web.ApiException;
import com.tandem.web.ApiProperties;
import com.tandem.web.SystemAccess;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the intake API does: submits a request (registration is the process start, so the request
 * row and its instance are committed together or not at all), reads requests with where they stand,
 * and withdraws them. Who may do what is the controller's decision; this service assumes it was
 * taken.
 */
@Service
public class PurchaseRequestService {

  private static final Logger LOG = LoggerFactory.getLogger(PurchaseRequestService.class);

  /** The result of a submission: the request, and whether it is a replay of an earlier one. */
  public record Submitted(String requestId, boolean replayed) {}

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final RequestRegistry registry;
  private final WithdrawalService withdrawals;
  private final IdempotencyKeys keys;
  private final SystemAccess system;
  private final People names;
  private final TransactionTemplate transaction;
  private final ObjectMapper canonicalJson;
  private final Semaphore startSlots;
  private final Duration startSlotWait;

  private final FindingService findings;

  public PurchaseRequestService(
      RuntimeService runtimeService,
      TaskService taskService,
      RequestRegistry registry,
      WithdrawalService withdrawals,
      IdempotencyKeys keys,
      SystemAccess system,
      People names,
      PlatformTransactionManager transactionManager,
      ApiProperties api,
      FindingService findings) {
    this.findings = findings;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.registry = registry;
    this.withdrawals = withdrawals;
    this.keys = keys;
    this.system = system;
    this.names = names;
    this.transaction = new TransactionTemplate(transactionManager);
    this.canonicalJson = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    this.startSlots = new Semaphore(api.maxConcurrentSubmissions(), true);
    this.startSlotWait = api.submissionWait();
  }

  /**
   * Submits as the signed-in caller (the process's initiator). {@code body} was validated by the
   * controller ({@code @Valid}, the submission's constraints), so bad input is refused before any
   * transaction; the start validates it again, as for every channel. With an {@code
   * idempotencyKey}, the key is stored in the start's transaction: a retry with the same body gets
   * the first request back, another body a 409.
   */
  public Submitted submit(ApiCaller caller, PurchaseRequestSubmission body, String idempotencyKey) {
    Map<String, Object> variables = body.toVariables();
    // A bulkhead: a start holds a pooled connection and briefly takes a second one for its
    // request number; bounding parallel starts keeps connections for the job executor and for
    // every other call, and turns a flood into short waits instead of an exhausted pool.
    try {
      if (!startSlots.tryAcquire(startSlotWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ApiException(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Tandem is busy registering other requests; retry in a few seconds (with the same Idempotency-Key).",
            List.of());
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted; retry.", List.of());
    }
    try {
      return submitValid(caller, body, variables, idempotencyKey);
    } finally {
      startSlots.release();
    }
  }

  private Submitted submitValid(
      ApiCaller caller,
      PurchaseRequestSubmission body,
      Map<String, Object> variables,
      String idempotencyKey) {
    if (idempotencyKey == null) {
      return new Submitted(transaction.execute(status -> start(variables)), false);
    }
    String hash = hash(body);
    Optional<StoredKey> stored = keys.find(caller.userId(), idempotencyKey);
    if (stored.isPresent()) {
      return replay(stored.get(), hash);
    }
    try {
      String requestId =
          transaction.execute(
              status -> {
                keys.reserve(caller.userId(), idempotencyKey, hash);
                String id = start(variables);
                keys.complete(caller.userId(), idempotencyKey, id);
                return id;
              });
      return new Submitted(requestId, false);
    } catch (DuplicateKeyException | PessimisticLockingFailureException concurrentDuplicate) {
      // Another call with this key got there first; once it committed, its result is ours.
      LOG.info("Idempotency-Key {} of {} used concurrently", idempotencyKey, caller.userId());
      return keys.find(caller.userId(), idempotencyKey)
          .filter(key -> !key.requestId().isEmpty())
          .map(key -> replay(key, hash))
          .orElseThrow(
              () ->
                  ApiException.conflict(
                      "A submission with this Idempotency-Key is still being processed; retry in a moment."));
    }
  }

  private String start(Map<String, Object> variables) {
    var instance =
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, Variables.fromMap(variables));
    String requestId = instance.getBusinessKey();
    MDC.put("requestId", requestId);
    LOG.info("Request {} submitted through the API", requestId);
    return requestId;
  }

  private Submitted replay(StoredKey stored, String hash) {
    if (!stored.bodyHash().equals(hash)) {
      throw ApiException.conflict(
          "This Idempotency-Key was used for a different request body ("
              + stored.requestId()
              + "); use a new key for a new request.");
    }
    return new Submitted(stored.requestId(), true);
  }

  /** SHA-256 of the body's canonical JSON: what it says, not how it was written. */
  String hash(PurchaseRequestSubmission body) {
    try {
      byte[] canonical =
          canonicalJson.writeValueAsString(body.canonical()).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash a submission", e);
    }
  }

  public Optional<PurchaseRequest> find(String requestId) {
    return registry.find(requestId);
  }

  /** The request with its open tasks (seen as the system: a requester may see who works on it). */
  public PurchaseRequestView view(PurchaseRequest request) {
    List<Decision> decisions = registry.decisions(request.id());
    if (request.status() == RequestStatus.SUBMITTED) {
      // Registered, inventory check not done yet (every answer to a submit): the check records the
      // overlaps and moves the request on in one transaction, and no user task comes before it, so
      // there is nothing to look up but the decisions (a withdrawal may already be recorded).
      return PurchaseRequestView.of(
          request, List.of(), decisions, List.of(), null, people(request, decisions));
    }
    return PurchaseRequestView.of(
        request,
        openTasks(request),
        decisions,
        registry.overlaps(request.id()),
        findings.usageOfRequest(request.id()).orElse(null),
        people(request, decisions));
  }

  private List<OpenTask> openTasks(PurchaseRequest request) {
    if (request.status() == RequestStatus.SUBMITTED || request.status().isFinal()) {
      return List.of();
    }
    return system.call(
        () ->
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(request.id())
                .orderByTaskCreateTime()
                .asc()
                .list()
                .stream()
                .map(this::openTask)
                .toList());
  }

  private Map<String, String> people(PurchaseRequest request, List<Decision> decisions) {
    Map<String, String> people = new LinkedHashMap<>();
    people.put(request.requester(), names.userName(request.requester()));
    for (Decision decision : decisions) {
      if (decision.by() != null) {
        people.computeIfAbsent(decision.by(), names::userName);
      }
    }
    return people;
  }

  private OpenTask openTask(Task task) {
    String group =
        taskService.getIdentityLinksForTask(task.getId()).stream()
            .filter(
                link ->
                    IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(IdentityLink::getGroupId)
            .findFirst()
            .orElse(null);
    return new OpenTask(
        task.getId(),
        task.getTaskDefinitionKey(),
        task.getName(),
        group,
        names.groupName(group),
        task.getAssignee(),
        names.userName(task.getAssignee()),
        task.getCreateTime() == null ? null : task.getCreateTime().toInstant());
  }

  public PurchaseRequestSummary.Page page(
      RequestStatus status, String requester, int page, int size) {
    long total = registry.count(status, requester);
    List<PurchaseRequestSummary> items =
        registry.page(status, requester, page, size).stream()
            .map(r -> PurchaseRequestSummary.of(r, names.userName(r.requester()), openTasks(r)))
            .toList();
    return new PurchaseRequestSummary.Page(
        items, page, size, total, (int) ((total + size - 1) / size));
  }

  /**
   * Withdraws the request for {@code byUser}. The process closes it as WITHDRAWN in its next step
   * (an async continuation), so right after this call the status may still be the previous one.
   */
  public void withdraw(PurchaseRequest request, String byUser, String reason) {
    if (!request.status().isWithdrawable()) {
      throw ApiException.conflict(
          "Request %s is %s and can no longer be withdrawn."
              .formatted(request.id(), request.status()));
    }
    try {
      system.run(() -> withdrawals.withdraw(request.id(), byUser, reason));
    } catch (IllegalStateException noLongerWithdrawable) {
      throw ApiException.conflict(noLongerWithdrawable.getMessage());
    }
    LOG.info("Request {} withdrawn by {}", request.id(), byUser);
  }
}
