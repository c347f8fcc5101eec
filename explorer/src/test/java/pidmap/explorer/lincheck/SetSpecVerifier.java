package pidmap.explorer.lincheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionResult;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.kotlinx.lincheck.execution.ResultWithClock;
import org.jetbrains.kotlinx.lincheck.util.LincheckResult;
import org.jetbrains.kotlinx.lincheck.util.ValueResult;
import org.jetbrains.lincheck.datastructures.verifier.Verifier;

/**
 * A linearizability checker for a specification that lets alloc choose: Lincheck's own verifier
 * needs a deterministic sequential specification, and "alloc returns some free pid" is not one.
 * This one searches the linearizations that respect real time (Wing and Gong's search: the next
 * operation is one whose every real-time predecessor is placed) and, instead of asking the
 * specification for the answer, asks whether the answer observed is allowed and what state it
 * leads to ({@link #after}). The state is the allocated set as a bit mask.
 *
 * <p>Lincheck makes one instance per test (its constructor takes the sequential specification
 * class, unused here); not thread-safe.
 */
public abstract class SetSpecVerifier implements Verifier {

  /** Returned by {@link #after} when the observed answer is not allowed. */
  protected static final long NOT_ALLOWED = -1;

  /** The allocated set of a fresh allocator: pid 0. */
  protected static final long FRESH = 1L;

  /** The state after {@code op(args)} answered {@code result} in {@code set}, or NOT_ALLOWED. */
  protected abstract long after(long set, String op, List<Object> args, Object result);

  /**
   * As {@link #after(long, String, List, Object)}, for an operation that ran while
   * {@code racingFrees} successful frees (or exits) of other threads overlapped it in real time;
   * a specification that lets a search miss a pid freed behind it overrides this.
   */
  protected long after(long set, String op, List<Object> args, Object result, int racingFrees) {
    return after(set, op, args, result);
  }

  @Override
  public boolean verifyResults(ExecutionScenario scenario, ExecutionResult result) {
    long set = FRESH;
    for (int i = 0; i < scenario.getInitExecution().size(); i++) {
      set = step(set, scenario.getInitExecution().get(i), result.getInitResults().get(i));
      if (set == NOT_ALLOWED) {
        return false;
      }
    }
    List<List<Actor>> threads = scenario.getParallelExecution();
    List<List<ResultWithClock>> results = result.getParallelResultsWithClock();
    return search(set, new int[threads.size()], threads, results, scenario, result,
        new HashSet<>());
  }

  private boolean search(long set, int[] done, List<List<Actor>> threads,
      List<List<ResultWithClock>> results, ExecutionScenario scenario, ExecutionResult result,
      Set<String> dead) {
    String key = set + ":" + java.util.Arrays.toString(done);
    if (dead.contains(key)) {
      return false;
    }
    boolean all = true;
    for (int t = 0; t < threads.size(); t++) {
      int i = done[t];
      if (i == threads.get(t).size()) {
        continue;
      }
      all = false;
      if (!realTimeMinimal(t, i, done, results)) {
        continue;
      }
      long next = step(set, threads.get(t).get(i), results.get(t).get(i).getResult(),
          racingFrees(t, i, threads, results));
      if (next == NOT_ALLOWED) {
        continue;
      }
      done[t]++;
      boolean ok = search(next, done, threads, results, scenario, result, dead);
      done[t]--;
      if (ok) {
        return true;
      }
    }
    if (all) {
      return post(set, scenario, result);
    }
    dead.add(key);
    return false;
  }

  /** Whether every operation that finished before (t, i) started is already placed. */
  private static boolean realTimeMinimal(
      int t, int i, int[] done, List<List<ResultWithClock>> results) {
    int[] clock = results.get(t).get(i).getClockOnStart().getClock();
    for (int u = 0; u < clock.length; u++) {
      if (u != t && done[u] < clock[u]) {
        return false;
      }
    }
    return true;
  }

  private boolean post(long set, ExecutionScenario scenario, ExecutionResult result) {
    for (int i = 0; i < scenario.getPostExecution().size(); i++) {
      set = step(set, scenario.getPostExecution().get(i), result.getPostResults().get(i));
      if (set == NOT_ALLOWED) {
        return false;
      }
    }
    return true;
  }

  private long step(long set, Actor actor, LincheckResult r) {
    return step(set, actor, r, 0);
  }

  private long step(long set, Actor actor, LincheckResult r, int racingFrees) {
    if (!(r instanceof ValueResult)) {
      return NOT_ALLOWED; // an exception or a hang is never allowed
    }
    return after(set, actor.getMethod().getName(), new ArrayList<>(actor.getArguments()),
        ((ValueResult) r).getValue(), racingFrees);
  }

  /** Names of the operations that free a pid and answer true when they did. */
  private static final Set<String> FREES = Set.of("free", "exit");

  /**
   * How many operations of other threads freed a pid (answered true) while (t, i) ran: neither
   * finished before the other started, by the clocks Lincheck records at each start.
   */
  private static int racingFrees(int t, int i, List<List<Actor>> threads,
      List<List<ResultWithClock>> results) {
    int[] mine = results.get(t).get(i).getClockOnStart().getClock();
    int n = 0;
    for (int u = 0; u < threads.size(); u++) {
      if (u == t) {
        continue;
      }
      for (int j = 0; j < threads.get(u).size(); j++) {
        ResultWithClock other = results.get(u).get(j);
        boolean endedBefore = j < mine[u];
        boolean startedAfter = i < other.getClockOnStart().getClock()[t];
        if (!endedBefore && !startedAfter
            && FREES.contains(threads.get(u).get(j).getMethod().getName())
            && other.getResult() instanceof ValueResult v && Boolean.TRUE.equals(v.getValue())) {
          n++;
        }
      }
    }
    return n;
  }

  /** The smallest pid in {@code set} above {@code last}, or -1. */
  protected static int nextAbove(long set, int last) {
    long above = set & (-1L << (last + 1));
    return last >= 63 || above == 0 ? -1 : Long.numberOfTrailingZeros(above);
  }

  /** Free and refused-free, the same in every set specification. */
  protected static long free(long set, int pid, boolean freed) {
    boolean allowed = pid > 0 && pid < 64 && (set & 1L << pid) != 0;
    if (freed != allowed) {
      return NOT_ALLOWED;
    }
    return freed ? set & ~(1L << pid) : set;
  }
}
