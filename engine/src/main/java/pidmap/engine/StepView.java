package pidmap.engine;

import java.util.BitSet;
import pidmap.engine.invariants.Step;
import pidmap.engine.scan.SearchScan;
import pidmap.spec.InspectablePidAllocator;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * The step as the invariants see it, for one of the two allocators: its own snapshot from before
 * the step, and what the engine's ledger and scan said before the step (shared by both views).
 * Not thread-safe; lives for one step.
 */
final class StepView implements Step {

  /** What the engine knew before the step, from the ledger alone; the same for both views. */
  record Before(Op op, SearchScan scan, boolean heldArg, int pidMax, BitSet watched,
      int firstPage, int lastPage) {}

  private final InspectablePidAllocator allocator;
  private final Before before;
  private final Snapshot snapshot;
  private final Ledger ledger;
  private final Outcome outcome;
  private final boolean resultHeldBefore;

  StepView(InspectablePidAllocator allocator, Before before, Snapshot snapshot, Ledger ledger,
      Outcome outcome, boolean resultHeldBefore) {
    this.allocator = allocator;
    this.before = before;
    this.snapshot = snapshot;
    this.ledger = ledger;
    this.outcome = outcome;
    this.resultHeldBefore = resultHeldBefore;
  }

  @Override
  public Op op() {
    return before.op();
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
    if (op().kind() == Op.Kind.ALLOC && outcome.kind() == Outcome.Kind.PID
        && pid == outcome.pid()) {
      return resultHeldBefore; // looked up before the ledger booked this alloc
    }
    return pid == op().arg() ? before.heldArg() : ledger.holds(pid);
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
    return before.pidMax();
  }

  @Override
  public boolean stateUnchanged() {
    return snapshot.sameAs(allocator, op());
  }

  @Override
  public SearchScan scan() {
    return before.scan();
  }

  @Override
  public boolean pageSearched(int page) {
    return ledger.searched(page);
  }

  @Override
  public BitSet watchedPages() {
    return before.watched();
  }

  @Override
  public int firstPageToCheck() {
    return before.firstPage() >= 0 ? before.firstPage() : touchedPage();
  }

  @Override
  public int lastPageToCheck() {
    return before.lastPage() >= 0 ? before.lastPage() : touchedPage();
  }

  private int touchedPage() {
    int pid = DifferentialEngine.touchedPid(op(), outcome, allocator.geometry());
    return pid < 0 ? 0 : allocator.geometry().pageOf(pid);
  }
}
