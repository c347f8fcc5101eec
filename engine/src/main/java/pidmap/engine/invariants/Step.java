package pidmap.engine.invariants;

import java.util.BitSet;
import pidmap.engine.scan.SearchScan;
import pidmap.spec.InspectablePidAllocator;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * One executed step as an invariant sees it: the operation, its outcome, the allocator after it,
 * and the checker's own record of the state before it (the ledger: every pid handed out and not
 * yet freed, pid 0 included, last_pid and pid_max as the accepted steps set them). The ledger is
 * kept by whoever runs the steps, from the outcomes alone, so it is independent of the allocator
 * being checked; so is the {@link #scan()}, a brute-force search over the ledger.
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

  /** pid_max before the step, as the ledger has it: the default, or the value last set. */
  int pidMaxBefore();

  /** Whether the state after the step equals the state before it (allocated set, last_pid, pid_max). */
  boolean stateUnchanged();

  /**
   * For an alloc: the brute-force scan of the profile's search over the ledger's state before
   * the step (which pid it takes, which pages it passes through); null for any other operation.
   */
  SearchScan scan();

  /**
   * Whether page {@code page} is page 0 or some search so far, this step's included, passed
   * through it: the ledger's record of the scans of every alloc.
   */
  boolean pageSearched(int page);

  /** The first and last page index (inclusive) whose counters state invariants should look at. */
  int firstPageToCheck();

  int lastPageToCheck();

  /**
   * The pages whose installation the invariants look at after the step: every page, or on a
   * large geometry, page 0 and those the step's pid and its search reach.
   */
  BitSet watchedPages();
}
