package com.tandem.process;

import java.util.List;

/** The decisions of one feature's user tasks; every bean of this type is read at start. */
public interface TaskDecisions {
  List<TaskDecision> decisions();
}
