package pidmap.engine.shrink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import pidmap.engine.AllocatorFactory;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.RunResult;
import pidmap.engine.StepResult;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * Shrinks a failing input to a small one that still fails: delta debugging (Zeller and
 * Hildebrandt's ddmin) over the list, a last pass that tries removing each element alone (so the
 * result is 1-minimal: removing any one element makes it pass), and, for traces, smaller
 * arguments where they keep the failure.
 *
 * <p>Thread-safety: the static methods keep no shared state; each call runs its predicate on the
 * calling thread only. Every predicate call on a trace re-runs it from a fresh state.
 */
public final class Shrinker {
  private Shrinker() {}

  /** How many predicate calls a shrink of a trace may make before it settles for what it has. */
  public static final int DEFAULT_MAX_TESTS = 10_000;

  /** Rounds of ddmin, simplification and compression; each round that changes nothing ends it. */
  private static final int MAX_ROUNDS = 50;

  /**
   * ddmin, then the one-element-removal pass. {@code items} must fail; the result fails too and
   * no single element can be removed from it.
   *
   * @throws IllegalArgumentException if {@code items} does not fail
   */
  public static <T> List<T> minimize(List<T> items, Predicate<List<T>> stillFails) {
    return minimize(items, stillFails, Integer.MAX_VALUE);
  }

  /** As {@link #minimize(List, Predicate)}, giving up further reduction after maxTests calls. */
  public static <T> List<T> minimize(List<T> items, Predicate<List<T>> stillFails, int maxTests) {
    Tester<T> t = new Tester<>(stillFails, maxTests);
    requireFails(items, t);
    return removeOneByOne(ddmin(List.copyOf(items), t), t);
  }

  /**
   * Shrinks a failing trace: ddmin, simpler arguments and compressions of the pid space (see
   * {@link OpSimplifier}) in turn until none changes anything; then the simplifier's detours,
   * each kept only if it settles strictly shorter; then the one-element-removal pass.
   *
   * @throws IllegalArgumentException if {@code ops} does not fail
   */
  public static List<Op> shrinkOps(
      List<Op> ops, Predicate<List<Op>> stillFails, OpSimplifier simplifier, int maxTests) {
    Tester<Op> t = new Tester<>(stillFails, maxTests);
    requireFails(ops, t);
    List<Op> current = settle(List.copyOf(ops), simplifier, t);
    boolean shorter = true;
    while (shorter && !t.exhausted()) {
      shorter = false;
      for (List<Op> detour : simplifier.detours(current)) {
        if (t.fails(detour)) {
          List<Op> settled = settle(detour, simplifier, t);
          if (settled.size() < current.size()) { // only a strictly shorter result is kept
            current = settled;
            shorter = true;
            break;
          }
        }
      }
    }
    return removeOneByOne(current, t);
  }

  /** ddmin, simpler arguments and compressions in turn, until a round changes nothing. */
  private static List<Op> settle(List<Op> ops, OpSimplifier simplifier, Tester<Op> t) {
    List<Op> current = ops;
    for (int round = 0; round < MAX_ROUNDS && !t.exhausted(); round++) {
      List<Op> smaller = simplifyEach(ddmin(current, t), simplifier::simpler, t);
      smaller = compress(smaller, simplifier, t);
      if (smaller.equals(current)) {
        break;
      }
      current = smaller;
    }
    return current;
  }

  /**
   * Shrinks a trace that fails in the engine against {@code candidate}: cuts it after the failing
   * step, then {@link #shrinkOps} with the geometry's landmarks, keeping only tries that fail with
   * the same signature ({@link StepResult#signature()}: kind, side, what broke, at the same kind
   * of operation), so a shrink never slips from one bug to another. Each try runs from a fresh
   * state.
   *
   * @throws IllegalArgumentException if the trace conforms
   */
  public static List<Op> shrinkAgainstEngine(
      Geometry geometry, Profile profile, AllocatorFactory candidate, List<Op> ops) {
    RunResult first = DifferentialEngine.run(geometry, profile, candidate, ops);
    if (first.ok()) {
      throw new IllegalArgumentException("the trace conforms; there is nothing to shrink");
    }
    List<Op> prefix = ops.subList(0, (int) first.firstFailure().index());
    String signature = first.firstFailure().signature();
    return shrinkOps(
        prefix,
        attempt -> {
          RunResult r = DifferentialEngine.run(geometry, profile, candidate, attempt);
          return !r.ok() && r.firstFailure().signature().equals(signature);
        },
        OpSimplifier.forGeometry(geometry),
        DEFAULT_MAX_TESTS);
  }

