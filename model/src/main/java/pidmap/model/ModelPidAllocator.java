package pidmap.model;

import java.util.BitSet;
import java.util.stream.Collectors;
import pidmap.spec.Geometry;
import pidmap.spec.Implements;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Profile;
import pidmap.spec.Require;
import pidmap.spec.SeedFunction;

/**
 * The reference allocator: the set of allocated pids and the profile's search rule stated
 * as candidate ranges ({@link SeedSearchRule}). No bitmaps, no counters, no cleverness; every
 * answer can be checked by reading this class and the rule's Javadoc.
 *
 * <p>Memory (PIDMAP-3): the set of pages that exist. A page is installed when a search passes
 * through it (seed 136-149 installs every page the loop enters, before it looks at the page's
 * counter), so the model installs the pages of the candidate ranges, in the order they are
 * tried, from the first up to the page of the pid taken, or all of them when the search takes
 * none. docs/SEMANTICS.md argues this from the seed's loop for both profiles.
 *
 * <p>Not thread-safe: the model is sequential by definition.
 */
public final class ModelPidAllocator implements InspectablePidAllocator {

  private final Geometry geometry;
  private final Profile profile;
  private final SearchRule rule;
  /** The allocated pids, pid 0 included. */
  private final BitSet allocated = new BitSet();
  /** How many pids {@link #allocated} holds (kept, not counted: the set may reach 4 million). */
  private int count;
  /** Pages that exist: page 0 from the start, and every page a search has passed through. */
  private final BitSet installedPages = new BitSet();
  private int pidMax;
  private int lastPid;

  public ModelPidAllocator(Geometry geometry, Profile profile) {
    this.geometry = geometry;
    this.profile = profile;
    this.rule = ruleOf(profile);
    this.pidMax = geometry.defaultPidMax();
    allocated.set(0);
    count = 1; // pid 0 is the idle task's (seed 526-527, 654-656)
    installedPages.set(0); // page 0 exists from the start (seed 513, 526)
  }

  /**
   * The model in a given state: these pids allocated (pid 0 among them), these pages installed
   * (page 0 and the page of every allocated pid among them), this last_pid and pid_max, as a run
   * of operations can leave it. For the explorer, which visits states without replaying a path
   * to each. Refuses a state that no run reaches, naming what is wrong.
   */
  public static ModelPidAllocator at(Geometry geometry, Profile profile, BitSet allocated,
      BitSet installedPages, int lastPid, int pidMax) {
    Require.pidMax(pidMax, geometry);
    Require.inClosed("last_pid", lastPid, 0, null, geometry.pidMaxLimit(), "pid_max_limit");
    if (!allocated.get(0) || allocated.length() > geometry.pidMaxLimit()) {
      throw new IllegalArgumentException("allocated " + allocated
          + ": pid 0 and pids below pid_max_limit only");
    }
    if (!installedPages.get(0) || installedPages.length() > geometry.pidmapEntries()) {
      throw new IllegalArgumentException("installed pages " + installedPages + ": page 0 and"
          + " pages below " + geometry.pidmapEntries() + " only");
    }
    int bpp = geometry.bitsPerPage();
    for (int page = 1; page < geometry.pidmapEntries(); page++) {
      int pid = allocated.nextSetBit(page * bpp);
      if (pid < 0) {
        break;
      }
      if (pid < (page + 1) * bpp && !installedPages.get(page)) {
        throw new IllegalArgumentException("pid " + pid + " is allocated but its page " + page
            + " is not installed");
      }
    }
    ModelPidAllocator m = new ModelPidAllocator(geometry, profile);
    m.allocated.or(allocated);
    m.installedPages.or(installedPages);
    m.count = allocated.cardinality();
    m.pidMax = pidMax;
    m.lastPid = lastPid;
    return m;
  }

  /** A model in the same state as {@code other}, sharing no mutable state with it. */
  private ModelPidAllocator(ModelPidAllocator other) {
    this.geometry = other.geometry;
    this.profile = other.profile;
    this.rule = other.rule;
    this.pidMax = other.pidMax;
    this.lastPid = other.lastPid;
    this.allocated.or(other.allocated);
    this.count = other.count;
    this.installedPages.or(other.installedPages);
  }

  /**
   * A model in this one's state that goes its own way from here: what a trace shrinker keeps as
   * a checkpoint instead of replaying a prefix again. O(pid_max_limit / 64).
   */
  public ModelPidAllocator copy() {
    return new ModelPidAllocator(this);
  }

