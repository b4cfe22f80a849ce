package com.tandem.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budget lines, holds and commitments in Tandem's own tables ({@code tandem_budget_line}, {@code
 * tandem_budget_allocation}, {@code tandem_budget_raise}). Active unless {@code
 * tandem.budget.provider} names another implementation, so that a company can plug in its finance
 * system instead (docs/plug-in-services.md).
 *
 * <p>Two requests must never both be granted the last of a line, even on two engine nodes: holds
 * are placed under row locks on the lines ({@code SELECT ... FOR UPDATE}), always taken in the same
 * order (MARKETING, then IT) so that two requests cannot deadlock, and availability is read only
 * once the locks are held.
 */
@Service
@ConditionalOnProperty(name = "tandem.budget.provider", havingValue = "jdbc", matchIfMissing = true)
public class JdbcBudgetService implements BudgetService {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcBudgetService.class);
  private static final BigDecimal ZERO = money(BigDecimal.ZERO);

  /** The order lines are locked in; the same for every transaction. */
  private static final List<BudgetOwner> LOCK_ORDER =
      List.of(BudgetOwner.MARKETING, BudgetOwner.IT);

  private final JdbcClient jdbc;
  private final BudgetProperties properties;

  public JdbcBudgetService(JdbcClient jdbc, BudgetProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Override
  public int fiscalYearOf(LocalDate date) {
    return properties.fiscalYearOf(date);
  }

  @Override
  public List<BudgetLine> lines(int fiscalYear) {
    return jdbc
        .sql(
            "SELECT l.owner, l.fiscal_year, l.amount, l.currency,"
                + " COALESCE(SUM(CASE WHEN a.state = 'HELD' THEN a.amount END), 0) AS held,"
                + " COALESCE(SUM(CASE WHEN a.state = 'COMMITTED' THEN a.amount END), 0) AS committed"
                + " FROM tandem_budget_line l LEFT JOIN tandem_budget_allocation a ON a.line_id = l.id"
                + " WHERE l.fiscal_year = :fiscalYear"
                + " GROUP BY l.id, l.owner, l.fiscal_year, l.amount, l.currency")
        .param("fiscalYear", fiscalYear)
        .query(
            (rs, n) -> {
              BigDecimal amount = money(rs.getBigDecimal("amount"));
              BigDecimal held = money(rs.getBigDecimal("held"));
              BigDecimal committed = money(rs.getBigDecimal("committed"));
              return new BudgetLine(
                  BudgetOwner.valueOf(rs.getString("owner")),
                  rs.getInt("fiscal_year"),
                  amount,
                  held,
                  committed,
                  amount.subtract(held).subtract(committed),
                  rs.getString("currency"));
            })
        .list()
        .stream()
        .sorted(Comparator.comparing(BudgetLine::owner))
        .toList();
  }

  @Override
  public BudgetCheck check(String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it) {
    Map<BudgetOwner, BigDecimal> available = new EnumMap<>(BudgetOwner.class);
    for (BudgetOwner owner : LOCK_ORDER) {
      available.put(
          owner,
          lineId(fiscalYear, owner, false).map(id -> availableTo(requestId, id)).orElse(ZERO));
    }
    return toCheck(fiscalYear, marketing, it, available);
  }

  @Override
  @Transactional
  public BudgetCheck placeHolds(
      String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it) {
    Objects.requireNonNull(requestId, "requestId");
    Map<BudgetOwner, BigDecimal> required = required(marketing, it);
    Map<BudgetOwner, Long> lines = new EnumMap<>(BudgetOwner.class);
    Map<BudgetOwner, BigDecimal> available = new EnumMap<>(BudgetOwner.class);
    for (BudgetOwner owner : LOCK_ORDER) {
      Optional<Long> line = lineId(fiscalYear, owner, true);
      line.ifPresent(id -> lines.put(owner, id));
      available.put(owner, line.map(id -> availableTo(requestId, id)).orElse(ZERO));
    }
    BudgetCheck check = toCheck(fiscalYear, marketing, it, available);
    if (!check.sufficient()) {
      LOG.info(
          "No holds for request {} in fiscal year {}: short by {} on MARKETING and {} on IT",
          requestId,
          fiscalYear,
          check.marketingShortfall(),
          check.itShortfall());
      return check;
    }
    for (BudgetOwner owner : LOCK_ORDER) {
      if (lines.containsKey(owner)) {
        hold(requestId, lines.get(owner), owner, required.get(owner));
      }
    }
    return check;
  }

  @Override
  @Transactional
  public BudgetCheck commitSpent(
      String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it) {
    Objects.requireNonNull(requestId, "requestId");
    Map<BudgetOwner, BigDecimal> required = required(marketing, it);
    Map<BudgetOwner, BigDecimal> available = new EnumMap<>(BudgetOwner.class);
    for (BudgetOwner owner : LOCK_ORDER) {
      BigDecimal amount = required.get(owner);
      if (amount.signum() == 0) {
        available.put(
            owner,
            lineId(fiscalYear, owner, false).map(id -> availableTo(requestId, id)).orElse(ZERO));
        continue;
      }
      long lineId = lineId(fiscalYear, owner, true).orElseGet(() -> createLine(fiscalYear, owner));
      BigDecimal before = availableTo(requestId, lineId);
      available.put(owner, before);
      if (commitOn(requestId, lineId, owner, amount) && before.compareTo(amount) < 0) {
        LOG.warn(
            "Request {} spent {} {} on the {} line of fiscal year {}, which had {} available:"
                + " the line is over by {}",
            requestId,
            amount,
            properties.currency(),
            owner,
            fiscalYear,
            before,
            amount.subtract(before.max(ZERO)));
      }
    }
    return toCheck(fiscalYear, marketing, it, available);
  }

  /**
   * Commits {@code amount} for the request on a locked line; a commitment made before stays.
   * Whether this call committed it.
   */
  private boolean commitOn(String requestId, long lineId, BudgetOwner owner, BigDecimal amount) {
    Optional<AllocationState> state =
        jdbc.sql(
                "SELECT state FROM tandem_budget_allocation"
                    + " WHERE request_id = :requestId AND line_id = :lineId")
            .param("requestId", requestId)
            .param("lineId", lineId)
            .query((rs, n) -> AllocationState.valueOf(rs.getString("state")))
            .optional();
    if (state.isPresent() && state.get() == AllocationState.COMMITTED) {
      return false; // committed before: a retry
    }
    if (state.isPresent()) {
      jdbc.sql(
              "UPDATE tandem_budget_allocation SET amount = :amount, state = 'COMMITTED',"
                  + " updated_at = CURRENT_TIMESTAMP"
                  + " WHERE request_id = :requestId AND line_id = :lineId")
          .param("amount", amount)
          .param("requestId", requestId)
          .param("lineId", lineId)
          .update();
    } else {
      jdbc.sql(
              "INSERT INTO tandem_budget_allocation (line_id, request_id, amount, state, created_at,"
                  + " updated_at) VALUES (:lineId, :requestId, :amount, 'COMMITTED',"
                  + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
          .param("lineId", lineId)
          .param("requestId", requestId)
          .param("amount", amount)
          .update();
    }
    LOG.info(
        "Committed {} {} on the {} line for request {}",
        amount,
        properties.currency(),
        owner,
        requestId);
    return true;
  }

  @Override
  @Transactional
  public void raiseForShortfall(
      String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it) {
    Objects.requireNonNull(requestId, "requestId");
    Map<BudgetOwner, BigDecimal> required = required(marketing, it);
    raise(
        requestId,
        fiscalYear,
        owner -> required.get(owner).signum() != 0,
        (owner, lineId) -> required.get(owner).subtract(availableTo(requestId, lineId)));
  }

  @Override
  @Transactional
  public void raiseBy(
      String requestId, int fiscalYear, BigDecimal marketingRaise, BigDecimal itRaise) {
    Objects.requireNonNull(requestId, "requestId");
    Map<BudgetOwner, BigDecimal> raises = required(marketingRaise, itRaise);
    raise(
        requestId,
        fiscalYear,
        owner -> raises.get(owner).signum() > 0,
        (owner, lineId) -> raises.get(owner));
  }

  /** Raises the lines {@code wanted} by {@code by}, once per request and line. */
  private void raise(
      String requestId,
      int fiscalYear,
      java.util.function.Predicate<BudgetOwner> wanted,
      java.util.function.BiFunction<BudgetOwner, Long, BigDecimal> by) {
    for (BudgetOwner owner : LOCK_ORDER) {
      if (!wanted.test(owner)) {
        continue;
      }
      long lineId = lineId(fiscalYear, owner, true).orElseGet(() -> createLine(fiscalYear, owner));
      boolean raised =
          jdbc.sql(
                      "SELECT COUNT(*) FROM tandem_budget_raise WHERE request_id = :requestId"
                          + " AND line_id = :lineId")
                  .param("requestId", requestId)
                  .param("lineId", lineId)
                  .query(Integer.class)
                  .single()
              > 0;
      BigDecimal shortfall = by.apply(owner, lineId);
      if (raised || shortfall.signum() <= 0) {
        continue;
      }
      jdbc.sql(
              "INSERT INTO tandem_budget_raise (line_id, request_id, amount, created_at)"
                  + " VALUES (:lineId, :requestId, :amount, CURRENT_TIMESTAMP)")
          .param("lineId", lineId)
          .param("requestId", requestId)
          .param("amount", shortfall)
          .update();
      jdbc.sql("UPDATE tandem_budget_line SET amount = amount + :raise WHERE id = :lineId")
          .param("raise", shortfall)
          .param("lineId", lineId)
          .update();
      LOG.info(
          "Raised the {} line of fiscal year {} by {} {} for request {}",
          owner,
          fiscalYear,
          shortfall,
          properties.currency(),
          requestId);
    }
  }

  @Override
  @Transactional
  public void shrinkHolds(String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it) {
    Objects.requireNonNull(requestId, "requestId");
    Map<BudgetOwner, BigDecimal> negotiated = required(marketing, it);
    for (BudgetOwner owner : LOCK_ORDER) {
      // no lock on the line: a hold that only shrinks gives money back, and a placement racing
      // with it reads the larger amount at worst (too careful, never too generous)
      Optional<Long> line = lineId(fiscalYear, owner, false);
      if (line.isEmpty()) {
        continue;
      }
      int shrunk =
          jdbc.sql(
                  "UPDATE tandem_budget_allocation SET amount = :amount, updated_at = CURRENT_TIMESTAMP"
                      + " WHERE request_id = :requestId AND line_id = :lineId AND state = 'HELD'"
                      + " AND amount > :amount")
              .param("amount", negotiated.get(owner))
              .param("requestId", requestId)
              .param("lineId", line.get())
              .update();
      if (shrunk > 0) {
        LOG.info(
            "Hold of request {} on the {} line of fiscal year {} shrunk to {} {}",
            requestId,
            owner,
            fiscalYear,
            negotiated.get(owner),
            properties.currency());
      }
    }
  }

  @Override
  @Transactional
  public void commit(String requestId) {
    int committed = changeHeld(requestId, AllocationState.COMMITTED);
    if (committed > 0) {
      LOG.info("Committed {} holds of request {}", committed, requestId);
    }
  }

  @Override
  @Transactional
  public void release(String requestId) {
    int released = changeHeld(requestId, AllocationState.RELEASED);
    if (released > 0) {
      LOG.info("Released {} holds of request {}", released, requestId);
    }
  }

  @Override
  @Transactional
  public int releaseAfter(String requestId, int fiscalYear) {
    int released =
        jdbc.sql(
                "UPDATE tandem_budget_allocation SET state = 'RELEASED', updated_at = CURRENT_TIMESTAMP"
                    + " WHERE request_id = :requestId AND state IN ('HELD', 'COMMITTED')"
                    + " AND line_id IN (SELECT id FROM tandem_budget_line WHERE fiscal_year > :fiscalYear)")
            .param("requestId", requestId)
            .param("fiscalYear", fiscalYear)
            .update();
    if (released > 0) {
      LOG.info(
          "Released {} allocations of request {} after fiscal year {}",
          released,
          requestId,
          fiscalYear);
    }
    return released;
  }

  @Override
  public List<BudgetAllocation> allocations(String requestId) {
    return jdbc.sql(
            "SELECT a.request_id, l.owner, l.fiscal_year, a.amount, a.state FROM tandem_budget_allocation a"
                + " JOIN tandem_budget_line l ON l.id = a.line_id WHERE a.request_id = :requestId"
                + " ORDER BY l.fiscal_year, a.id")
        .param("requestId", requestId)
        .query(
            (rs, n) ->
                new BudgetAllocation(
                    rs.getString("request_id"),
                    BudgetOwner.valueOf(rs.getString("owner")),
                    rs.getInt("fiscal_year"),
                    money(rs.getBigDecimal("amount")),
                    AllocationState.valueOf(rs.getString("state"))))
        .list();
  }

  /**
   * Creates the line of a fiscal year and owner with {@code amount} if it is missing; an existing
   * line keeps its amount. For the demo data and for an installation's initial set-up.
   *
   * @return whether the line was created
   */
  @Transactional
  boolean ensureLine(int fiscalYear, BudgetOwner owner, BigDecimal amount) {
    if (lineId(fiscalYear, owner, false).isPresent()) {
      return false;
    }
    insertLine(fiscalYear, owner, money(amount));
    return true;
  }

  private long createLine(int fiscalYear, BudgetOwner owner) {
    try {
      insertLine(fiscalYear, owner, ZERO);
      LOG.info("Created the {} line of fiscal year {}", owner, fiscalYear);
    } catch (DuplicateKeyException createdConcurrently) {
      LOG.debug("The {} line of fiscal year {} was created concurrently", owner, fiscalYear);
    }
    return lineId(fiscalYear, owner, true).orElseThrow();
  }

  private void insertLine(int fiscalYear, BudgetOwner owner, BigDecimal amount) {
    jdbc.sql(
            "INSERT INTO tandem_budget_line (fiscal_year, owner, amount, currency)"
                + " VALUES (:fiscalYear, :owner, :amount, :currency)")
        .param("fiscalYear", fiscalYear)
        .param("owner", owner.name())
        .param("amount", amount)
        .param("currency", properties.currency())
        .update();
  }

  private Optional<Long> lineId(int fiscalYear, BudgetOwner owner, boolean lock) {
    return jdbc.sql(
            "SELECT id FROM tandem_budget_line WHERE fiscal_year = :fiscalYear AND owner = :owner"
                + (lock ? " FOR UPDATE" : ""))
        .param("fiscalYear", fiscalYear)
        .param("owner", owner.name())
        .query(Long.class)
        .optional();
  }

  /**
   * What a line has available to a request: its amount less what every request holds or has
   * committed, except what this request itself holds or committed, which is its own already.
   */
  private BigDecimal availableTo(String requestId, long lineId) {
    BigDecimal amount =
        jdbc.sql("SELECT amount FROM tandem_budget_line WHERE id = :lineId")
            .param("lineId", lineId)
            .query(BigDecimal.class)
            .single();
    BigDecimal usedByOthers =
        jdbc.sql(
                "SELECT COALESCE(SUM(amount), 0) FROM tandem_budget_allocation"
                    + " WHERE line_id = :lineId AND state IN ('HELD', 'COMMITTED') AND request_id <> :requestId")
            .param("lineId", lineId)
            .param("requestId", requestId)
            .query(BigDecimal.class)
            .single();
    return money(amount.subtract(usedByOthers));
  }

  /** Holds {@code amount} for the request on a locked line: new, kept, adjusted or renewed. */
  private void hold(String requestId, long lineId, BudgetOwner owner, BigDecimal amount) {
    Optional<Allocation> existing =
        jdbc.sql(
                "SELECT amount, state FROM tandem_budget_allocation"
                    + " WHERE request_id = :requestId AND line_id = :lineId")
            .param("requestId", requestId)
            .param("lineId", lineId)
            .query(
                (rs, n) ->
                    new Allocation(
                        money(rs.getBigDecimal("amount")),
                        AllocationState.valueOf(rs.getString("state"))))
            .optional();
    if (existing.isEmpty()) {
      if (amount.signum() > 0) {
        jdbc.sql(
                "INSERT INTO tandem_budget_allocation (line_id, request_id, amount, state, created_at, updated_at)"
                    + " VALUES (:lineId, :requestId, :amount, 'HELD', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
            .param("lineId", lineId)
            .param("requestId", requestId)
            .param("amount", amount)
            .update();
        LOG.info(
            "Held {} {} on the {} line for request {}",
            amount,
            properties.currency(),
            owner,
            requestId);
      }
      return;
    }
    Allocation allocation = existing.get();
    if (allocation.state() == AllocationState.COMMITTED) {
      LOG.debug(
          "Request {} has committed {} on the {} line already; hold kept as it is",
          requestId,
          allocation.amount(),
          owner);
      return;
    }
    if (allocation.state() == AllocationState.HELD && allocation.amount().compareTo(amount) == 0) {
      return; // placed before: a retry
    }
    AllocationState state = amount.signum() > 0 ? AllocationState.HELD : AllocationState.RELEASED;
    jdbc.sql(
            "UPDATE tandem_budget_allocation SET amount = :amount, state = :state, updated_at = CURRENT_TIMESTAMP"
                + " WHERE request_id = :requestId AND line_id = :lineId")
        .param("amount", amount)
        .param("state", state.name())
        .param("requestId", requestId)
        .param("lineId", lineId)
        .update();
    LOG.info(
        "Hold of request {} on the {} line is now {} {} ({})",
        requestId,
        owner,
        amount,
        properties.currency(),
        state);
  }

  private int changeHeld(String requestId, AllocationState to) {
    return jdbc.sql(
            "UPDATE tandem_budget_allocation SET state = :to, updated_at = CURRENT_TIMESTAMP"
                + " WHERE request_id = :requestId AND state = 'HELD'")
        .param("to", to.name())
        .param("requestId", requestId)
        .update();
  }

  private static Map<BudgetOwner, BigDecimal> required(BigDecimal marketing, BigDecimal it) {
    Map<BudgetOwner, BigDecimal> required = new EnumMap<>(BudgetOwner.class);
    required.put(BudgetOwner.MARKETING, nonNegative(marketing, "marketing"));
    required.put(BudgetOwner.IT, nonNegative(it, "it"));
    return required;
  }

  private static BudgetCheck toCheck(
      int fiscalYear, BigDecimal marketing, BigDecimal it, Map<BudgetOwner, BigDecimal> available) {
    return new BudgetCheck(
        fiscalYear,
        nonNegative(marketing, "marketing"),
        available.get(BudgetOwner.MARKETING),
        nonNegative(it, "it"),
        available.get(BudgetOwner.IT));
  }

  private static BigDecimal nonNegative(BigDecimal amount, String what) {
    BigDecimal value = money(amount == null ? BigDecimal.ZERO : amount);
    if (value.signum() < 0) {
      throw new IllegalArgumentException("The " + what + " amount must not be negative: " + value);
    }
    return value;
  }

  /** Money has two decimals, always. */
  private static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private record Allocation(BigDecimal amount, AllocationState state) {}
}
