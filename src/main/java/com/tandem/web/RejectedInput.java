package com.tandem.web;

import java.util.List;

/**
 * An exception a feature raises for bad input, naming the fields at fault. The web layer answers it
 * with a 400 wherever it surfaces, also when the engine wrapped it (a start or completion that a
 * delegate or listener refused), without knowing the feature that raised it.
 */
public interface RejectedInput {

  /** Every bad field, in words a form can show next to it. */
  List<FieldProblem> problems();
}
