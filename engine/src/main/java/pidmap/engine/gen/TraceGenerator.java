package pidmap.engine.gen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import pidmap.engine.Apply;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.PidAllocator;
import pidmap.spec.Profile;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * Seeded traces weighted toward the states where allocators go wrong: page edges, wrap-around,
 * near and at exhaustion, the last pid handed out being freed, pid_max lowered below live pids
 * and raised again, set_last at the edges of its range, and bad input on purpose. The mix is the
 * weight table of {@link Move}.
 *
 * <p>The generator drives its own {@link ModelPidAllocator} alongside, so it always knows which
 * pids are held, where last_pid is and when alloc will fail; it never looks at the allocator under
 * test. The same geometry, profile, seed and weights give the same trace.
 *
 * <p>Not thread-safe: one generator per trace.
 */
public final class TraceGenerator {

  /** Above this many free pids below pid_max, a fill first lowers pid_max to keep it short. */
  static final int MAX_FILL = 96;

  private final Geometry geometry;
  private final SplittableRandom random;
  private final ModelPidAllocator model;
  private final PidPool held = new PidPool();
  private final InterestingValues values;
  private final Move[] moves = Move.values();
  private final int[] cumulative = new int[moves.length];
  private final ArrayDeque<Op> pending = new ArrayDeque<>();
  private int lastHandedOut = -1;
  private int lastFreed = -1;

  /** A generator with the default mix of {@link Move}. */
  public TraceGenerator(Geometry geometry, Profile profile, long seed) {
    this(geometry, profile, seed, defaultWeights());
  }

  /** A generator with its own mix; moves missing from {@code weights} are never drawn. */
  public TraceGenerator(Geometry geometry, Profile profile, long seed, Map<Move, Integer> weights) {
    this.geometry = geometry;
    this.random = new SplittableRandom(seed);
    this.model = new ModelPidAllocator(geometry, profile);
    this.values = new InterestingValues(geometry, random, held);
    int sum = 0;
    for (int i = 0; i < moves.length; i++) {
      int w = weights.getOrDefault(moves[i], 0);
      if (w < 0) {
        throw new IllegalArgumentException("weight of " + moves[i] + ": " + w + " (expected: >= 0)");
      }
      sum += w;
      cumulative[i] = sum;
    }
    if (sum == 0) {
      throw new IllegalArgumentException("weights: all zero (expected: at least one > 0)");
    }
  }

  /** The default mix, as a mutable map to start a custom one from. */
  public static Map<Move, Integer> defaultWeights() {
    Map<Move, Integer> w = new EnumMap<>(Move.class);
    for (Move m : Move.values()) {
      w.put(m, m.defaultWeight());
    }
    return w;
  }

  /** The trace of {@code length} operations for this seed, from a fresh namespace. */
  public static List<Op> generate(Geometry geometry, Profile profile, long seed, int length) {
    return new TraceGenerator(geometry, profile, seed).generate(length);
  }

