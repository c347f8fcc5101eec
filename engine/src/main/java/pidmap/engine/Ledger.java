package pidmap.engine;

import java.util.BitSet;
import pidmap.spec.PidAllocator;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * The checker's own books, kept from outcomes alone: which pids were handed out and not yet freed
 * (pid 0 from the start), what last_pid must be, what pid_max is, and which bitmap pages some
 * search has passed through (page 0 from the start; the engine books each alloc's scan).
 * Independent of any allocator, so an allocator that loses or invents a pid, keeps a pid_max it
 * was not given or has a page no search reached, disagrees with it. Not thread-safe.
 */
final class Ledger {
  private final BitSet held = new BitSet();
  private int heldCount = 1;
  private int expectedLastPid = 0;
  private int pidMax;
  private final BitSet searchedPages = new BitSet();

  /** A fresh namespace's books: pid 0 held, last_pid 0, pid_max at {@code defaultPidMax}. */
  Ledger(int defaultPidMax) {
    held.set(0);
    pidMax = defaultPidMax;
    searchedPages.set(0);
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

  int pidMax() {
    return pidMax;
  }

  /** Whether page 0, or some search so far, passed through {@code page}. */
  boolean searched(int page) {
    return searchedPages.get(page);
  }

  /** Books the pages an alloc's search passes through, whatever it answers. */
  void searchedThrough(BitSet pages) {
    searchedPages.or(pages);
  }

  /** The held set itself, for a scan that reads it before the next {@link #record}. */
  BitSet held() {
    return held;
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
        if (outcome.kind() == Outcome.Kind.OK && holds((int) op.arg())) {
          held.clear((int) op.arg());
          heldCount--;
        }
        break;
      case SET_LAST:
        if (outcome.kind() == Outcome.Kind.OK) {
          expectedLastPid = (int) op.arg();
        }
        break;
      case SET_PID_MAX:
        if (outcome.kind() == Outcome.Kind.OK) {
          pidMax = (int) op.arg();
        }
        break;
      default:
        break;
    }
  }
}
