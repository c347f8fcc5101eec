package pidmap.oracle;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.function.Function;
import pidmap.engine.gen.PidPool;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.PidAllocator;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * A generated stream of operations that the kernel, the model and the impl all run. Rounds of
 * operations are planned ahead as small functions of the model's state (the model equals the
 * kernel until the first divergence), so a free always names a pid that is held, and a value
 * written is valid unless the round means to write an invalid one (which all three must refuse).
 * Pid 1 is the agent itself: it is never freed.
 *
 * <p>Not thread-safe; deterministic for a given seed.
 */
abstract class Scenario {
  /** RESERVED_PIDS of the kernel geometry. */
  static final int R = 300;
  /** pid_max_min and PID_MAX_LIMIT, the kernel's bounds for pid_max. */
  static final int PID_MAX_MIN = R + 1;
  static final int PID_MAX_LIMIT = 4 * 1024 * 1024;

  final Random rnd;
  final PidPool held = new PidPool();
  private final int pidMax;
  private final Deque<Function<ModelPidAllocator, Op>> plan = new ArrayDeque<>();

  Scenario(long seed, int pidMax) {
    this.rnd = new Random(seed);
    this.pidMax = pidMax;
  }

  /** The pid_max the namespace starts with (the trace's config). */
  final int initialPidMax() {
    return pidMax;
  }

  /** The next operation, given the model's state now. */
  final Op next(ModelPidAllocator m) {
    for (int skipped = 0; skipped < 1000; skipped++) {
      if (plan.isEmpty()) {
        planRound(m);
      }
      Op op = plan.poll().apply(m);
      if (op != null) {
        return op;
      }
    }
    return Op.next(0); // a plan that keeps finding nothing to do; cannot happen with held pids
  }

  /** Books what the step answered, so that later frees name held pids. */
  final void observe(Op op, Outcome outcome) {
    if (op.kind() == Op.Kind.ALLOC && outcome.kind() == Outcome.Kind.PID && outcome.pid() > 1) {
      held.add(outcome.pid());
    } else if (op.kind() == Op.Kind.FREE && outcome.kind() == Outcome.Kind.OK) {
      held.remove((int) op.arg());
    }
  }

  /** Appends one round of planned steps; at least one of them must yield an operation. */
  abstract void planRound(ModelPidAllocator m);

  // ---- planning helpers ----

  final void then(Op op) {
    plan.add(m -> op);
  }

  final void then(Function<ModelPidAllocator, Op> step) {
    plan.add(step);
  }

  final void allocs(int n) {
    for (int i = 0; i < n; i++) {
      then(Op.alloc());
    }
  }

  /** Frees a random held pid; an alloc when nothing is held. */
  final Op freeRandom(ModelPidAllocator m) {
    int p = held.drawOrNone(rnd);
    return p > 1 ? Op.free(p) : Op.alloc();
  }

  /** Frees last_pid if it is held: the step that tells whether a freed last_pid comes back. */
  final Op freeLastPid(ModelPidAllocator m) {
    return held.contains(m.lastPid()) ? Op.free(m.lastPid()) : null;
  }

  /** Frees a held pid below RESERVED_PIDS if one is quickly found: low pids and the floor. */
  final Op freeLow(ModelPidAllocator m) {
    int p = held.drawBelow(rnd, R);
    return p > 1 ? Op.free(p) : null;
  }

  /** An edge value for ns_last_pid, in [0, pid_max]: 0, 1, around R, around pid_max. */
  final long lastPidEdge(ModelPidAllocator m) {
    int p = m.pidMax();
    long[] edges = {0, 1, 2, R - 2, R - 1, R, R + 1, p - 2, p - 1, p, rnd.nextInt(p + 1)};
    long v = edges[rnd.nextInt(edges.length)];
    return Math.max(0, Math.min(p, v));
  }

  /** An invalid ns_last_pid or pid_max write, refused by the kernel (EINVAL) and the model. */
  final Op invalidWrite(ModelPidAllocator m) {
    switch (rnd.nextInt(4)) {
      case 0:
        return Op.setLast(m.pidMax() + 1L);
      case 1:
        return Op.setLast(-1);
      case 2:
        return Op.setPidMax(PID_MAX_MIN - 1L);
      default:
        return Op.setPidMax(PID_MAX_LIMIT + 1L);
    }
  }

  /** next from a random interesting point: 0, around R, around pid_max, anywhere below it. */
  final Op nextFromSomewhere(ModelPidAllocator m) {
    int p = m.pidMax();
    long[] from = {0, 1, R - 1, R, p - 1, p, rnd.nextInt(p)};
    return Op.next(Math.max(0, Math.min(PID_MAX_LIMIT - 1L, from[rnd.nextInt(from.length)])));
  }

  /** Whether the model's rule has no free candidate: the next alloc fails. */
  static boolean exhausted(ModelPidAllocator m) {
    return m.firstCandidate() == PidAllocator.NO_PID;
  }

  /** Frees random held pids until at most {@code limit} are held (bounded memory per round). */
  final void trimTo(int limit) {
    for (int i = held.size(); i > limit; i--) {
      then(this::freeRandom);
    }
  }
}
