package com.tandem.discovery;

import com.tandem.discovery.FindingService.ListedFinding;
import com.tandem.discovery.SightingRules.Refused;
import com.tandem.web.ApiCaller;
import com.tandem.web.ApiException;
import com.tandem.web.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Shadow-IT discovery over the API (PRODUCT.md §5): imports of SSO and expense exports, pushed
 * sightings, and the list of findings. Imports and pushes are IT operations', IT leadership's and
 * admins'; marketing leadership also reads the findings.
 */
@RestController
@Tag(name = "Discovery", description = "Shadow-IT discovery: imports, pushes and findings")
public class DiscoveryController {

  private final DiscoveryImports imports;
  private final FindingService findings;
  private final IdentityService identityService;
  private final Clock clock;

  public DiscoveryController(
      DiscoveryImports imports,
      FindingService findings,
      IdentityService identityService,
      Clock clock) {
    this.imports = imports;
    this.findings = findings;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Operation(
      summary = "Import an SSO or expense export (CSV); IT operations, IT leadership, admins")
  @PostMapping(
      path = "/api/discovery-imports",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ImportSummary importFile(
      @RequestPart("file") MultipartFile file, @RequestPart("source") String source) {
    ApiCaller caller = mayImport();
    DiscoverySource from = source(source);
    if (file.getSize() > imports.maxFileBytes()) {
      throw new ApiException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "The file was not imported: it is larger than the limit.",
          List.of(
              new FieldProblem(
                  "file", "must be at most " + imports.maxFileBytes() / (1024 * 1024) + " MB")));
    }
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw ApiException.badInput("file", "could not be read");
    }
    return imports.importFile(from, file.getOriginalFilename(), content, caller.userId());
  }

  @Operation(summary = "Record one sighting pushed by another system")
  @PostMapping(
      path = "/api/discoveries",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ImportSummary push(@RequestBody DiscoveryPush push) {
    mayImport();
    return imports.push(sighting(push));
  }

  @Operation(summary = "Shadow-IT findings, optionally of one status")
  @GetMapping(path = "/api/discoveries", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<ListedFinding> list(@RequestParam(required = false) String status) {
    if (!ApiCaller.current(identityService).mayReadDiscoveries()) {
      throw ApiException.forbidden(
          "Findings are open to IT operations, IT and marketing leadership and administrators.");
    }
    FindingStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = FindingStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiException.badInput(
            "status", "must be one of " + java.util.Arrays.toString(FindingStatus.values()));
      }
    }
    return findings.list(wanted);
  }

  private ApiCaller mayImport() {
    ApiCaller caller = ApiCaller.current(identityService);
    if (!caller.mayImportDiscoveries()) {
      throw ApiException.forbidden(
          "Discovery imports are open to IT operations, IT leadership and administrators.");
    }
    return caller;
  }

  private static DiscoverySource source(String source) {
    String s = source == null ? "" : source.strip().toUpperCase(Locale.ROOT);
    if (!s.equals("SSO") && !s.equals("EXPENSE")) {
      throw ApiException.badInput("source", "must be SSO or EXPENSE");
    }
    return DiscoverySource.valueOf(s);
  }

  /** The pushed sighting checked by the rules of an imported line; every bad field is named. */
  private Sighting sighting(DiscoveryPush push) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    String domain = null;
    try {
      domain = SightingRules.domain(push.domain());
    } catch (Refused e) {
      problems.add(new FieldProblem("domain", e.getMessage()));
    }
    String application = SightingRules.optionalText(push.application(), SightingRules.MAX_NAME);
    if (push.application() != null
        && push.application().strip().length() > SightingRules.MAX_NAME) {
      problems.add(new FieldProblem("application", "must be at most 200 characters"));
    }
    String vendor = push.vendor();
    if (vendor == null || vendor.isBlank()) {
      vendor =
          application != null
              ? SightingRules.applicationVendor(application)
              : SightingRules.domainVendor(domain);
    }
    try {
      vendor = SightingRules.vendor(vendor);
    } catch (Refused e) {
      problems.add(new FieldProblem("vendor", e.getMessage()));
    }
    if (push.source() == null) {
      problems.add(new FieldProblem("source", "must be SSO, EXPENSE or PUSH"));
    }
    try {
      SightingRules.users(push.users());
    } catch (Refused e) {
      problems.add(new FieldProblem("users", e.getMessage()));
    }
    String currency = null;
    try {
      SightingRules.amount(push.amount());
      if (push.amount() != null || push.currency() != null) {
        currency = SightingRules.currency(push.currency());
      }
    } catch (Refused e) {
      problems.add(
          new FieldProblem(
              e.getMessage().contains("currency") ? "currency" : "amount", e.getMessage()));
    }
    if (push.currency() != null && push.amount() == null) {
      problems.add(new FieldProblem("amount", "is needed with a currency"));
    }
    if (push.seenOn() == null) {
      problems.add(new FieldProblem("seenOn", "is needed, e.g. 2026-03-14"));
    } else {
      try {
        SightingRules.plausible(push.seenOn(), today, "seenOn");
      } catch (Refused e) {
        problems.add(new FieldProblem("seenOn", e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "The input has errors; see errors.", problems);
    }
    return new Sighting(
        1,
        push.source(),
        vendor,
        application,
        domain,
        push.users(),
        push.amount(),
        currency,
        null,
        push.seenOn(),
        null,
        null);
  }
}
