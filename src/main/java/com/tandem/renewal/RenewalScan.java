package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;
import static com.tandem.renewal.RenewalProcess.TOOL_ID;

import com.tandem.inventory.ContractedTool;
import com.tandem.inventory.InventoryService;
import com.tandem.process.ProcessVariable;
import com.tandem.request.RequestNumbers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * their term (or one still running). The rest are started in batches of {@value #BATCH}, by tool
 * id, each batch in one transaction:
 *
 * <ol>
 *   <li>lock the year's REN counter row ({@code SELECT … FOR UPDATE}): batches of all nodes run one
 *       after the other, so a second node never starts work it will have to roll back;
 *   <li>under that lock, ask again which of the batch's tools have a renewal for their term (READ
 *       COMMITTED: what another node committed meanwhile counts) and drop them;
 *   <li>take one case number per remaining tool from the counter (a block, no gaps), insert the
 *       case rows in one statement (their unique key {@code (tool_id, contract_end)} is the last
 *       word should anything slip past the lock), start the instances in one engine command (one
 *       flush: each start is the execution, two variables and the job of the asynchronous first
 *       step, all written as multi-row inserts) and record the instance ids.
 * </ol>
 *
 * A crash or failure rolls the whole batch back (cases, numbers, instances): nothing is ever half
 * started, the batches committed before stay, and the next scan starts the rest. A failed batch is
 * retried twice (a deadlock with other work, a duplicate that slipped past the lock): the re-check
 * under the lock makes the retry start only what is still missing.
 */
@Service
public class RenewalScan {

  private static final Logger LOG = LoggerFactory.getLogger(RenewalScan.class);

  /** Renewals started per transaction: 200 starts are about 1 000 rows, one flush. */
  static final int BATCH = 200;

  private static final int ATTEMPTS = 3;

  /** What one scan did. {@code lostRace}: started by another node while this one scanned. */
  public record Result(int candidates, int started, int alreadyStarted, int lostRace) {}

  private final InventoryService inventory;
  private final Renewals renewals;
  private final RequestNumbers numbers;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final CommandExecutor oneCommand;
  private final RenewalProperties properties;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  public RenewalScan(
      InventoryService inventory,
      Renewals renewals,
      RequestNumbers numbers,
      ProcessEngine engine,
      RenewalProperties properties,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.inventory = inventory;
    this.renewals = renewals;
    this.numbers = numbers;
    this.runtimeService = engine.getRuntimeService();
    this.repositoryService = engine.getRepositoryService();
    // the engine's own executor: starts issued inside one of its commands share that command's
    // session and are flushed together when it ends (in the Spring transaction it joins)
    this.oneCommand =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
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
    List<ContractedTool> toStart =
        due.stream()
            .filter(tool -> !isStarted(started, tool))
            .sorted(Comparator.comparingLong(ContractedTool::toolId))
            .toList();
    int startedNow = 0;
    int lost = 0;
    for (int from = 0; from < toStart.size(); from += BATCH) {
      List<ContractedTool> batch = toStart.subList(from, Math.min(toStart.size(), from + BATCH));
      List<String> ids = startBatch(batch, today.getYear());
      startedNow += ids.size();
      lost += batch.size() - ids.size();
      if (!ids.isEmpty()) {
        LOG.info(
            "Renewal scan of {}: started {} to {}; {} of {} to start done",
            today,
            ids.get(0),
            ids.get(ids.size() - 1),
            from + batch.size(),
            toStart.size());
      }
    }
    Result result = new Result(due.size(), startedNow, due.size() - toStart.size(), lost);
    LOG.info("Renewal scan of {}: {}", today, result);
    return result;
  }

  private static boolean isStarted(Set<String> started, ContractedTool tool) {
    return started.contains(tool.toolId() + ":" + tool.contract().contractEnd())
        || started.contains(tool.toolId() + ":running");
  }

  /** Starts the renewals of the batch not started yet; the case ids it started. */
  private List<String> startBatch(List<ContractedTool> batch, int year) {
    for (int attempt = 1; ; attempt++) {
      try {
        return ownTransaction.execute(status -> startUnderLock(batch, year));
      } catch (RuntimeException failure) {
        if (attempt == ATTEMPTS) {
          throw failure;
        }
        LOG.warn(
            "Renewal scan: a batch of {} starts was rolled back ({}); trying again",
            batch.size(),
            failure.toString());
      }
    }
  }

  private List<String> startUnderLock(List<ContractedTool> batch, int year) {
    numbers.lockBlock(RenewalProcess.CASE_PREFIX, year);
    Set<String> started =
        renewals.alreadyStarted(batch.stream().map(ContractedTool::toolId).toList());
    List<ContractedTool> claimed = batch.stream().filter(t -> !isStarted(started, t)).toList();
    if (claimed.isEmpty()) {
      return List.of();
    }
    List<String> ids = numbers.takeBlock(RenewalProcess.CASE_PREFIX, year, claimed.size());
    List<Renewals.NewCase> cases = new ArrayList<>(claimed.size());
    for (int i = 0; i < claimed.size(); i++) {
      ContractedTool tool = claimed.get(i);
      cases.add(
          new Renewals.NewCase(
              ids.get(i),
              tool.toolId(),
              tool.contract().contractEnd(),
              tool.contract().noticeDate()));
    }
    renewals.insert(cases);
    Map<String, String> instances = new LinkedHashMap<>();
    oneCommand.execute(
        commandContext -> {
          // the latest version, looked up once for the batch, not once per start
          String definition =
              repositoryService
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(RenewalProcess.PROCESS_KEY)
                  .latestVersion()
                  .withoutTenantId()
                  .singleResult()
                  .getId();
          for (Renewals.NewCase c : cases) {
            String instance =
                runtimeService
                    .startProcessInstanceById(
                        definition,
                        c.id(),
                        ProcessVariable.variables()
                            .put(RENEWAL_ID, c.id())
                            .put(TOOL_ID, c.toolId())
                            .build())
                    .getId();
            instances.put(c.id(), instance);
            LOG.debug(
                "Renewal {} started for tool {}: notice date {}, contract ends {}",
                c.id(),
                c.toolId(),
                c.noticeDate(),
                c.contractEnd());
          }
          return null;
        });
    renewals.setProcessInstances(instances);
    return ids;
  }
}