  /** The next {@code length} operations. */
  public List<Op> generate(int length) {
    List<Op> ops = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      ops.add(next());
    }
    return ops;
  }

  /** The next operation (bursts are buffered, so traces can be streamed). */
  public Op next() {
    while (pending.isEmpty()) {
      play(draw());
    }
    return pending.poll();
  }

  private Move draw() {
    int r = random.nextInt(cumulative[cumulative.length - 1]);
    for (int i = 0; i < cumulative.length; i++) {
      if (r < cumulative[i]) {
        return moves[i];
      }
    }
    throw new AssertionError(r);
  }

  private void play(Move move) {
    switch (move) {
      case ALLOC:
        emit(Op.alloc());
        break;
      case FREE_HELD:
        freeHeld();
        break;
      case FREE_LAST_HANDED_OUT:
        if (lastHandedOut > 0 && held.contains(lastHandedOut)) {
          emit(Op.free(lastHandedOut));
          emit(Op.alloc());
        } else {
          freeHeld();
        }
        break;
      case NEXT:
        emit(Op.next(values.nextArgument(pidMax())));
        break;
      case SET_LAST_PAGE_EDGE:
        setLastAtPageEdge();
        break;
      case SET_LAST_WRAP:
        emit(Op.setLast(Math.max(0, pidMax() - random.nextInt(4))));
        break;
      case SET_LAST_RANGE_EDGE: {
        int r = geometry.reservedPids();
        emit(Op.setLast(values.pick(0, r - 1, r, r + 1, pidMax() - 1, pidMax())));
        break;
      }
      case FILL_TO_EXHAUSTION:
        fillToExhaustion();
        break;
      case LOWER_PID_MAX:
        emit(Op.setPidMax(values.lowerPidMax(pidMax())));
        break;
      case RAISE_PID_MAX:
        emit(Op.setPidMax(values.raisePidMax(pidMax())));
        break;
      case BAD_INPUT:
        emit(values.badInput(pidMax(), lastFreed));
        break;
      default:
        throw new AssertionError(move);
    }
  }

  /** Applies {@code op} to the model, books what changed, and queues it. */
  private void emit(Op op) {
    Outcome o = Apply.run(op, model);
    if (op.kind() == Op.Kind.ALLOC && o.kind() == Outcome.Kind.PID) {
      held.add(o.pid());
      lastHandedOut = o.pid();
    } else if (op.kind() == Op.Kind.FREE && o.kind() == Outcome.Kind.OK) {
      held.remove((int) op.arg());
      lastFreed = (int) op.arg();
    }
    pending.add(op);
  }

  private void freeHeld() {
    if (held.size() == 0) {
      emit(Op.alloc());
    } else {
      emit(Op.free(held.draw(random)));
    }
  }

  private int pidMax() {
    return model.pidMax();
  }

  private int limit() {
    return geometry.pidMaxLimit();
  }

  private void setLastAtPageEdge() {
    int b = geometry.bitsPerPage();
    if ((long) b - 2 > pidMax()) { // no edge fits below pid_max: raise it past one first
      int k = values.edgeIndex(limit());
      emit(Op.setPidMax(values.clampPidMax((long) k * b + values.pick(-1, 0, 1))));
    }
    int k = values.edgeIndex((long) pidMax() + 2);
    long value = (long) k * b + values.pick(-2, -1, 0, 1);
    emit(Op.setLast(Math.min(value, pidMax())));
  }

  /**
   * Allocs until the model's alloc fails, one alloc more, then one to four rounds of a free
   * (often of the pid last handed out) and an alloc. With many free pids below pid_max, first
   * lowers pid_max so that about {@code budget} remain.
   */
  private void fillToExhaustion() {
    int budget = 1 + random.nextInt(MAX_FILL);
    BitSet taken = model.allocated();
    int freeBelow = pidMax();
    for (int pid = taken.nextSetBit(0); pid >= 0 && pid < pidMax(); pid = taken.nextSetBit(pid + 1)) {
      freeBelow--;
    }
    if (freeBelow > budget) {
      int clear = 0;
      for (int i = 0; i < budget; i++) {
        clear = taken.nextClearBit(clear + 1);
      }
      long lowered = Math.min(Math.max(clear + 1L, geometry.pidMaxMin()), pidMax());
      emit(Op.setPidMax(lowered));
    }
    for (int guard = pidMax() + 1; guard > 0; guard--) {
      if (model.firstCandidate() == PidAllocator.NO_PID) {
        break;
      }
      emit(Op.alloc());
    }
    emit(Op.alloc()); // at exhaustion
    for (int rounds = 1 + random.nextInt(4); rounds > 0 && held.size() > 0; rounds--) {
      boolean last = random.nextBoolean() && lastHandedOut > 0 && held.contains(lastHandedOut);
      emit(Op.free(last ? lastHandedOut : held.draw(random)));
      emit(Op.alloc());
    }
  }

}
