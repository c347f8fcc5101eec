package pidmap.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.spec.Require;

/**
 * What one exploration covers: a geometry, a profile, the pid_max values whose states are
 * expanded, and how deep the search goes.
 *
 * <p>From every state the explorer runs set_pid_max to every value from pid_max_min-1 to
 * pid_max_limit+1, but it only goes on from successors whose pid_max lies in
 * [{@code pidMaxLow}, {@code pidMaxHigh}]; with both at the default, pid_max changes are checked
 * one step deep and the states explored are those of a fixed pid_max. Likewise every operation
 * from a state at depth {@code maxDepth} is run and checked, but its successors are not expanded.
 *
 * <p>The states of a scope without a depth bound are its whole product (see {@link #states}):
 * set_last reaches every last_pid, set_pid_max every pid_max in the range, and an alloc and a
 * free install any page, so every combination is reachable; the explorer enumerates them
 * directly, and a breadth-first search confirms the count on small scopes.
 *
 * <p>Immutable.
 *
 * @param name a short label for tables, e.g. {@code 4/2/16 pid_max 3..16}
 * @param geometry the geometry; its pid_max_limit must be at most {@value StateCode#MAX_LIMIT}
 * @param profile the search rule
 * @param pidMaxLow the smallest pid_max whose states are expanded
 * @param pidMaxHigh the largest pid_max whose states are expanded
 * @param maxDepth the deepest level expanded; {@link #UNBOUNDED} for every reachable state
 */
