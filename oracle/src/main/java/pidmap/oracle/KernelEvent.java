package pidmap.oracle;

import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * What a lockstep step exercised, tallied so that a report shows the scenario mix in terms of
 * the rule's cases, not only operation names. Immutable; {@code tally} touches only the map it
 * is given.
 */
public enum KernelEvent {
  ALLOC("allocs"),
  ALLOC_FAILED("EAGAIN"),
  FREE("frees"),
  SET_LAST("ns_last_pid writes"),
  SET_PID_MAX("pid_max writes"),
  NEXT("nexts"),
  REFUSED("refused writes"),
  /** alloc answered a pid at or below last_pid: the search wrapped. */
  WRAPPED("wraps"),
  /** a wrap answered a pid below RESERVED_PIDS: the floor was 1. */
  WRAPPED_BELOW_RESERVED("wraps below 300"),
  /** alloc answered last_pid itself: a freed last_pid handed out again. */
  LAST_PID_AGAIN("last_pid reissued"),
  /** pid_max set at or below a live pid. */
  PID_MAX_BELOW_LIVE("pid_max below live pids");

  private final String label;

  KernelEvent(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The events of one step, given last_pid before it and whether a held pid >= pid_max after. */
  static void tally(Op op, Outcome o, int lastBefore, boolean liveAtOrAbovePidMax, int reserved,
      java.util.Map<KernelEvent, Long> into) {
    switch (op.kind()) {
      case ALLOC:
        if (o.kind() != Outcome.Kind.PID) {
          into.merge(ALLOC_FAILED, 1L, Long::sum);
          return;
        }
        into.merge(ALLOC, 1L, Long::sum);
        if (o.pid() <= lastBefore) {
          into.merge(WRAPPED, 1L, Long::sum);
          if (o.pid() < reserved) {
            into.merge(WRAPPED_BELOW_RESERVED, 1L, Long::sum);
          }
          if (o.pid() == lastBefore) {
            into.merge(LAST_PID_AGAIN, 1L, Long::sum);
          }
        }
        return;
      case FREE:
        into.merge(FREE, 1L, Long::sum);
        return;
      case NEXT:
        into.merge(NEXT, 1L, Long::sum);
        return;
      default:
        if (o.kind() == Outcome.Kind.REFUSED) {
          into.merge(REFUSED, 1L, Long::sum);
        } else if (op.kind() == Op.Kind.SET_LAST) {
          into.merge(SET_LAST, 1L, Long::sum);
        } else {
          into.merge(SET_PID_MAX, 1L, Long::sum);
          if (liveAtOrAbovePidMax) {
            into.merge(PID_MAX_BELOW_LIVE, 1L, Long::sum);
          }
        }
    }
  }
}
