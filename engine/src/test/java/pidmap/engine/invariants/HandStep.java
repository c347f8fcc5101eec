package pidmap.engine.invariants;

import java.util.BitSet;
import pidmap.engine.scan.SearchScan;
import pidmap.spec.InspectablePidAllocator;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * A step built by hand, for the invariants' predicates on states the engine's own runs never
 * reach: an allocator, the op and its outcome, which pids the books held before it and which
 * pages a search has passed through; everything else answers as after a step that changed
 * nothing. Not thread-safe; one per test.
 */
final class HandStep implements Step {
  private final InspectablePidAllocator allocator;
  private final Op op;
  private final Outcome outcome;
  final BitSet held = new BitSet();
  final BitSet searched = new BitSet();
  final BitSet watched = new BitSet();

  HandStep(InspectablePidAllocator allocator, Op op, Outcome outcome) {
    this.allocator = allocator;
    this.op = op;
    this.outcome = outcome;
    held.set(0);
    searched.set(0);
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
    return held.get(pid);
  }

  @Override
  public int heldAfter(int pid) {
    int n = held.nextSetBit(pid + 1);
    return n < 0 ? -1 : n;
  }

  @Override
  public int heldCountAfter() {
    return held.cardinality();
  }

  @Override
  public boolean heldAfterStep(int pid) {
    return held.get(pid);
  }

  @Override
  public int expectedLastPid() {
    return allocator.lastPid();
  }

  @Override
  public int pidMaxBefore() {
    return allocator.pidMax();
  }

  @Override
  public boolean stateUnchanged() {
    return true;
  }

  @Override
  public SearchScan scan() {
    return null;
  }

  @Override
  public boolean pageSearched(int page) {
    return searched.get(page);
  }

  @Override
  public int firstPageToCheck() {
    return 0;
  }

  @Override
  public int lastPageToCheck() {
    return allocator.geometry().pidmapEntries() - 1;
  }

  @Override
  public BitSet watchedPages() {
    return watched;
  }
}
