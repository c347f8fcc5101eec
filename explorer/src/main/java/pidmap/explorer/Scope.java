package pidmap.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.spec.Require;

/**
 * What one exploration covers: a geometry, a profile, the pid_max values whose states are
 * expanded, and how deep the breadth-first search goes.
 *
 * <p>From every state the explorer runs set_pid_max to every value from pid_max_min-1 to
 * pid_max_limit+1, but it only goes on from successors whose pid_max lies in
 * [{@code pidMaxLow}, {@code pidMaxHigh}]; with both at the default, pid_max changes are checked
 * one step deep and the states explored are those of a fixed pid_max. Likewise every operation
 * from a state at depth {@code maxDepth} is run and checked, but its successors are not expanded.
 *
 * <p>Immutable.
 *
 * @param name a short label for tables, e.g. {@code 4/2/16 pid_max 3..16}
 * @param geometry the geometry; its pid_max_limit must be at most {@value AbstractState#MAX_LIMIT}
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
        AbstractState.MAX_LIMIT, "the explorer's encoding");
    Require.inClosed("pid_max_low", pidMaxLow, geometry.pidMaxMin(), "pid_max_min",
        geometry.defaultPidMax(), "default pid_max");
    Require.inClosed("pid_max_high", pidMaxHigh, geometry.defaultPidMax(), "default pid_max",
        geometry.pidMaxLimit(), "pid_max_limit");
    Require.inClosed("max_depth", maxDepth, 0, null, UNBOUNDED, null);
    Require.inClosed("state space", stateSpace(geometry, pidMaxLow, pidMaxHigh), 1, null,
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

  private static String shape(Geometry g) {
    return g.bitsPerPage() + "/" + g.reservedPids() + "/" + g.pidMaxLimit();
  }

  /** Whether states with this pid_max are expanded. */
  public boolean expands(int pidMax) {
    return pidMax >= pidMaxLow && pidMax <= pidMaxHigh;
  }

  /** The size of the explorer's dense index: a bound on the states this scope can have. */
  public long stateSpace() {
    return stateSpace(geometry, pidMaxLow, pidMaxHigh);
  }

  private static long stateSpace(Geometry g, int low, int high) {
    long sets = 1L << (g.pidMaxLimit() - 1); // pid 0 is always allocated
    return sets * (g.pidMaxLimit() + 1L) * (high - low + 1L);
  }

  /** Dense index of a state in this scope's visited set. */
  long index(long state) {
    int pidMax = AbstractState.pidMax(state);
    int last = AbstractState.lastPid(state);
    long sets = 1L << (geometry.pidMaxLimit() - 1);
    return ((long) (pidMax - pidMaxLow) * (geometry.pidMaxLimit() + 1) + last) * sets
        + (AbstractState.set(state) >>> 1);
  }

  private static final Geometry FOUR_PAGES = new Geometry(4, 2, 16, 14);
  private static final Geometry TWO_PAGES = new Geometry(4, 2, 8, 6);
  private static final Geometry THREE_BYTES = new Geometry(8, 3, 24, 21);

  /**
   * For {@code verify --quick}, a few seconds per profile: two pages with every pid_max explored
   * to the end, the two issue-5 geometries a few operations deep.
   */
  public static List<Scope> quick() {
    return perProfile(p -> List.of(
        allPidMax(TWO_PAGES, p),
        allPidMax(FOUR_PAGES, p).toDepth(3),
        fixedPidMax(THREE_BYTES, p).toDepth(4)));
  }

  /**
   * The default run's scopes, about half a minute of CPU per profile: two pages with every
   * pid_max and four pages at pid_max 14 explored to the end; four pages with every pid_max, and
   * 8 bits per page at pid_max 21, cut at a depth (docs/EXPLORER.md has sizes and times).
   */
  public static List<Scope> standard() {
    return perProfile(p -> List.of(
        allPidMax(TWO_PAGES, p),
        fixedPidMax(FOUR_PAGES, p),
        allPidMax(FOUR_PAGES, p).toDepth(5),
        fixedPidMax(THREE_BYTES, p).toDepth(6)));
  }

  /**
   * The deep scopes: four pages with every pid_max from 3 to 16 explored to the end, and 8 bits
   * per page at pid_max 21 to depth 10 (docs/EXPLORER.md: about an hour of CPU).
   */
  public static List<Scope> deep() {
    return perProfile(p -> List.of(
        allPidMax(FOUR_PAGES, p),
        fixedPidMax(THREE_BYTES, p).toDepth(10)));
  }

  /**
   * Everything to the end, 8 bits per page at pid_max 21 included: 2^20 allocated sets times
   * 22 last_pids, some 23 million states per profile (docs/EXPLORER.md: hours of CPU).
   */
  public static List<Scope> full() {
    return perProfile(p -> List.of(
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
