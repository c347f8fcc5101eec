package pidmap.engine.invariants;

import pidmap.spec.InspectablePidAllocator;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * One executed step as an invariant sees it: the operation, its outcome, the allocator after it,
 * and the checker's own record of what was held before it (the ledger: every pid handed out and
 * not yet freed, pid 0 included). The ledger is kept by whoever runs the steps, from the outcomes
 * alone, so it is independent of the allocator being checked.
 */
public interface Step {

  Op op();

  Outcome outcome();

  /** The allocator, after the step. */
  InspectablePidAllocator allocator();

  /** Whether the ledger held {@code pid} before the step. */
  boolean heldBefore(int pid);

  /** The smallest pid above {@code pid} that the ledger held before the step, or -1. */
  int heldAfter(int pid);

  /** How many pids the ledger holds after the step. */
  int heldCountAfter();

  /** Whether the ledger holds {@code pid} after the step. */
  boolean heldAfterStep(int pid);

  /** last_pid as ALLOC-3 predicts it: the pid last handed out, or the value last set. */
  int expectedLastPid();

  /** pid_max before the step. */
  int pidMaxBefore();

  /** Whether the state after the step equals the state before it (allocated set, last_pid, pid_max). */
  boolean stateUnchanged();

  /** Whether, before the step, the profile's rule had a free candidate (from the model). */
  boolean candidateExisted();

  /** The first and last page index (inclusive) that state invariants should look at. */
  int firstPageToCheck();

  int lastPageToCheck();
}
