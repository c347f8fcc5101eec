package pidmap.engine;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import pidmap.engine.invariants.InvariantCheck;
import pidmap.engine.invariants.Invariants;
import pidmap.engine.invariants.Step;
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
 * <p>State comparison: answers, last_pid, pid_max and the number of allocated pids after every
 * step, plus the allocation bit of the pid the step touched; the whole allocated set and every
 * page's counter after every step when the geometry is small ({@code pid_max_limit <=}
 * {@value #FULL_CHECK_LIMIT}), else every {@value #FULL_CHECK_EVERY} steps and on demand
 * ({@link #checkFully()}).
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
  private final ModelPidAllocator model;
  private final InspectablePidAllocator candidate;
  private final Ledger ledger = new Ledger();
  private final boolean smallGeometry;
  private long steps;
  private StepResult failed;

  /** The model against the seed-shaped impl. */
  public DifferentialEngine(Geometry geometry, Profile profile) {
    this(geometry, profile, BitmapPidAllocator::new);
  }

  /** The model against any allocator, e.g. a deliberately broken one. */
  public DifferentialEngine(Geometry geometry, Profile profile, AllocatorFactory candidate) {
    this.geometry = Objects.requireNonNull(geometry);
    this.profile = Objects.requireNonNull(profile);
    this.model = new ModelPidAllocator(geometry, profile);
    this.candidate = candidate.create(geometry, profile);
    this.smallGeometry = geometry.pidMaxLimit() <= FULL_CHECK_LIMIT;
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

  public ModelPidAllocator model() {
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
    boolean candidateExisted = op.kind() == Op.Kind.ALLOC && model.firstCandidate() >= 0;
    Snapshot modelBefore = Snapshot.of(model, op, smallGeometry);
    Snapshot candidateBefore = Snapshot.of(candidate, op, smallGeometry);
    boolean heldArgBefore = op.arg() >= 0 && op.arg() <= Integer.MAX_VALUE && ledger.holds((int) op.arg());
    View modelView = new View(model, op, modelBefore, candidateExisted);
    View candidateView = new View(candidate, op, candidateBefore, candidateExisted);
    modelView.heldBeforeArg = heldArgBefore;
    candidateView.heldBeforeArg = heldArgBefore;

    Outcome ref = Apply.run(op, model);
    Outcome got = Apply.run(op, candidate);
    modelView.outcome = ref;
    candidateView.outcome = got;
    boolean resultHeldBefore = op.kind() == Op.Kind.ALLOC && got.kind() == Outcome.Kind.PID
        && ledger.holds(got.pid());
    modelView.resultHeldBefore = resultHeldBefore;
    candidateView.resultHeldBefore = resultHeldBefore;
    ledger.record(op, got);

    // The candidate's invariants first: they name the rule that broke, which says more than
    // "the answers differ" (and they hold the candidate to the ledger, not to the model).
    StepResult.Failure failure =
        checkInvariants(candidateView, "", StepResult.Failure.Side.CANDIDATE);
    if (failure == null) {
      failure = compare(op, ref, got);
    }
    if (failure == null) {
      failure = checkInvariants(modelView, " (in the model)", StepResult.Failure.Side.MODEL);
    }
    if (failure == null && expect != null && !expect.matches(ref)) {
      failure = new StepResult.Failure(StepResult.Failure.Kind.EXPECT,
          "expected " + expect + " but the reference (" + profile + ") answers " + ref);
    }
    if (failure == null && !smallGeometry && steps % FULL_CHECK_EVERY == 0) {
      failure = fullComparison();
    }
    StepResult result = new StepResult(steps, op, ref, got, failure);
    if (failure != null) {
      failed = result;
    }
    return result;
  }

  /** Compares the whole allocated set and every page counter now; null when they agree. */
  public StepResult.Failure checkFully() {
    return fullComparison();
  }

  private StepResult.Failure compare(Op op, Outcome ref, Outcome got) {
    if (!ref.equals(got)) {
      return divergence("the model answers " + ref + " but the impl answers " + got);
    }
    if (model.lastPid() != candidate.lastPid()) {
      return divergence("last_pid is " + model.lastPid() + " in the model but "
          + candidate.lastPid() + " in the impl");
    }
    if (model.pidMax() != candidate.pidMax()) {
      return divergence("pid_max is " + model.pidMax() + " in the model but "
          + candidate.pidMax() + " in the impl");
    }
    if (model.allocatedCount() != candidate.allocatedCount()) {
      return divergence(model.allocatedCount() + " pids are allocated in the model but "
          + candidate.allocatedCount() + " in the impl");
    }
    int touched = touchedPid(op, got);
    if (touched >= 0 && model.isAllocated(touched) != candidate.isAllocated(touched)) {
      return divergence("pid " + touched + " is " + word(model.isAllocated(touched))
          + " in the model but " + word(candidate.isAllocated(touched)) + " in the impl");
    }
    return smallGeometry ? fullComparison() : null;
  }

  private StepResult.Failure fullComparison() {
    BitSet m = model.allocated();
    BitSet c = candidate.allocated();
    if (!m.equals(c)) {
      BitSet diff = (BitSet) m.clone();
      diff.xor(c);
      int pid = diff.nextSetBit(0);
      return divergence("pid " + pid + " is " + word(m.get(pid)) + " in the model but "
          + word(c.get(pid)) + " in the impl");
    }
    return null;
  }

  private int touchedPid(Op op, Outcome got) {
    if (op.kind() == Op.Kind.ALLOC && got.kind() == Outcome.Kind.PID) {
      return got.pid();
    }
    if (op.kind() == Op.Kind.FREE && op.arg() >= 0 && op.arg() < geometry.pidMaxLimit()) {
      return (int) op.arg();
    }
    return -1;
  }

  private StepResult.Failure checkInvariants(View view, String where,
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

  private static String word(boolean allocated) {
    return allocated ? "allocated" : "free";
  }

  /** What is compared to decide that a refused step changed nothing. */
  private record Snapshot(int lastPid, int pidMax, int count, int argBit, BitSet all) {
    static Snapshot of(InspectablePidAllocator a, Op op, boolean small) {
      int argBit = -1;
      if (op.kind() == Op.Kind.FREE && op.arg() >= 0 && op.arg() < a.geometry().pidMaxLimit()) {
        argBit = a.isAllocated((int) op.arg()) ? 1 : 0;
      }
      boolean mayRefuse = op.kind() != Op.Kind.ALLOC;
      return new Snapshot(a.lastPid(), a.pidMax(), a.allocatedCount(), argBit,
          small && mayRefuse ? a.allocated() : null);
    }

    boolean sameAs(InspectablePidAllocator a, Op op) {
      Snapshot now = of(a, op, all != null);
      return lastPid == now.lastPid && pidMax == now.pidMax && count == now.count
          && argBit == now.argBit && Objects.equals(all, now.all);
    }
  }

  /** The step as the invariants see it, for one of the two allocators. */
  private final class View implements Step {
    private final InspectablePidAllocator allocator;
    private final Op op;
    private final Snapshot before;
    private final boolean candidateExisted;
    private Outcome outcome;
    private boolean heldBeforeArg;
    private boolean resultHeldBefore;

    View(InspectablePidAllocator allocator, Op op, Snapshot before, boolean candidateExisted) {
      this.allocator = allocator;
      this.op = op;
      this.before = before;
      this.candidateExisted = candidateExisted;
    }

    @Override
    public Op op() {
      return op;
    }

    @Override
    public Outcome outcome() {
      return outcome;
    }

    @Override
    public InspectablePidAllocator allocator() {
      return allocator;
    }

    @Override
    public boolean heldBefore(int pid) {
      if (op.kind() == Op.Kind.ALLOC && outcome.kind() == Outcome.Kind.PID && pid == outcome.pid()) {
        return resultHeldBefore; // looked up before the ledger booked this alloc
      }
      return pid == op.arg() ? heldBeforeArg : ledger.holds(pid);
    }

    @Override
    public int heldAfter(int pid) {
      return ledger.nextAfter(pid); // asked only for next, which changes nothing
    }

    @Override
    public int heldCountAfter() {
      return ledger.count();
    }

    @Override
    public boolean heldAfterStep(int pid) {
      return ledger.holds(pid);
    }

    @Override
    public int expectedLastPid() {
      return ledger.expectedLastPid();
    }

    @Override
    public int pidMaxBefore() {
      return before.pidMax;
    }

    @Override
    public boolean stateUnchanged() {
      return before.sameAs(allocator, op);
    }

    @Override
    public boolean candidateExisted() {
      return candidateExisted;
    }

    @Override
    public int firstPageToCheck() {
      return smallGeometry ? 0 : touchedPage();
    }

    @Override
    public int lastPageToCheck() {
      return smallGeometry ? geometry.pidmapEntries() - 1 : touchedPage();
    }

    private int touchedPage() {
      int pid = touchedPid(op, outcome);
      return pid < 0 ? 0 : geometry.pageOf(pid);
    }
  }
}
