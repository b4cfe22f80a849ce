package com.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.process.JointReviewProcess;
import com.tandem.process.ProcessScenario;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each role sees its own Tasklist filters, and a filter lists exactly the tasks of that role. */
class TasklistFiltersTest extends ProcessScenario {

  @Autowired FilterService filterService;
  @Autowired TasklistFilters tasklistFilters;

  List<String> visibleFilters(String user) {
    as(user);
    try {
      return filterService.createFilterQuery().listPage(0, 50).stream()
          .map(Filter::getName)
          .sorted()
          .toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  List<Task> tasksOf(String user, String filterName) {
    as(user);
    try {
      Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
      return filterService.listPage(filter.getId(), 0, 100);
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void shouldShowEachRoleItsOwnFilters() {
    assertThat(visibleFilters("requester")).containsExactly("My requests");
    assertThat(visibleFilters("cmo"))
        .containsExactly("Budget proposals", "Marketing reviews", "Renewals", "Shadow IT");
    assertThat(visibleFilters("cio"))
        .containsExactly("Budget proposals", "IT reviews", "Renewals", "Shadow IT");
    assertThat(visibleFilters("privacy")).containsExactly("Data deletion", "Privacy reviews");
    assertThat(visibleFilters("board")).containsExactly("Board decisions", "Renewals");
    assertThat(visibleFilters("itops")).containsExactly("Offboarding", "Onboarding", "Renewals");
  }

  @Test
  void shouldListTheRequestInTheReviewersFiltersWithItsColumns() {
    String id = submit(intake());
    assertThat(tasksOf("cmo", "Marketing reviews"))
        .extracting(Task::getTaskDefinitionKey)
        .contains(JointReviewProcess.Elements.REVIEW_MARKETING);
    assertThat(tasksOf("cio", "IT reviews"))
        .extracting(Task::getTaskDefinitionKey)
        .containsOnly(JointReviewProcess.Elements.REVIEW_IT);
    assertThat(tasksOf("cio", "IT reviews")).anyMatch(t -> t.getName().contains(id));
    Filter filter =
        filterService.createFilterQuery().filterName("Marketing reviews").singleResult();
    assertThat(filter.getProperties().get("variables").toString())
        .contains("listRequestId", "listToolName", "listFirstYearCost");
  }

  @Test
  void shouldLetTheReviewerReadTheColumnsOfTheTask() {
    String id = submit(intake());
    Task review = task(id, JointReviewProcess.Elements.REVIEW_MARKETING);
    as("cmo");
    try {
      // What Tasklist reads for the columns: variables the reviewer may read, i.e. the task's own.
      assertThat(taskService.getVariablesLocal(review.getId()))
          .containsEntry("listRequestId", id)
          .containsEntry("listToolName", "Eventful")
          // names and money in words, as the columns show them
          .containsEntry("listRequester", "Riley Requester")
          .containsEntry("listFirstYearCost", "USD 15,000.00");
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void shouldCreateNothingTwice() {
    long before = filterService.createFilterQuery().count();
    tasklistFilters.ensureFilters();
    assertThat(filterService.createFilterQuery().count()).isEqualTo(before).isEqualTo(11);
  }
}
