package pidmap.engine;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import pidmap.engine.invariants.InvariantCheck;
import pidmap.engine.invariants.Invariants;
import pidmap.engine.scan.SearchScan;
import pidmap.impl.BitmapPidAllocator;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Profile;
import pidmap.trace.Expect;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * Runs operations on the model and on a candidate allocator in lockstep, and after every step
 * compares their answers and their states and checks every invariant of {@link Invariants} on
 * both. One engine serves the command line ({@code replay}, {@code shrink}, {@code verify}) and
 * the stateful tests.
 *
 * <p>Before each step the engine reads its ledger (what the answers so far say is held, last_pid
 * and pid_max) and, for an alloc, scans the profile's search over it by brute force
 * ({@link SearchScan}); the invariants hold both allocators to these, and {@link
 * StateComparison} holds the candidate to the model: answers, last_pid, pid_max, the count, the
 * touched pid, installed pages and free counters after every step, the whole allocated set after
 * every step when the geometry is small ({@code pid_max_limit <=} {@value #FULL_CHECK_LIMIT}),
 * else every {@value #FULL_CHECK_EVERY} steps and on demand ({@link #checkFully()}).
 *
 * <p>Not thread-safe: one engine per run.
 */
public final class DifferentialEngine {

  /** Up to this pid_max_limit the whole state is compared after every step. */
  public static final int FULL_CHECK_LIMIT = 1 << 16;
  /** Above it, the whole state is compared every this many steps. */
  public static final int FULL_CHECK_EVERY = 1024;

  private final Geometry geometry;
  private final Profile profile;
  private final InspectablePidAllocator reference;
  private final ModelPidAllocator model; // the reference, when it is the model; else null
  private final InspectablePidAllocator candidate;
  private final Ledger ledger;
  private final boolean smallGeometry;
  private final StateComparison comparison;
  private long steps;
  private StepResult failed;

  /** The model against the seed-shaped impl. */
  public DifferentialEngine(Geometry geometry, Profile profile) {
    this(geometry, profile, BitmapPidAllocator::new);
  }

  /** The model against any allocator, e.g. a deliberately broken one. */
  public DifferentialEngine(Geometry geometry, Profile profile, AllocatorFactory candidate) {
    this(geometry, profile, ModelPidAllocator::new, candidate);
  }

  private DifferentialEngine(Geometry geometry, Profile profile, AllocatorFactory reference,
      AllocatorFactory candidate) {
    this.geometry = Objects.requireNonNull(geometry);
    this.profile = Objects.requireNonNull(profile);
    this.reference = reference.create(geometry, profile);
    this.model = this.reference instanceof ModelPidAllocator m ? m : null;
    this.candidate = candidate.create(geometry, profile);
    this.ledger = new Ledger(geometry.defaultPidMax());
    this.smallGeometry = geometry.pidMaxLimit() <= FULL_CHECK_LIMIT;
    this.comparison = new StateComparison(this.reference, this.candidate, smallGeometry);
  }

  /**
   * An engine whose reference is not the model: for the tests that show the invariants catch a
   * bug written into both sides, which the comparison of the two cannot see. {@link #model()}
   * then refuses.
   */
  public static DifferentialEngine againstReference(Geometry geometry, Profile profile,
      AllocatorFactory reference, AllocatorFactory candidate) {
    return new DifferentialEngine(geometry, profile, reference, candidate);
  }

  /** Runs {@code ops} from a fresh state and stops at the first failing step. */
  public static RunResult run(
      Geometry geometry, Profile profile, AllocatorFactory candidate, List<Op> ops) {
    DifferentialEngine engine = new DifferentialEngine(geometry, profile, candidate);
    for (Op op : ops) {
      StepResult r = engine.step(op, null);
      if (!r.ok()) {
        return new RunResult(engine.steps(), r);
      }
    }
    return new RunResult(engine.steps(), null);
  }

  public Geometry geometry() {
    return geometry;
  }

  public Profile profile() {
    return profile;
  }

  /** The model, the reference of every engine but one made by {@link #againstReference}. */
  public ModelPidAllocator model() {
    if (model == null) {
      throw new IllegalStateException("this engine's reference is " + reference + ", not the model");
    }
    return model;
  }

  public InspectablePidAllocator candidate() {
    return candidate;
  }

  /** Steps run so far. */
  public long steps() {
    return steps;
  }

  /**
   * Runs one step on both allocators and checks it.
   *
   * @param expect what the trace says the answer is, or null
   * @return the step; after a failing step the engine refuses further steps
   */
  public StepResult step(Op op, Expect expect) {
    if (failed != null) {
      throw new IllegalStateException("the run already failed at step " + failed.index());
    }
    steps++;
    StepView.Before before = before(op);
    Snapshot modelBefore = Snapshot.of(reference, op, smallGeometry);
    Snapshot candidateBefore = Snapshot.of(candidate, op, smallGeometry);

    Outcome ref = Apply.run(op, reference);
    Outcome got = Apply.run(op, candidate);
    boolean resultHeldBefore = op.kind() == Op.Kind.ALLOC && got.kind() == Outcome.Kind.PID
        && ledger.holds(got.pid());
    ledger.record(op, got);
    if (before.scan() != null) {
      ledger.searchedThrough(before.scan().pages());
    }

    // The candidate's invariants first: they name the rule that broke, which says more than
    // "the answers differ" (and they hold the candidate to the ledger, not to the model).
    StepResult.Failure failure = checkInvariants(
        new StepView(candidate, before, candidateBefore, ledger, got, resultHeldBefore), "",
        StepResult.Failure.Side.CANDIDATE);
    if (failure == null) {
      failure = compare(op, ref, got, before.watched());
    }
    if (failure == null) {
      failure = checkInvariants(
          new StepView(reference, before, modelBefore, ledger, ref, resultHeldBefore),
          " (in the model)", StepResult.Failure.Side.MODEL);
    }
    if (failure == null && expect != null && !expect.matches(ref)) {
      failure = new StepResult.Failure(StepResult.Failure.Kind.EXPECT,
          "expected " + expect + " but the reference (" + profile + ") answers " + ref);
    }
    if (failure == null && !smallGeometry && steps % FULL_CHECK_EVERY == 0) {
      failure = checkFully();
    }
    StepResult result = new StepResult(steps, op, ref, got, failure);
    if (failure != null) {
      failed = result;
    }
    return result;
  }

  /** What the ledger says before {@code op}: the scan of an alloc, and the pages to watch. */
  private StepView.Before before(Op op) {
    SearchScan scan = op.kind() == Op.Kind.ALLOC
        ? SearchScan.of(profile, geometry, ledger.held(), ledger.expectedLastPid(),
            ledger.pidMax())
        : null;
    BitSet watched = new BitSet();
    if (comparison.watchesEveryPage()) {
      watched.set(0, geometry.pidmapEntries());
    } else {
      watched.set(0);
      if (scan != null) {
        watched.or(scan.pages());
      }
      if (op.kind() == Op.Kind.FREE && op.arg() >= 0 && op.arg() < geometry.pidMaxLimit()) {
        watched.set(geometry.pageOf((int) op.arg()));
      }
    }
    boolean heldArg = op.arg() >= 0 && op.arg() <= Integer.MAX_VALUE
        && ledger.holds((int) op.arg());
    int first = smallGeometry ? 0 : -1;
    int last = smallGeometry ? geometry.pidmapEntries() - 1 : -1;
    return new StepView.Before(op, scan, heldArg, ledger.pidMax(), watched, first, last);
  }

  /** Compares the whole allocated set, every page and every counter now; null when they agree. */
  public StepResult.Failure checkFully() {
    String differ = comparison.fully();
    return differ == null ? null : divergence(differ);
  }

  private StepResult.Failure compare(Op op, Outcome ref, Outcome got, BitSet watched) {
    if (!ref.equals(got)) {
      return divergence("the model answers " + ref + " but the impl answers " + got);
    }
    String differ = comparison.afterStep(op, got, watched);
    return differ == null ? null : divergence(differ);
  }

  /** The pid a step handed out or freed, or -1. */
  static int touchedPid(Op op, Outcome got, Geometry geometry) {
    if (op.kind() == Op.Kind.ALLOC && got.kind() == Outcome.Kind.PID) {
      return got.pid();
    }
    if (op.kind() == Op.Kind.FREE && op.arg() >= 0 && op.arg() < geometry.pidMaxLimit()) {
      return (int) op.arg();
    }
    return -1;
  }

  private StepResult.Failure checkInvariants(StepView view, String where,
      StepResult.Failure.Side side) {
    for (InvariantCheck inv : Invariants.ALL) {
      String v = inv.check(view);
      if (v != null) {
        return new StepResult.Failure(StepResult.Failure.Kind.INVARIANT, v + where, side);
      }
    }
    return null;
  }

  private static StepResult.Failure divergence(String message) {
    return new StepResult.Failure(StepResult.Failure.Kind.DIVERGENCE, message);
  }
}
