package pidmap.explorer;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import pidmap.trace.Op;

/**
 * The breadth-first queue that is also the record of every state found: state codes in discovery
 * order, each with the index of the state it was first reached from and the operation that
 * reached it, so the shortest path to any state can be read back. Not thread-safe for writers;
 * {@link #seen}, {@link #state} and {@link #pathTo} may be called from several threads while no
 * thread offers.
 */
final class StateQueue {
  private final Scope scope;
  private final BitSet visited;
  private long[] states = new long[1024];
  private int[] parents = new int[1024];
  private long[] ops = new long[1024];
  private int size;

  StateQueue(Scope scope) {
    this.scope = scope;
    this.visited = new BitSet((int) scope.stateSpace());
  }

  int size() {
    return size;
  }

  long state(int i) {
    return states[i];
  }

  /** Whether the state was found before; safe to call from several threads while none offers. */
  boolean seen(long state) {
    return visited.get((int) scope.index(state));
  }

  /** Adds the state unless it was seen before; returns whether it was new. */
  boolean offer(long state, int parent, Op via) {
    int bit = (int) scope.index(state);
    if (visited.get(bit)) {
      return false;
    }
    visited.set(bit);
    if (size == states.length) {
      int n = Math.multiplyExact(size, 2);
      states = Arrays.copyOf(states, n);
      parents = Arrays.copyOf(parents, n);
      ops = Arrays.copyOf(ops, n);
    }
    states[size] = state;
    parents[size] = parent;
    ops[size] = via == null ? 0 : encode(via);
    size++;
    return true;
  }

  /** The operations that first reached state {@code i} from the fresh state. */
  List<Op> pathTo(int i) {
    Deque<Op> path = new ArrayDeque<>();
    for (int at = i; parents[at] >= 0; at = parents[at]) {
      path.addFirst(decode(ops[at]));
    }
    return List.copyOf(path);
  }

  static long encode(Op op) {
    return ((long) op.kind().ordinal() << 40) | (op.arg() & 0xFF_FFFF_FFFFL);
  }

  static Op decode(long code) {
    long arg = code & 0xFF_FFFF_FFFFL;
    if ((arg & 0x80_0000_0000L) != 0) {
      arg |= ~0xFF_FFFF_FFFFL; // sign-extend the 40-bit argument
    }
    return new Op(Op.Kind.values()[(int) (code >>> 40)], arg);
  }
}
