package com.tandem.board;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every case that can come before the board, by id, whichever feature keeps it. */
@Component
public class Cases {

  private final List<BudgetCases> sources;

  public Cases(List<BudgetCases> sources) {
    this.sources = List.copyOf(sources);
  }

  /** The case, or empty when no feature keeps one with this id. */
  public Optional<BudgetCase> find(String caseId) {
    if (caseId == null) {
      return Optional.empty();
    }
    return sources.stream().flatMap(source -> source.find(caseId).stream()).findFirst();
  }

  /** The case, which must exist. */
  public BudgetCase get(String caseId) {
    return find(caseId)
        .orElseThrow(() -> new IllegalStateException("No case " + caseId + " for the board"));
  }
}
