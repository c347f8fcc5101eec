package pidmap.engine;

import java.util.BitSet;
import java.util.Objects;
import pidmap.spec.InspectablePidAllocator;
import pidmap.trace.Op;

/**
 * One allocator's state before a step, as far as the invariants compare it with the state after:
 * last_pid, pid_max, the count, the bit of the pid the step names, the whole allocated set (on a
 * small geometry, for a step that may be refused). Immutable.
 */
record Snapshot(int lastPid, int pidMax, int count, int argBit, BitSet all) {

  static Snapshot of(InspectablePidAllocator a, Op op, boolean small) {
    int argBit = -1;
    if (op.kind() == Op.Kind.FREE && op.arg() >= 0 && op.arg() < a.geometry().pidMaxLimit()) {
      argBit = a.isAllocated((int) op.arg()) ? 1 : 0;
    }
    boolean mayRefuse = op.kind() != Op.Kind.ALLOC;
    return new Snapshot(a.lastPid(), a.pidMax(), a.allocatedCount(), argBit,
        small && mayRefuse ? a.allocated() : null);
  }

  /** Whether {@code a} now has the same last_pid, pid_max, count, bit and set as this snapshot. */
  boolean sameAs(InspectablePidAllocator a, Op op) {
    Snapshot now = of(a, op, all != null);
    return lastPid == now.lastPid && pidMax == now.pidMax && count == now.count
        && argBit == now.argBit && Objects.equals(all, now.all);
  }
}
