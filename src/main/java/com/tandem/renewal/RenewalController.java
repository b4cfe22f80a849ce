package com.tandem.renewal;

import com.tandem.inventory.ToolContract;
import com.tandem.request.TandemGroups;
import com.tandem.web.ApiCaller;
import com.tandem.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DateTimeException;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Upcoming renewals and their outcomes (both leaderships, IT operations, the board, admins), and
 * the contract of a tool (IT operations and admins change it). See docs/api.md.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Renewals", description = "Contracts of owned tools and their renewals")
public class RenewalController {

  static final Set<String> READERS =
      Set.of(
          TandemGroups.MARKETING_LEADERSHIP,
          TandemGroups.IT_LEADERSHIP,
          TandemGroups.IT_OPERATIONS,
          TandemGroups.BOARD);

  /** The furthest ahead the list looks: five years. */
  static final int MAX_DAYS = 5 * 366;

  private final RenewalService renewals;
  private final Contracts contracts;
  private final IdentityService identityService;

  public RenewalController(
      RenewalService renewals, Contracts contracts, IdentityService identityService) {
    this.renewals = renewals;
    this.contracts = contracts;
    this.identityService = identityService;
  }

  @Operation(
      summary =
          "ACTIVE tools whose contract ends within the period (default P120D), by notice date,"
              + " with the renewal under way if any")
  @GetMapping("/renewals")
  public List<RenewalService.Upcoming> upcoming(
      @Parameter(description = "an ISO-8601 period, e.g. P120D, P6M, P1Y")
          @RequestParam(required = false, defaultValue = "P120D")
          String within) {
    mayRead();
    return renewals.upcoming(days(within));
  }

  @Operation(
      summary =
          "How many renewals ended with each outcome: RENEWED, RENEWED_WITHOUT_REVIEW, RETIRED,"
              + " LAPSED")
  @GetMapping("/renewals/outcomes")
  public Map<RenewalStatus, Long> outcomes() {
    mayRead();
    return renewals.outcomes();
  }

  @Operation(
      summary = "Replace a tool's contract (it-operations, admins); the tool with its contract")
  @PutMapping(path = "/inventory/tools/{id}/contract", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ContractView contract(
      @PathVariable String id, @RequestBody(required = false) ContractUpdate body) {
    ApiCaller caller = ApiCaller.current(identityService);
    if (!caller.isAdmin() && !caller.groups().contains(TandemGroups.IT_OPERATIONS)) {
      throw ApiException.forbidden("Only IT operations (or an administrator) change a contract.");
    }
    long toolId = toolId(id);
    if (body == null) {
      throw ApiException.badInput("body", "must be the contract as JSON");
    }
    ToolContract contract = body.toContract();
    Contracts.Outcome outcome = contracts.update(toolId, contract, caller.userId());
    if (outcome instanceof Contracts.Changed changed) {
      return new ContractView(toolId, changed.tool().name(), changed.contract());
    }
    if (outcome instanceof Contracts.RetiredTool retired) {
      throw ApiException.conflict(
          retired.tool().name() + " is retired: its contract is kept as it ended.");
    }
    if (outcome instanceof Contracts.Invalid invalid) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "The contract has errors; see errors.", invalid.problems());
    }
    throw ApiException.notFound("There is no tool " + toolId + ".");
  }

  /** A tool's contract as {@code PUT …/contract} answers it. */
  public record ContractView(
      long toolId,
      String toolName,
      @com.fasterxml.jackson.annotation.JsonUnwrapped ToolContract contract) {}

  private void mayRead() {
    ApiCaller caller = ApiCaller.current(identityService);
    if (!caller.isAdmin() && caller.groups().stream().noneMatch(READERS::contains)) {
      throw ApiException.forbidden(
          "Renewals are for marketing and IT leadership, IT operations, the board and admins.");
    }
  }

  static int days(String within) {
    try {
      Period period = Period.parse(within.strip());
      long days = period.toTotalMonths() * 31 + period.getDays();
      if (period.isNegative() || days < 0) {
        throw ApiException.badInput("within", "must not be negative, e.g. P120D");
      }
      if (days > MAX_DAYS) {
        throw ApiException.badInput("within", "must be at most five years (P5Y)");
      }
      return (int) days;
    } catch (DateTimeException | ArithmeticException notAPeriod) {
      throw ApiException.badInput("within", "must be an ISO-8601 period such as P120D, P6M or P1Y");
    }
  }

  private static long toolId(String id) {
    try {
      long toolId = Long.parseLong(id);
      if (toolId > 0) {
        return toolId;
      }
    } catch (NumberFormatException notANumber) {
      // refused below
    }
    throw ApiException.badInput(
        "id", "must be the number of a tool (see GET /api/inventory/tools)");
  }
}