  private static SearchRule ruleOf(Profile profile) {
    return profile == Profile.LINUX_6 ? new Linux6SearchRule() : new SeedSearchRule();
  }

  @Override
  public Geometry geometry() { return geometry; }

  @Override
  public Profile profile() { return profile; }

  /**
   * Seed: pid.c lines 124-182. The first free pid of the first candidate range that has one;
   * every page the search passes through on the way is installed (seed 136-149).
   */
  @Override
  @Implements(SeedFunction.ALLOC_PIDMAP)
  public int alloc() {
    for (SearchRule.Range r : rule.candidates(lastPid, pidMax, geometry)) {
      int pid = firstFree(r);
      if (r.from() < r.to()) {
        installPages(r.from(), pid != NO_PID ? pid : r.to() - 1); // keeps [PIDMAP-3]
      }
      if (pid != NO_PID) {
        allocated.set(pid);
        count++;
        lastPid = pid;
        return pid;
      }
    }
    return NO_PID;
  }

  /** The smallest pid of {@code r} that is not allocated, or NO_PID. */
  private int firstFree(SearchRule.Range r) {
    if (r.from() >= r.to()) {
      return NO_PID;
    }
    int pid = allocated.nextClearBit(r.from());
    return pid < r.to() ? pid : NO_PID;
  }

  /** Installs the pages that hold pids {@code from} to {@code to}, both included. */
  private void installPages(int from, int to) {
    installedPages.set(geometry.pageOf(from), geometry.pageOf(to) + 1);
  }

  /**
   * Takes exactly {@code nr} when it is free, as Linux 6's alloc_pid does for a clone3 set_tid
   * entry (idr_alloc over [nr, nr + 1)); last_pid does not move. Answers nr, or {@link #NO_PID}
   * when it is taken. The caller has checked 1 &lt;= nr &lt; pid_max.
   */
  public int allocExactly(int nr) {
    Require.pidInRange("nr", nr, geometry);
    if (allocated.get(nr)) {
      return NO_PID;
    }
    allocated.set(nr);
    count++;
    installedPages.set(geometry.pageOf(nr)); // keeps [PIDMAP-3]: the impl installs nr's page
    return nr;
  }

  /** The pid alloc would hand out now, or {@link #NO_PID}; changes nothing. */
  public int firstCandidate() {
    for (SearchRule.Range r : rule.candidates(lastPid, pidMax, geometry)) {
      int pid = firstFree(r);
      if (pid != NO_PID) {
        return pid;
      }
    }
    return NO_PID;
  }

  /** Seed: pid.c lines 115-121. */
  @Override
  @Implements(SeedFunction.FREE_PIDMAP)
  public void free(int pid) {
    Require.freeable(pid, geometry, pid >= 0 && allocated.get(pid));
    allocated.clear(pid);
    count--;
  }

  /** Seed: pid.c lines 184-200. The smallest allocated pid above {@code last}. */
  @Override
  @Implements(SeedFunction.NEXT_PIDMAP)
  public int next(int last) {
    Require.nextFrom(last, geometry);
    int higher = allocated.nextSetBit(last + 1);
    return higher < 0 ? NO_PID : higher;
  }

  @Override
  public boolean isAllocated(int pid) {
    Require.pidInRange("pid", pid, geometry);
    return allocated.get(pid);
  }

  @Override
  public int pidMax() { return pidMax; }

  @Override
  public void setPidMax(int value) { pidMax = Require.pidMax(value, geometry); }

  @Override
  public int lastPid() { return lastPid; }

  @Override
  public void setLastPid(int value) { lastPid = Require.lastPid(value, pidMax); }

  @Override
  public int allocatedCount() {
    return count;
  }

  @Override
  public BitSet allocated() {
    return (BitSet) allocated.clone();
  }

  @Override
  public boolean pageInstalled(int page) {
    return installedPages.get(page);
  }

  @Override
  public int pageFreeCounter(int page) {
    return geometry.bitsPerPage() - pageSetBits(page);
  }

  @Override
  public int pageSetBits(int page) {
    int from = page * geometry.bitsPerPage();
    return allocated.get(from, from + geometry.bitsPerPage()).cardinality();
  }

  @Override
  public String toString() {
    return "model " + profile + " pid_max=" + pidMax + " last_pid=" + lastPid + " allocated="
        + (count <= 20 ? allocated.stream().mapToObj(Integer::toString)
            .collect(Collectors.joining(", ", "[", "]")) : count + " pids");
  }
}
