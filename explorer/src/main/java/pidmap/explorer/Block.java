package pidmap.explorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.StepResult;
import pidmap.trace.Op;

/**
 * A run of consecutive states of one breadth-first level, expanded by one thread: each state's
 * engine is positioned, every operation is run from it, and the engine is brought back after each
 * change. Successors not seen before are collected for the explorer to merge, and the shortest
 * failure is kept. Confined to the thread that runs it; the explorer reads it after that thread
 * is done.
 */
final class Block {
  private final Explorer explorer;
  private final int from;
  private final int to;
  private final int depth;
  private final boolean goOn;
  long[] states = new long[64];
  int[] parents = new int[64];
  long[] ops = new long[64];
  int size;
  long transitions;
  long engineSteps;
  Failure best;

  /**
   * @param from the first state index of the block
   * @param to one past the last
   * @param depth the level's depth
   * @param goOn whether successors are collected (false at the depth bound)
   */
  Block(Explorer explorer, int from, int to, int depth, boolean goOn) {
    this.explorer = explorer;
    this.from = from;
    this.to = to;
    this.depth = depth;
    this.goOn = goOn;
  }

  /** A failure and where it was found, for picking the shortest, then the earliest. */
  record Failure(int stateIndex, ShortestFailure counterexample) {
    int length() {
      return counterexample.ops().size();
    }

    boolean before(Failure o) {
      return length() != o.length() ? length() < o.length() : stateIndex < o.stateIndex;
    }
  }

  void run() {
    for (int i = from; i < to; i++) {
      ShortestFailure c = expand(i);
      if (c == null) {
        continue;
      }
      Failure f = new Failure(i, c);
      if (best == null || f.before(best)) {
        best = f;
      }
      if (best.length() <= depth + 1) {
        return; // a failing operation from this level: no later state can beat it
      }
    }
  }

  private void found(long state, int parent, Op op) {
    if (!goOn || !explorer.scope.expands(AbstractState.pidMax(state))
        || explorer.queue.seen(state)) {
      return;
    }
    if (size == states.length) {
      states = Arrays.copyOf(states, size * 2);
      parents = Arrays.copyOf(parents, size * 2);
      ops = Arrays.copyOf(ops, size * 2);
    }
    states[size] = state;
    parents[size] = parent;
    ops[size] = StateQueue.encode(op);
    size++;
  }

  /** Runs every operation from state {@code i}; returns a counterexample or null. */
  private ShortestFailure expand(int i) {
    long state = explorer.queue.state(i);
    List<Op> prefix = explorer.settings.rebuild() == Explorer.Rebuild.REPLAY
        ? explorer.queue.pathTo(i)
        : AbstractState.canonicalPath(state, explorer.geometry);
    Run run = new Run();
    for (Op op : prefix) {
      if (!run.step(op).ok()) {
        return explorer.confirm(run.history, run.history, false);
      }
    }
    if (run.state() != state) {
      throw new IllegalStateException("rebuilding " + AbstractState.toString(state)
          + " reached " + AbstractState.toString(run.state()) + " via " + prefix);
    }
    for (Op op : Transitions.from(state, explorer.geometry)) {
      transitions++;
      StepResult r = run.step(op);
      if (!r.ok()) {
        return explorer.confirm(explorer.pathThen(i, op, List.of()), run.history, true);
      }
      long next = Explorer.successor(state, op, r.reference());
      if (next == state) {
        continue;
      }
      found(next, i, op);
      List<Op> undo = Transitions.undo(next, state, explorer.geometry);
      for (int k = 0; k < undo.size(); k++) {
        if (!run.step(undo.get(k)).ok()) {
          List<Op> path = explorer.pathThen(i, op, undo.subList(0, k + 1));
          return explorer.confirm(path, run.history, true);
        }
      }
      if (run.state() != state) {
        throw new IllegalStateException("undoing " + op + " from "
            + AbstractState.toString(state) + " reached " + AbstractState.toString(run.state()));
      }
    }
    return null;
  }

  /** One engine and the operations it has run. */
  private final class Run {
    final DifferentialEngine engine = new DifferentialEngine(
        explorer.geometry, explorer.scope.profile(), explorer.candidate);
    final List<Op> history = new ArrayList<>();

    StepResult step(Op op) {
      engineSteps++;
      history.add(op);
      return engine.step(op, null);
    }

    long state() {
      return AbstractState.of(engine.model());
    }
  }
}
