package com.tandem.web;

import com.tandem.request.People;
import com.tandem.request.TandemGroups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who the caller is and what their role lets them do, so that a page shows
 * only what its user may use: the discovery page offers the upload to those who may import, the
 * home page and every page's header link only to the pages their user may open.
 */
@RestController
public class MeController {

  /**
   * The signed-in caller and what they may do; {@code name} is what pages show ("Riley Requester",
   * the user id when Camunda knows no name).
   */
  public record Me(
      String userId, String name, List<String> groups, List<String> groupNames, Permissions may) {}

  /**
   * What the caller's groups allow, as {@link ApiCaller} decides it for every call: {@code
   * readInsights} is the rule of {@code /api/insights}, {@code readDiscoveries} that of {@code
   * /api/discoveries}; {@code workInTasklist} and {@code operate} (Cockpit, Admin) say which of
   * Camunda's webapps have something for the caller.
   */
  public record Permissions(
      boolean submitRequests,
      boolean readAllRequests,
      boolean readBudgets,
      boolean readInsights,
      boolean importDiscoveries,
      boolean readDiscoveries,
      boolean workInTasklist,
      boolean operate) {}

  private final IdentityService identityService;
  private final People names;

  public MeController(IdentityService identityService, People names) {
    this.identityService = identityService;
    this.names = names;
  }

  /**
   * The group's name; Camunda's starter names the administrators' group "camunda BPM
   * Administrators", an engine's name: pages say "Administrators".
   */
  private String groupName(String groupId) {
    return TandemGroups.CAMUNDA_ADMIN.equals(groupId) ? "Administrators" : names.groupName(groupId);
  }

  @GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
  public Me me() {
    ApiCaller caller = ApiCaller.current(identityService);
    return new Me(
        caller.userId(),
        names.userName(caller.userId()),
        caller.groups(),
        caller.groups().stream().map(this::groupName).toList(),
        new Permissions(
            caller.maySubmit(),
            caller.mayReadAllRequests(),
            caller.mayReadBudgets(),
            caller.mayReadInsights(),
            caller.mayImportDiscoveries(),
            caller.mayReadDiscoveries(),
            caller.mayWorkInTasklist(),
            caller.mayOperate()));
  }
}
