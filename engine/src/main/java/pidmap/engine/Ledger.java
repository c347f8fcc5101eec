package pidmap.engine;

import java.util.BitSet;
import pidmap.spec.PidAllocator;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * The checker's own books, kept from outcomes alone: which pids were handed out and not yet freed
 * (pid 0 from the start), and what last_pid must be. Independent of any allocator, so an
 * allocator that loses or invents a pid disagrees with it.
 */
final class Ledger {
  private final BitSet held = new BitSet();
  private int heldCount = 1;
  private int expectedLastPid = 0;

  Ledger() {
    held.set(0);
  }

  boolean holds(int pid) {
    return pid >= 0 && held.get(pid);
  }

  int nextAfter(int pid) {
    int n = held.nextSetBit(pid + 1);
    return n < 0 ? PidAllocator.NO_PID : n;
  }

  int count() {
    return heldCount;
  }

  int expectedLastPid() {
    return expectedLastPid;
  }

  /** Books the effect of {@code op} having answered {@code outcome}. */
  void record(Op op, Outcome outcome) {
    switch (op.kind()) {
      case ALLOC:
        if (outcome.kind() == Outcome.Kind.PID && outcome.pid() >= 0) {
          if (!held.get(outcome.pid())) {
            heldCount++;
          }
          held.set(outcome.pid());
          expectedLastPid = outcome.pid();
        }
        break;
      case FREE:
        if (outcome.kind() == Outcome.Kind.OK && held.get((int) op.arg())) {
          held.clear((int) op.arg());
          heldCount--;
        }
        break;
      case SET_LAST:
        if (outcome.kind() == Outcome.Kind.OK) {
          expectedLastPid = (int) op.arg();
        }
        break;
      default:
        break;
    }
  }
}
