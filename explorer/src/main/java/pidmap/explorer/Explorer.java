package pidmap.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import pidmap.engine.AllocatorFactory;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.RunResult;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Geometry;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * Exhaustive small-scope exploration: breadth-first over every state of the allocator reachable
 * from a fresh one (allocated set, last_pid, pid_max), running from each state every operation
 * ({@link Transitions#from}) on the model and the candidate through the
 * {@link DifferentialEngine}, which compares every answer and the whole successor state and
 * checks every invariant on both.
 *
 * <p>Each state gets a fresh engine, positioned by replaying the shortest path to it (or, with
 * {@link Rebuild#CANONICAL}, the path read from the state's encoding); after an operation that
 * changes the state, the engine is brought back by more operations ({@link Transitions#undo}),
 * each checked like any other step.
 *
 * <p>Breadth-first order makes the reported failure a shortest one: every state of depth d is
 * explored before any of depth d+1, so once levels 0..d have run, every failing path of at most
 * d+1 steps has shown up as a failing operation from some state (for a candidate whose behaviour
 * depends only on its observable state). The search stops after the first level d at which a
 * failure of at most d+2 steps is known, and reports the shortest, then the earliest found. A
 * failure in an undo step counts as the path to the state plus the operation plus the undo steps
 * up to the failing one. The counterexample is replayed on a fresh engine before it is reported.
 *
 * <p>Thread-safety: one exploration per instance; the states of one level are split into
 * {@link Block}s that worker threads expand in parallel while the queue is only read, and the
 * calling thread merges their successors in block order, so the result does not depend on the
 * number of threads.
 */
public final class Explorer {

  /** How the engine for a state is positioned at it. */
  public enum Rebuild {
    /** Replay the breadth-first path that first reached the state. */
    REPLAY,
    /** Run the path {@link AbstractState#canonicalPath} derives from the state's encoding. */
    CANONICAL
  }

  /** Told after each breadth-first level; for progress lines on a terminal. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (scope, depth, states, transitions, millis) -> { };

    void levelDone(Scope scope, int depth, long states, long transitions, long millis);
  }

  /**
   * How to run an exploration.
   *
   * @param rebuild how each state's engine is positioned
   * @param threads worker threads expanding a level
   * @param progress told after each level
   */
  public record Settings(Rebuild rebuild, int threads, Progress progress) {
    /** Replay, threads from {@code -Dpidmap.explore.threads} (default: up to 2), no progress. */
    public static Settings defaults() {
      int cores = Runtime.getRuntime().availableProcessors();
      return new Settings(Rebuild.REPLAY,
          Math.max(1, Integer.getInteger("pidmap.explore.threads", Math.min(2, cores))),
          Progress.NONE);
    }

    public Settings with(Progress p) {
      return new Settings(rebuild, threads, p);
    }

    public Settings with(Rebuild r) {
      return new Settings(r, threads, progress);
    }

    public Settings withThreads(int n) {
      return new Settings(rebuild, n, progress);
    }
  }

  final Scope scope;
  final Geometry geometry;
  final AllocatorFactory candidate;
  final Settings settings;
  final StateQueue queue;

  private Explorer(Scope scope, AllocatorFactory candidate, Settings settings) {
    this.scope = scope;
    this.geometry = scope.geometry();
    this.candidate = candidate;
    this.settings = settings;
    this.queue = new StateQueue(scope);
  }

  /** Explores {@code scope} with the seed-shaped impl as the candidate: one row for verify. */
  public static ExploreResult explore(Scope scope) {
    return explore(scope, "impl", BitmapPidAllocator::new, Settings.defaults());
  }

  /** Explores each scope with the impl, e.g. {@link Scope#standard()} or {@link Scope#deep()}. */
  public static List<ExploreResult> exploreAll(List<Scope> scopes, Progress progress) {
    List<ExploreResult> rows = new ArrayList<>();
    for (Scope s : scopes) {
      rows.add(explore(s, "impl", BitmapPidAllocator::new, Settings.defaults().with(progress)));
    }
    return rows;
  }

  /**
   * Explores {@code scope} with any candidate; on a failure, stops as soon as no shorter one can
   * exist (see the class comment) and reports the shortest.
   */
  public static ExploreResult explore(
      Scope scope, String name, AllocatorFactory candidate, Settings settings) {
    return new Explorer(scope, candidate, settings).run(name);
  }

  private ExploreResult run(String name) {
    long start = System.nanoTime();
    long cpuStart = ExploreResult.processCpuMillis();
    queue.offer(AbstractState.fresh(geometry), -1, null);
    long transitions = 0;
    long engineSteps = 0;
    int levelStart = 0;
    int depth = 0;
    Block.Failure found = null;
    boolean cut = false;
    ExecutorService pool = settings.threads() > 1
        ? Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "explorer");
            t.setDaemon(true);
            return t;
          })
        : null;
    try {
      while (true) {
        int levelEnd = queue.size();
        cut = depth >= scope.maxDepth();
        List<Block> blocks = expandLevel(pool, levelStart, levelEnd, depth, !cut);
        for (Block b : blocks) {
          transitions += b.transitions;
          engineSteps += b.engineSteps;
          for (int k = 0; k < b.size; k++) {
            queue.offer(b.states[k], b.parents[k], StateQueue.decode(b.ops[k]));
          }
          if (b.best != null && (found == null || b.best.before(found))) {
            found = b.best;
          }
        }
        settings.progress().levelDone(scope, depth, queue.size(), transitions,
            millisSince(start));
        if (found != null && found.length() <= depth + 2 || queue.size() == levelEnd) {
          break;
        }
        levelStart = levelEnd;
        depth++;
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    ShortestFailure c = null;
    if (found != null) {
      c = found.counterexample();
      boolean shortest = c.shortest() && found.length() <= depth + 2;
      c = new ShortestFailure(c.ops(), c.failure(), shortest);
    }
    long cpu = cpuStart < 0 ? -1 : ExploreResult.processCpuMillis() - cpuStart;
    return new ExploreResult(scope, name, queue.size(), transitions, engineSteps, depth,
        millisSince(start), cpu, c);
  }

  private List<Block> expandLevel(
      ExecutorService pool, int from, int to, int depth, boolean goOn) {
    int n = to - from;
    int blockSize = Math.max(1, Math.min(512, n / (settings.threads() * 8)));
    List<Block> blocks = new ArrayList<>();
    for (int s = from; s < to; s += blockSize) {
      blocks.add(new Block(this, s, Math.min(to, s + blockSize), depth, goOn));
    }
    if (pool == null) {
      blocks.forEach(Block::run);
      return blocks;
    }
    List<Future<?>> done = new ArrayList<>();
    for (Block b : blocks) {
      done.add(pool.submit(b::run));
    }
    for (Future<?> f : done) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("exploration interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("exploration failed: " + e.getCause(), e.getCause());
      }
    }
    return blocks;
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** The breadth-first path to state {@code i}, then {@code op}, then {@code more}. */
  List<Op> pathThen(int i, Op op, List<Op> more) {
    List<Op> path = new ArrayList<>(queue.pathTo(i));
    path.add(op);
    path.addAll(more);
    return path;
  }

  /**
   * Replays {@code ops} on a fresh engine; if it fails, that is the counterexample (cut at the
   * failing step). Otherwise the failure needed the explorer's engine history, which is replayed
   * and reported instead.
   */
  ShortestFailure confirm(List<Op> ops, List<Op> history, boolean shortest) {
    RunResult replay = DifferentialEngine.run(geometry, scope.profile(), candidate, ops);
    if (!replay.ok()) {
      int n = (int) replay.firstFailure().index();
      return new ShortestFailure(ops.subList(0, n), replay.firstFailure(), shortest);
    }
    RunResult whole = DifferentialEngine.run(geometry, scope.profile(), candidate, history);
    if (whole.ok()) {
      throw new IllegalStateException("a failure did not reproduce on replay: " + history);
    }
    int n = (int) whole.firstFailure().index();
    return new ShortestFailure(history.subList(0, n), whole.firstFailure(), false);
  }

  /** The state after {@code op} answered {@code outcome} in {@code state}. */
  static long successor(long state, Op op, Outcome outcome) {
    long set = AbstractState.set(state);
    int last = AbstractState.lastPid(state);
    int pidMax = AbstractState.pidMax(state);
    boolean ok = outcome.kind() == Outcome.Kind.OK;
    switch (op.kind()) {
      case ALLOC:
        return outcome.kind() == Outcome.Kind.PID
            ? AbstractState.of(set | 1L << outcome.pid(), outcome.pid(), pidMax) : state;
      case FREE:
        return ok ? AbstractState.of(set & ~(1L << op.arg()), last, pidMax) : state;
      case SET_LAST:
        return ok ? AbstractState.of(set, (int) op.arg(), pidMax) : state;
      case SET_PID_MAX:
        return ok ? AbstractState.of(set, last, (int) op.arg()) : state;
      default:
        return state;
    }
  }


}
