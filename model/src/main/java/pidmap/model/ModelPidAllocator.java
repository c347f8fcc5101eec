package pidmap.model;

import java.util.BitSet;
import java.util.NavigableSet;
import java.util.TreeSet;
import pidmap.spec.Geometry;
import pidmap.spec.Implements;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Profile;
import pidmap.spec.Require;
import pidmap.spec.SeedFunction;

/**
 * The reference allocator: a sorted set of allocated pids and the profile's search rule stated
 * as candidate ranges ({@link SeedSearchRule}). No bitmaps, no counters, no cleverness; every
 * answer can be checked by reading this class and the rule's Javadoc.
 *
 * <p>Not thread-safe: the model is sequential by definition.
 */
public final class ModelPidAllocator implements InspectablePidAllocator {

  private final Geometry geometry;
  private final Profile profile;
  private final SearchRule rule;
  private final NavigableSet<Integer> allocated = new TreeSet<>();
  /** Pages the seed would have installed: page 0, and every page a pid was ever taken from. */
  private final NavigableSet<Integer> touchedPages = new TreeSet<>();
  private int pidMax;
  private int lastPid;

  public ModelPidAllocator(Geometry geometry, Profile profile) {
    this.geometry = geometry;
    this.profile = profile;
    this.rule = ruleOf(profile);
    this.pidMax = geometry.defaultPidMax();
    allocated.add(0); // pid 0 is the idle task's (seed 526-527, 654-656)
    touchedPages.add(0);
  }

  /** A model in the same state as {@code other}, sharing no mutable state with it. */
  private ModelPidAllocator(ModelPidAllocator other) {
    this.geometry = other.geometry;
    this.profile = other.profile;
    this.rule = other.rule;
    this.pidMax = other.pidMax;
    this.lastPid = other.lastPid;
    this.allocated.addAll(other.allocated);
    this.touchedPages.addAll(other.touchedPages);
  }

  /**
   * A model in this one's state that goes its own way from here: what a trace shrinker keeps as
   * a checkpoint instead of replaying a prefix again. O(allocated pids).
   */
  public ModelPidAllocator copy() {
    return new ModelPidAllocator(this);
  }

  private static SearchRule ruleOf(Profile profile) {
    switch (profile) {
      case LINUX_2_6_24:
        return new SeedSearchRule();
      case LINUX_6:
        return new Linux6SearchRule();
      default:
        throw new IllegalArgumentException("no model search rule for profile " + profile);
    }
  }

  @Override
  public Geometry geometry() {
    return geometry;
  }

  @Override
  public Profile profile() {
    return profile;
  }

  /** Seed: pid.c lines 124-182. The first free pid of the first candidate range that has one. */
  @Override
  @Implements(SeedFunction.ALLOC_PIDMAP)
  public int alloc() {
    int pid = firstCandidate();
    if (pid != NO_PID) {
      allocated.add(pid);
      touchedPages.add(geometry.pageOf(pid));
      lastPid = pid;
    }
    return pid;
  }

  /**
   * Takes exactly {@code nr} when it is free, as Linux 6's alloc_pid does for a clone3 set_tid
   * entry (idr_alloc over [nr, nr + 1)); last_pid does not move. Answers nr, or {@link #NO_PID}
   * when it is taken. The caller has checked 1 &lt;= nr &lt; pid_max.
   */
  public int allocExactly(int nr) {
    Require.pidInRange("nr", nr, geometry);
    if (!allocated.add(nr)) {
      return NO_PID;
    }
    touchedPages.add(geometry.pageOf(nr));
    return nr;
  }

  /** The pid alloc would hand out now, or {@link #NO_PID}; changes nothing. */
  public int firstCandidate() {
    for (SearchRule.Range r : rule.candidates(lastPid, pidMax, geometry)) {
      for (int pid = r.from(); pid < r.to(); pid++) {
        if (!allocated.contains(pid)) {
          return pid;
        }
      }
    }
    return NO_PID;
  }

  /** Seed: pid.c lines 115-121. */
  @Override
  @Implements(SeedFunction.FREE_PIDMAP)
  public void free(int pid) {
    Require.freeable(pid, geometry, allocated.contains(pid));
    allocated.remove(pid);
  }

  /** Seed: pid.c lines 184-200. The smallest allocated pid above {@code last}. */
  @Override
  @Implements(SeedFunction.NEXT_PIDMAP)
  public int next(int last) {
    Require.nextFrom(last, geometry);
    Integer higher = allocated.higher(last);
    return higher == null ? NO_PID : higher;
  }

  @Override
  public boolean isAllocated(int pid) {
    Require.pidInRange("pid", pid, geometry);
    return allocated.contains(pid);
  }

  @Override
  public int pidMax() {
    return pidMax;
  }

  @Override
  public void setPidMax(int value) {
    pidMax = Require.pidMax(value, geometry);
  }

  @Override
  public int lastPid() {
    return lastPid;
  }

  @Override
  public void setLastPid(int value) {
    lastPid = Require.lastPid(value, pidMax);
  }

  @Override
  public int allocatedCount() {
    return allocated.size();
  }

  @Override
  public BitSet allocated() {
    BitSet copy = new BitSet();
    allocated.forEach(copy::set);
    return copy;
  }

  @Override
  public boolean pageInstalled(int page) {
    return touchedPages.contains(page);
  }

  @Override
  public int pageFreeCounter(int page) {
    return geometry.bitsPerPage() - pageSetBits(page);
  }

  @Override
  public int pageSetBits(int page) {
    int from = page * geometry.bitsPerPage();
    return allocated.subSet(from, true, from + geometry.bitsPerPage(), false).size();
  }

  @Override
  public String toString() {
    return "model " + profile + " pid_max=" + pidMax + " last_pid=" + lastPid + " allocated="
        + (allocated.size() <= 20 ? allocated.toString() : allocated.size() + " pids");
  }
}