  /**
   * The first compression that still fails and is simpler in total (the sum of the arguments'
   * ranks goes down, so a compression never undoes a landmark and shrinking ends).
   */
  private static List<Op> compress(List<Op> current, OpSimplifier simplifier, Tester<Op> t) {
    long rank = totalRank(current, simplifier);
    for (List<Op> option : simplifier.compressions(current)) {
      if (totalRank(option, simplifier) < rank && t.fails(option)) {
        return List.copyOf(option);
      }
    }
    return current;
  }

  private static long totalRank(List<Op> ops, OpSimplifier simplifier) {
    long sum = 0;
    for (Op op : ops) {
      sum += simplifier.rank(op);
    }
    return sum;
  }

  /**
   * Replaces each element, left to right, by the first of its simpler versions that still
   * fails, and repeats until nothing changes (or the test budget runs out). {@code simpler} must
   * only ever offer strictly simpler versions, so this ends.
   */
  static <T> List<T> simplifyEach(
      List<T> items, Function<T, List<T>> simpler, Tester<T> t) {
    List<T> current = new ArrayList<>(items);
    boolean changed = true;
    while (changed && !t.exhausted()) {
      changed = false;
      for (int i = 0; i < current.size(); i++) {
        for (T s : simpler.apply(current.get(i))) {
          List<T> attempt = new ArrayList<>(current);
          attempt.set(i, s);
          if (t.fails(attempt)) {
            current = attempt;
            changed = true;
            break;
          }
        }
      }
    }
    return List.copyOf(current);
  }

  /** ddmin: try each of n chunks alone, then each complement; refine n when neither fails. */
  static <T> List<T> ddmin(List<T> items, Tester<T> t) {
    if (t.fails(List.of())) {
      return List.of();
    }
    List<T> current = items;
    int n = 2;
    while (current.size() >= 2 && !t.exhausted()) {
      List<List<T>> chunks = split(current, n);
      List<T> next = null;
      for (List<T> chunk : chunks) {
        if (t.fails(chunk)) {
          next = chunk;
          n = 2;
          break;
        }
      }
      if (next == null && n > 2) {
        for (int i = 0; i < chunks.size() && next == null; i++) {
          List<T> complement = new ArrayList<>(current.size());
          for (int j = 0; j < chunks.size(); j++) {
            if (j != i) {
              complement.addAll(chunks.get(j));
            }
          }
          if (t.fails(complement)) {
            next = List.copyOf(complement);
            n = Math.max(n - 1, 2);
          }
        }
      }
      if (next != null) {
        current = next;
      } else if (n >= current.size()) {
        break;
      } else {
        n = Math.min(2 * n, current.size());
      }
    }
    return current;
  }

  /** Removes single elements, last to first, while the rest still fails, until none can go. */
  static <T> List<T> removeOneByOne(List<T> items, Tester<T> t) {
    List<T> current = new ArrayList<>(items);
    boolean changed = true;
    while (changed && !t.exhausted()) {
      changed = false;
      for (int i = current.size() - 1; i >= 0; i--) {
        List<T> attempt = new ArrayList<>(current);
        attempt.remove(i);
        if (t.fails(attempt)) {
          current = attempt;
          changed = true;
        }
      }
    }
    return List.copyOf(current);
  }

  private static <T> List<List<T>> split(List<T> items, int n) {
    List<List<T>> chunks = new ArrayList<>(n);
    int size = items.size();
    int start = 0;
    for (int i = 0; i < n; i++) {
      int end = start + (size - start) / (n - i);
      chunks.add(List.copyOf(items.subList(start, end)));
      start = end;
    }
    return chunks;
  }

  private static <T> void requireFails(List<T> items, Tester<T> t) {
    if (!t.fails(items)) {
      throw new IllegalArgumentException("the input does not fail; there is nothing to shrink");
    }
  }

  /** The predicate with a memo of short lists (the passes ask some twice) and a call budget. */
  static final class Tester<T> {
    private static final int MEMO_UP_TO = 256;

    private final Predicate<List<T>> stillFails;
    private final int maxTests;
    private final Map<List<T>, Boolean> memo = new HashMap<>();
    private int tests;

    Tester(Predicate<List<T>> stillFails, int maxTests) {
      this.stillFails = stillFails;
      this.maxTests = maxTests;
    }

    boolean fails(List<T> items) {
      Boolean known = memo.get(items);
      if (known != null) {
        return known;
      }
      if (exhausted()) {
        return false;
      }
      tests++;
      List<T> copy = List.copyOf(items);
      boolean f = stillFails.test(copy);
      if (copy.size() <= MEMO_UP_TO) {
        memo.put(copy, f);
      }
      return f;
    }

    boolean exhausted() {
      return tests >= maxTests;
    }

    int tests() {
      return tests;
    }
  }
}
