package pidmap.explorer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import pidmap.engine.StepResult;
import pidmap.trace.Op;

/**
 * Breadth-first exploration from a fresh allocator: every state of depth d is expanded before
 * any of depth d+1, each state once (a bit per dense index), each with the path that first
 * reached it, so the first level at which an operation fails gives a shortest failing path
 * (for a candidate whose behaviour depends only on its state): the path to the failing state
 * plus the operation. Among the failures of that level it reports the first in queue order,
 * then in operation order, so the answer is the same on every run.
 *
 * <p>Not thread-safe: one search per instance, on the calling thread.
 */
final class BreadthFirst {

  /** What a search found. */
  record Result(long states, long transitions, int depth, ShortestFailure counterexample) {}

  private final Scope scope;
  private final Candidate candidate;
  private final Explorer.Progress progress;
  private final long start;
  private final long[] visited;
  private long[] states = new long[1024];
  private int[] parents = new int[1024];
  private int[] ops = new int[1024];
  private int size;

  BreadthFirst(Scope scope, Candidate candidate, Explorer.Progress progress, long start) {
    this.scope = scope;
    this.candidate = candidate;
    this.progress = progress;
    this.start = start;
    this.visited = new long[(int) ((scope.indexSpace() + 63) >>> 6)];
  }

  Result run() {
    Expander x = new Expander(scope, candidate);
    offer(StateCode.fresh(scope.geometry()), -1, 0);
    int levelStart = 0;
    int depth = 0;
    while (true) {
      int levelEnd = size;
      boolean goOn = depth < scope.maxDepth();
      for (int i = levelStart; i < levelEnd; i++) {
        final int parent = i;
        List<Op> path = candidate.direct() ? List.of() : pathTo(i);
        Expander.Finding f = x.expand(states[i], path, (from, op, to) -> {
          if (goOn && scope.expands(StateCode.pidMax(to))) {
            offer(to, parent, op);
          }
        });
        if (f != null) {
          progress.update(scope, "depth " + depth, size, x.transitions,
              Explorer.millisSince(start));
          return new Result(size, x.transitions, depth, counterexample(i, f));
        }
      }
      progress.update(scope, "depth " + depth, size, x.transitions, Explorer.millisSince(start));
      if (size == levelEnd) {
        return new Result(size, x.transitions, depth, null);
      }
      levelStart = levelEnd;
      depth++;
    }
  }

  private ShortestFailure counterexample(int i, Expander.Finding f) {
    List<Op> path = new ArrayList<>(pathTo(i));
    path.add(f.op());
    StepResult.Failure.Kind kind = f.message().startsWith("invariant ")
        ? StepResult.Failure.Kind.INVARIANT : StepResult.Failure.Kind.DIVERGENCE;
    StepResult step = new StepResult(path.size(), f.op(), f.reference(), f.got(),
        new StepResult.Failure(kind, f.message()));
    return new ShortestFailure(path, step, true);
  }

  private void offer(long state, int parent, int op) {
    long index = scope.index(state);
    int word = (int) (index >>> 6);
    long bit = 1L << index;
    if ((visited[word] & bit) != 0) {
      return;
    }
    visited[word] |= bit;
    if (size == states.length) {
      int n = Math.multiplyExact(size, 2);
      states = Arrays.copyOf(states, n);
      parents = Arrays.copyOf(parents, n);
      ops = Arrays.copyOf(ops, n);
    }
    states[size] = state;
    parents[size] = parent;
    ops[size] = op;
    size++;
  }

  /** The operations that first reached state {@code i} from the fresh state. */
  List<Op> pathTo(int i) {
    Deque<Op> path = new ArrayDeque<>();
    for (int at = i; parents[at] >= 0; at = parents[at]) {
      path.addFirst(Ops.op(ops[at]));
    }
    return List.copyOf(path);
  }
}
