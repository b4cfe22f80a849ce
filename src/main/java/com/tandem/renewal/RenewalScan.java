package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;
import static com.tandem.renewal.RenewalProcess.TOOL_ID;
import static com.tandem.renewal.RenewalProcess.TOOL_NAME;

import com.tandem.inventory.ContractedTool;
import com.tandem.inventory.InventoryService;
import com.tandem.process.ProcessVariable;
import com.tandem.request.RequestNumbers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts {@code tool-renewal} for each ACTIVE tool whose notice date is {@code
 * tandem.renewals.window-days} (60) days away or less, once per tool and contract term however
 * often it runs, on however many nodes at once.
 *
 * <p>How: one indexed query finds the candidates, one more drops those that have a renewal for
 * their term (or one still running); each remaining tool gets its case row and its process instance
 * in one transaction of its own. The row's unique key {@code (tool_id, contract_end)} decides a
 * race between nodes: the second insert waits for the first transaction and then fails, rolling
 * back the second start. The loser wastes a case number (a gap in the REN numbers).
 */
@Service
public class RenewalScan {

  private static final Logger LOG = LoggerFactory.getLogger(RenewalScan.class);

  /** What one scan did. */
  public record Result(int candidates, int started, int alreadyStarted, int lostRace) {}

  private final InventoryService inventory;
  private final Renewals renewals;
  private final RequestNumbers numbers;
  private final RuntimeService runtimeService;
  private final RenewalProperties properties;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  public RenewalScan(
      InventoryService inventory,
      Renewals renewals,
      RequestNumbers numbers,
      RuntimeService runtimeService,
      RenewalProperties properties,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.inventory = inventory;
    this.renewals = renewals;
    this.numbers = numbers;
    this.runtimeService = runtimeService;
    this.properties = properties;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Runs the scan once, as of today on Tandem's clock. */
  public Result scan() {
    LocalDate today = LocalDate.now(clock);
    List<ContractedTool> due =
        inventory.contractsWithNoticeBy(today.plusDays(properties.windowDays()));
    Set<String> started =
        renewals.alreadyStarted(due.stream().map(ContractedTool::toolId).toList());
    int startedNow = 0;
    int already = 0;
    int lost = 0;
    for (ContractedTool tool : due) {
      if (started.contains(tool.toolId() + ":" + tool.contract().contractEnd())
          || started.contains(tool.toolId() + ":running")) {
        already++;
        continue;
      }
      try {
        String id = start(tool, today.getYear());
        LOG.info(
            "Renewal {} started for '{}' (tool {}): notice date {}, contract ends {}",
            id,
            tool.name(),
            tool.toolId(),
            tool.contract().noticeDate(),
            tool.contract().contractEnd());
        startedNow++;
      } catch (DuplicateKeyException | PessimisticLockingFailureException anotherNodeWasFirst) {
        // the other node's start stands; on a deadlock, the next scan tries again
        LOG.debug("Renewal of tool {} was started by another node", tool.toolId());
        lost++;
      }
    }
    Result result = new Result(due.size(), startedNow, already, lost);
    LOG.info("Renewal scan of {}: {}", today, result);
    return result;
  }

  private String start(ContractedTool tool, int year) {
    String id = numbers.next(RenewalProcess.CASE_PREFIX, year);
    return ownTransaction.execute(
        status -> {
          renewals.insert(
              id, tool.toolId(), tool.contract().contractEnd(), tool.contract().noticeDate());
          ProcessInstance instance =
              runtimeService.startProcessInstanceByKey(
                  RenewalProcess.PROCESS_KEY,
                  id,
                  ProcessVariable.variables()
                      .put(RENEWAL_ID, id)
                      .put(TOOL_ID, tool.toolId())
                      .put(TOOL_NAME, tool.name())
                      .build());
          renewals.setProcessInstance(id, instance.getId());
          return id;
        });
  }
}