public record Scope(
    String name, Geometry geometry, Profile profile, int pidMaxLow, int pidMaxHigh, int maxDepth) {

  /** No depth bound: the exploration ends when no new state is found. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  public Scope {
    Require.inClosed("pid_max_limit", geometry.pidMaxLimit(), geometry.pidMaxMin(), null,
        StateCode.MAX_LIMIT, "the explorer's encoding");
    Require.inClosed("page slots", geometry.pidmapEntries(), 1, null, StateCode.MAX_PAGES,
        "the explorer's encoding");
    Require.inClosed("pid_max_low", pidMaxLow, geometry.pidMaxMin(), "pid_max_min",
        geometry.defaultPidMax(), "default pid_max");
    Require.inClosed("pid_max_high", pidMaxHigh, geometry.defaultPidMax(), "default pid_max",
        geometry.pidMaxLimit(), "pid_max_limit");
    Require.inClosed("max_depth", maxDepth, 0, null, UNBOUNDED, null);
    Require.inClosed("state space", indexSpace(geometry, pidMaxLow, pidMaxHigh), 1, null,
        Integer.MAX_VALUE, "the explorer's index");
  }

  /** pid_max stays at the geometry's default; changes of it are checked one step deep. */
  public static Scope fixedPidMax(Geometry g, Profile p) {
    return new Scope(shape(g) + " pid_max " + g.defaultPidMax(), g, p, g.defaultPidMax(),
        g.defaultPidMax(), UNBOUNDED);
  }

  /** Every pid_max from pid_max_min to the limit is explored. */
  public static Scope allPidMax(Geometry g, Profile p) {
    return new Scope(shape(g) + " pid_max " + g.pidMaxMin() + ".." + g.pidMaxLimit(), g, p,
        g.pidMaxMin(), g.pidMaxLimit(), UNBOUNDED);
  }

  /** This scope, cut at depth {@code d}: every state within d operations of a fresh one. */
  public Scope toDepth(int d) {
    return new Scope(name + " depth<=" + d, geometry, profile, pidMaxLow, pidMaxHigh, d);
  }

  /** The scope's shape, e.g. {@code 4/2/16}: bits per page, reserved pids, pid_max_limit. */
  public static String shape(Geometry g) {
    return g.bitsPerPage() + "/" + g.reservedPids() + "/" + g.pidMaxLimit();
  }

  /** Whether states with this pid_max are expanded. */
  public boolean expands(int pidMax) {
    return pidMax >= pidMaxLow && pidMax <= pidMaxHigh;
  }

  /** One past the largest pid a state of this scope can hold: alloc takes pids below pid_max. */
  public int pidTop() {
    return pidMaxHigh;
  }

  /** The pages a state of this scope can have installed: those that hold a pid below {@link #pidTop}. */
  public int pagesInScope() {
    return (pidTop() - 1) / geometry.bitsPerPage() + 1;
  }

  /** The largest last_pid of a state with this pid_max: set_last takes up to pid_max. */
  public int lastPidTop() {
    return pidMaxHigh;
  }

  /**
   * How many states the scope has, explored to the end: for each pid_max, every set of pids in
   * [1, {@link #pidTop}) with pid 0, each last_pid in [0, {@link #lastPidTop}] (up to pid_max
   * when pid_max is fixed), and each set of installed pages that holds page 0 and every page
   * with an allocated pid.
   */
  public long states() {
    int bpp = geometry.bitsPerPage();
    long installedSets = 1; // page 0 with its pids 1..bpp-1 (those below the top)
    installedSets <<= Math.min(bpp, pidTop()) - 1;
    for (int m = 1; m < pagesInScope(); m++) {
      int pids = Math.min(bpp, pidTop() - m * bpp);
      installedSets *= (1L << pids) + 1; // any subset, or none with the page still missing
    }
    return installedSets * (lastPidTop() + 1L) * (pidMaxHigh - pidMaxLow + 1L);
  }

  /** The size of the explorer's dense index, a bound on the states this scope can have. */
  public long indexSpace() {
    return indexSpace(geometry, pidMaxLow, pidMaxHigh);
  }

  private static long indexSpace(Geometry g, int low, int high) {
    long sets = 1L << (high - 1);
    long pages = 1L << ((high - 1) / g.bitsPerPage());
    return sets * pages * (high + 1L) * (high - low + 1L);
  }

  /**
   * Dense index of a state in this scope (for states with pid_max in the range). From the most
   * to the least significant: pid_max, the allocated set, last_pid, the installed pages; so
   * consecutive indices first vary the installed pages (the model's answers stay the same), then
   * last_pid (every branch of the search is taken early in an enumeration).
   */
  long index(long state) {
    int setBits = pidTop() - 1;
    int pageBits = pagesInScope() - 1;
    long rest = ((long) (StateCode.pidMax(state) - pidMaxLow) << setBits)
        | (StateCode.set(state) >>> 1);
    return ((rest * (lastPidTop() + 1) + StateCode.lastPid(state)) << pageBits)
        | (StateCode.installed(state) >>> 1);
  }

  /** The state of a dense index. */
  long state(long index) {
    int setBits = pidTop() - 1;
    int pageBits = pagesInScope() - 1;
    int installed = (int) ((index & ((1L << pageBits) - 1)) << 1) | 1;
    long rest = index >>> pageBits;
    int last = (int) (rest % (lastPidTop() + 1));
    rest /= lastPidTop() + 1;
    long set = ((rest & ((1L << setBits) - 1)) << 1) | 1;
    int pidMax = (int) (rest >>> setBits) + pidMaxLow;
    return StateCode.of(set, last, pidMax, installed);
  }

  /** Whether a decoded index is a state: its installed pages hold every page with a pid. */
  boolean isState(long state) {
    int need = StateCode.pagesOf(StateCode.set(state), geometry);
    return (StateCode.installed(state) & need) == need;
  }

  private static final Geometry FOUR_PAGES = new Geometry(4, 2, 16, 14);
  private static final Geometry TWO_PAGES = new Geometry(4, 2, 8, 6);
  private static final Geometry THREE_BYTES = new Geometry(8, 3, 24, 21);

  /**
   * For {@code verify --quick}, a few seconds per profile: two pages with every pid_max explored
   * to the end, four pages and 8 bits per page a few operations deep.
   */
  public static List<Scope> quick() {
    return perProfile(p -> List.of(
        allPidMax(TWO_PAGES, p),
        allPidMax(FOUR_PAGES, p).toDepth(3),
        fixedPidMax(THREE_BYTES, p).toDepth(4)));
  }

  /**
   * The default run's scopes, per profile: two pages and four pages with every pid_max, and four
   * pages at pid_max 14, explored to the end; 8 bits per page at pid_max 21 cut at depth 6
   * (docs/EXPLORER.md has sizes and times).
   */
  public static List<Scope> standard() {
    return perProfile(p -> List.of(
        allPidMax(TWO_PAGES, p),
        fixedPidMax(FOUR_PAGES, p),
        allPidMax(FOUR_PAGES, p),
        fixedPidMax(THREE_BYTES, p).toDepth(6)));
  }

  /**
   * The deep scopes ({@code verify --deep}): the standard ones, and 8 bits per page at pid_max 21
   * explored to the end (2^20 allocated sets times 22 last_pids times the installed pages, some
   * 24 million states per profile).
   */
  public static List<Scope> deep() {
    return perProfile(p -> List.of(
        allPidMax(TWO_PAGES, p),
        fixedPidMax(FOUR_PAGES, p),
        allPidMax(FOUR_PAGES, p),
        fixedPidMax(THREE_BYTES, p)));
  }

  private static List<Scope> perProfile(Function<Profile, List<Scope>> scopes) {
    List<Scope> all = new ArrayList<>();
    for (Profile p : Profile.values()) {
      all.addAll(scopes.apply(p));
    }
    return List.copyOf(all);
  }
}
