package com.tandem.system;

import com.tandem.request.TandemGroups;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Who may give a claimed task back or hand it on, beyond Camunda's grants (reviewers hold only
 * TASK_WORK on their tasks, which claims and completes but does not unassign):
 *
 * <ul>
 *   <li>whoever holds a task of a candidate group may give it back (unclaim), e.g. before a
 *       holiday;
 *   <li>the leadership of a task's candidate group ({@link #LEADERSHIP}) may give it back or hand
 *       it to another member of that candidate group, never to anyone outside it.
 * </ul>
 *
 * Anything else stays as Camunda's authorizations decide (administrators may do all), and a refusal
 * of an assignment says in words what is allowed, without permission names. Only the assignment of
 * a task ({@code setAssignee}, Tasklist's "unclaim" and "reassign") is widened: adding candidates
 * to a task still needs Camunda's TASK_ASSIGN grant.
 */
@Component
public class TaskHandovers extends AbstractProcessEnginePlugin {

  /** For each candidate group, the group whose members lead it and may reassign its tasks. */
  public static final Map<String, String> LEADERSHIP =
      Map.of(
          TandemGroups.MARKETING, TandemGroups.MARKETING_LEADERSHIP,
          TandemGroups.MARKETING_LEADERSHIP, TandemGroups.MARKETING_LEADERSHIP,
          TandemGroups.IT_LEADERSHIP, TandemGroups.IT_LEADERSHIP,
          TandemGroups.IT_OPERATIONS, TandemGroups.IT_LEADERSHIP,
          TandemGroups.PRIVACY_LEGAL, TandemGroups.PRIVACY_LEGAL,
          TandemGroups.BOARD, TandemGroups.BOARD);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandChecker> checkers = new ArrayList<>();
    checkers.add(new TenantCommandChecker());
    checkers.add(new Checker());
    configuration.setCommandCheckers(checkers);
  }

  static class Checker extends AuthorizationCommandChecker {

    private static final Field NEW_ASSIGNEE = newAssigneeField();

    @Override
    public void checkTaskAssign(TaskEntity task) {
      CommandContext context = Context.getCommandContext();
      CommandInvocationContext invocation = Context.getCommandInvocationContext();
      Authentication user =
          context == null
              ? null
              : context
                  .getProcessEngineConfiguration()
                  .getIdentityService()
                  .getCurrentAuthentication();
      if (user == null
          || invocation == null
          || !(invocation.getCommand() instanceof AssignTaskCmd assignment)) {
        super.checkTaskAssign(task);
        return;
      }
      String newAssignee = newAssignee(assignment);
      Set<String> candidates =
          task.getIdentityLinks().stream()
              .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
              .map(IdentityLink::getGroupId)
              .filter(Objects::nonNull)
              .collect(Collectors.toSet());
      List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
      boolean holder = user.getUserId().equals(task.getAssignee());
      boolean leads =
          candidates.stream()
              .map(LEADERSHIP::get)
              .filter(Objects::nonNull)
              .anyMatch(groups::contains);
      if (!candidates.isEmpty()) {
        if (newAssignee == null && (holder || leads)) {
          return;
        }
        if (newAssignee != null && leads && memberOfAny(context, newAssignee, candidates)) {
          return;
        }
      }
      try {
        super.checkTaskAssign(task);
      } catch (AuthorizationException refused) {
        throw new AuthorizationException(refusal(context, task, newAssignee, candidates, leads));
      }
    }

    private static String refusal(
        CommandContext context,
        TaskEntity task,
        String newAssignee,
        Set<String> candidates,
        boolean leads) {
      if (candidates.isEmpty()) {
        return "This task is meant for its assignee alone and cannot be given back or handed on.";
      }
      String who = names(context, candidates);
      String leaders =
          names(
              context,
              candidates.stream()
                  .map(LEADERSHIP::get)
                  .filter(Objects::nonNull)
                  .collect(Collectors.toSet()));
      if (leads) {
        return "%s is not a member of %s: a task of %s can be handed only to one of its members."
            .formatted(newAssignee, who, who);
      }
      return newAssignee == null
          ? "Only the person who claimed this task, or %s, can give it back.".formatted(leaders)
          : "Only %s can hand this task to someone else of %s; you can give back a task you claimed."
              .formatted(leaders, who);
    }

    private static boolean memberOfAny(CommandContext context, String userId, Set<String> groups) {
      return context.runWithoutAuthorization(
          () ->
              groups.stream()
                  .anyMatch(
                      group ->
                          context
                                  .getReadOnlyIdentityProvider()
                                  .createUserQuery()
                                  .userId(userId)
                                  .memberOfGroup(group)
                                  .count()
                              > 0));
    }

    private static String names(CommandContext context, Set<String> groupIds) {
      return context.runWithoutAuthorization(
          () ->
              groupIds.stream()
                  .sorted()
                  .map(
                      id -> {
                        Group group = context.getReadOnlyIdentityProvider().findGroupById(id);
                        return group == null || group.getName() == null ? id : group.getName();
                      })
                  .collect(Collectors.joining(" or ")));
    }

    private static String newAssignee(AssignTaskCmd command) {
      try {
        return (String) NEW_ASSIGNEE.get(command);
      } catch (IllegalAccessException unreadable) {
        throw new IllegalStateException("Cannot read the new assignee of " + command, unreadable);
      }
    }

    private static Field newAssigneeField() {
      try {
        Field field = AbstractAddIdentityLinkCmd.class.getDeclaredField("userId");
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException changed) {
        throw new IllegalStateException(
            "Camunda's AbstractAddIdentityLinkCmd no longer names its user userId", changed);
      }
    }
  }
}
