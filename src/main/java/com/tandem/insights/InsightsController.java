package com.tandem.insights;

import com.tandem.insights.InsightsFigures.Budget;
import com.tandem.insights.InsightsFigures.RequestPage;
import com.tandem.insights.InsightsFigures.Requests;
import com.tandem.insights.InsightsFigures.ShadowIt;
import com.tandem.insights.InsightsFigures.StackMap;
import com.tandem.insights.InsightsFigures.Stages;
import com.tandem.request.People;
import com.tandem.request.RequestStatus;
import com.tandem.web.ApiCaller;
import com.tandem.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures of /insights as JSON (PRODUCT.md §8): for marketing and IT leadership, the board and
 * admins; everyone else gets 403.
 */
@RestController
@RequestMapping(path = "/api/insights", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "Insights",
    description =
        "Where requests wait, where the money goes, what shadow IT remains; leadership, board and"
            + " admins")
public class InsightsController {

  static final String FORBIDDEN =
      "Insights are open to marketing and IT leadership, the board and administrators.";

  private final InsightsService insights;
  private final IdentityService identityService;
  private final People names;

  public InsightsController(
      InsightsService insights, IdentityService identityService, People names) {
    this.insights = insights;
    this.identityService = identityService;
    this.names = names;
  }

  @Operation(
      summary =
          "Time in each stage and by each side: tasks completed in the fiscal year, median and 90th"
              + " percentile in hours, SLA breaches; decisions per stage")
  @GetMapping("/stages")
  public Stages stages(
      @Parameter(description = "e.g. 2026; default the current fiscal year")
          @RequestParam(required = false)
          Integer fiscalYear,
      @Parameter(description = "a capability code; only requests for it")
          @RequestParam(required = false)
          String capability) {
    allowed();
    return insights.stages(year(fiscalYear), capability(capability));
  }

  @Operation(summary = "Requests submitted in the fiscal year by status, and the flow per month")
  @GetMapping("/requests")
  public Requests requests(
      @RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) String capability) {
    allowed();
    return insights.requests(year(fiscalYear), capability(capability));
  }

  @Operation(
      summary =
          "Every request, finished ones too, newest first; q searches tool, vendor, requester and"
              + " id")
  @GetMapping("/requests/search")
  public RequestPage search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size) {
    allowed();
    if (q != null && q.length() > 200) {
      throw ApiException.badInput("q", "must be at most 200 characters");
    }
    if (status != null
        && !status.isEmpty()
        && Arrays.stream(RequestStatus.values()).noneMatch(s -> s.name().equals(status))) {
      throw ApiException.badInput(
          "status", "must be one of " + Arrays.toString(RequestStatus.values()));
    }
    if (page < 0 || page > 100_000) {
      throw ApiException.badInput("page", "must be between 0 and 100000");
    }
    if (size < 1 || size > 200) {
      throw ApiException.badInput("size", "must be between 1 and 200");
    }
    return insights
        .search(q, status == null || status.isEmpty() ? null : status, page, size)
        .named(names::userName);
  }

  @Operation(
      summary =
          "Budget lines of the fiscal year: amount, held, committed, available, savings from"
              + " negotiation")
  @GetMapping("/budget")
  public Budget budget(@RequestParam(required = false) Integer fiscalYear) {
    allowed();
    return insights.budget(year(fiscalYear));
  }

  @Operation(
      summary =
          "Capabilities × owned tools: gaps, and overlaps (two tools or more) with their cost")
  @GetMapping("/stack-map")
  public StackMap stackMap() {
    allowed();
    return insights.stackMap();
  }

  @Operation(summary = "Shadow-IT findings per month by status, and open findings by age")
  @GetMapping("/shadow-it")
  public ShadowIt shadowIt(@RequestParam(required = false) Integer fiscalYear) {
    allowed();
    return insights.shadowIt(year(fiscalYear));
  }

  @Operation(summary = "Renewals due and renewed without review (when renewals are tracked)")
  @GetMapping("/renewals")
  public InsightsFigures.Renewals renewals(@RequestParam(required = false) Integer fiscalYear) {
    allowed();
    return insights.renewals(year(fiscalYear));
  }

  private void allowed() {
    if (!ApiCaller.current(identityService).mayReadInsights()) {
      throw ApiException.forbidden(FORBIDDEN);
    }
  }

  private int year(Integer fiscalYear) {
    int year = fiscalYear != null ? fiscalYear : insights.currentFiscalYear();
    if (year < 2000 || year > 2200) {
      throw ApiException.badInput("fiscalYear", "must be a year between 2000 and 2200");
    }
    return year;
  }

  private String capability(String code) {
    if (code == null || code.isEmpty()) {
      return null;
    }
    if (code.length() > 64 || !insights.isCapability(code)) {
      throw ApiException.badInput(
          "capability", "must be a capability code of GET /api/capabilities");
    }
    return code;
  }
}
