package pidmap.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exhaustive small-scope exploration: every state of a scope (the allocated set, last_pid,
 * pid_max and the installed pages), and from each every operation ({@link Ops#from}), run on the
 * model and the candidate, each put at the state directly, and checked by an {@link Expander}:
 * both answers, both whole successor states, the invariants.
 *
 * <p>A scope explored to the end is its whole product ({@link Scope#states}): its states are
 * {@link Enumeration enumerated} directly, split over worker threads, with no queue and no
 * visited set. A scope with a depth bound, a black-box candidate, and the search for the
 * shortest counterexample once an enumeration has failed, go {@link BreadthFirst breadth-first}:
 * every state of depth d is expanded before any of depth d+1, so the first failing level gives a
 * shortest failing path.
 *
 * <p>Thread-safety: each exploration runs on its own objects; the explorer itself is stateless.
 */
public final class Explorer {
  private Explorer() {}

  /** Told how an exploration is going; for progress lines on a terminal. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (scope, stage, states, transitions, millis) -> { };

    /**
     * @param stage {@code "depth d"} after a breadth-first level, or {@code "p%"} of an
     *     enumeration
     */
    void update(Scope scope, String stage, long states, long transitions, long millis);
  }

  /**
   * How to run an exploration.
   *
   * @param threads worker threads of an enumeration
   * @param progress told after each level or every few seconds
   */
  public record Settings(int threads, Progress progress) {
    /** Threads from {@code -Dpidmap.explore.threads} (default: up to 2), no progress. */
    public static Settings defaults() {
      int cores = Runtime.getRuntime().availableProcessors();
      return new Settings(
          Math.max(1, Integer.getInteger("pidmap.explore.threads", Math.min(2, cores))),
          Progress.NONE);
    }

    public Settings with(Progress p) {
      return new Settings(threads, p);
    }

    public Settings withThreads(int n) {
      return new Settings(n, progress);
    }
  }

  /** Explores {@code scope} with the impl: one row for verify. */
  public static ExploreResult explore(Scope scope) {
    return explore(scope, Candidate.impl(), Settings.defaults());
  }

  /** Explores each scope with the impl, e.g. {@link Scope#standard()} or {@link Scope#deep()}. */
  public static List<ExploreResult> exploreAll(List<Scope> scopes, Progress progress) {
    List<ExploreResult> rows = new ArrayList<>();
    for (Scope s : scopes) {
      rows.add(explore(s, Candidate.impl(), Settings.defaults().with(progress)));
    }
    return rows;
  }

  /**
   * Explores {@code scope} with {@code candidate}; on a failure, reports a shortest failing path
   * (breadth-first, stopping after the first level that fails).
   */
  public static ExploreResult explore(Scope scope, Candidate candidate, Settings settings) {
    long start = System.nanoTime();
    long cpuStart = ExploreResult.processCpuMillis();
    String fresh = candidate.freshDiffers(scope.geometry(), scope.profile());
    if (fresh != null) {
      return result(scope, candidate, 0, 0, 0, start, cpuStart,
          ShortestFailure.fresh("a fresh allocator is not in the fresh state: " + fresh));
    }
    if (scope.maxDepth() != Scope.UNBOUNDED || !candidate.direct()) {
      BreadthFirst.Result r = new BreadthFirst(scope, candidate, settings.progress(), start).run();
      return result(scope, candidate, r.states(), r.transitions(), r.depth(), start, cpuStart,
          r.counterexample());
    }
    Enumeration e = new Enumeration(scope, candidate, settings, start);
    e.run();
    if (!e.failed()) {
      return result(scope, candidate, e.states(), e.transitions(), -1, start, cpuStart, null);
    }
    // the counts reported are the breadth-first search's, which found the reported failure
    BreadthFirst.Result r = new BreadthFirst(scope, candidate, settings.progress(), start).run();
    if (r.counterexample() == null) {
      throw new IllegalStateException("the enumeration of " + scope.name() + " failed ("
          + e.firstFailure() + ") but no breadth-first path reaches a failure");
    }
    return result(scope, candidate, r.states(), r.transitions(), r.depth(), start, cpuStart,
        r.counterexample());
  }

  private static ExploreResult result(Scope scope, Candidate candidate, long states,
      long transitions, int depth, long start, long cpuStart, ShortestFailure c) {
    long cpu = cpuStart < 0 ? -1 : ExploreResult.processCpuMillis() - cpuStart;
    return new ExploreResult(scope, candidate.name(), states, transitions, depth,
        millisSince(start), cpu, c);
  }

  static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * Every state of a scope without a depth bound, in units of consecutive dense indices that the
   * worker threads take in turn; each runs its own {@link Expander}. Stops early once a failure is
   * found (the breadth-first search then finds the shortest one).
   */
  static final class Enumeration {
    private static final int UNIT_BITS = 12;

    private final Scope scope;
    private final Candidate candidate;
    private final Settings settings;
    private final long start;
    private final AtomicLong nextUnit = new AtomicLong();
    private final AtomicLong states = new AtomicLong();
    private final AtomicLong transitions = new AtomicLong();
    private final AtomicBoolean failed = new AtomicBoolean();
    private volatile Expander.Finding first;
    private final long units;
    private final int pageBits;
    private final int pagesMask;

    Enumeration(Scope scope, Candidate candidate, Settings settings, long start) {
      this.scope = scope;
      this.candidate = candidate;
      this.settings = settings;
      this.start = start;
      this.pageBits = scope.pagesInScope() - 1;
      this.pagesMask = (1 << scope.pagesInScope()) - 1;
      long setLevel = scope.indexSpace() >>> pageBits; // (pid_max, last_pid, set) triples
      this.units = (setLevel + (1L << UNIT_BITS) - 1) >>> UNIT_BITS;
    }

    long states() {
      return states.get();
    }

    long transitions() {
      return transitions.get();
    }

    boolean failed() {
      return failed.get();
    }

    Expander.Finding firstFailure() {
      return first;
    }


    void run() {
      int n = settings.threads();
      ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
        Thread t = new Thread(r, "explorer");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          done.add(pool.submit(this::work));
        }
        for (Future<?> f : done) {
          while (true) {
            try {
              f.get(2, TimeUnit.SECONDS);
              break;
            } catch (TimeoutException e) {
              long u = Math.min(nextUnit.get(), units);
              settings.progress().update(scope, (100 * u / units) + "%", states.get(),
                  transitions.get(), millisSince(start));
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("exploration interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("exploration failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
      settings.progress().update(scope, "100%", states.get(), transitions.get(),
          millisSince(start));
    }

    private void work() {
      Expander x = new Expander(scope, candidate);
      Expander.Successors none = (from, op, to) -> { };
      long myStates = 0;
      while (!failed.get()) {
        long u = nextUnit.getAndIncrement();
        if (u >= units) {
          break;
        }
        long end = Math.min((u + 1) << UNIT_BITS, scope.indexSpace() >>> pageBits);
        for (long triple = u << UNIT_BITS; triple < end; triple++) {
          long s0 = scope.state(triple << pageBits);
          int need = StateCode.pagesOf(StateCode.set(s0), scope.geometry());
          int optional = pagesMask & ~need;
          int sub = 0;
          do {
            long s = StateCode.withInstalled(s0, need | sub);
            myStates++;
            Expander.Finding f = x.expand(s, List.of(), none);
            if (f != null) {
              first = f;
              failed.set(true);
              break;
            }
            sub = (sub - optional) & optional;
          } while (sub != 0);
          if (failed.get()) {
            break;
          }
        }
        states.addAndGet(myStates);
        transitions.addAndGet(x.transitions);
        myStates = 0;
        x.transitions = 0;
      }
      states.addAndGet(myStates);
      transitions.addAndGet(x.transitions);
    }
  }
}
