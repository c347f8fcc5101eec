package pidmap.explorer.spin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import pidmap.explorer.Candidate;
import pidmap.explorer.ExploreResult;
import pidmap.explorer.Explorer;
import pidmap.explorer.Scope;
import pidmap.explorer.interleave.InterleaveResult;
import pidmap.explorer.interleave.Interleaving;
import pidmap.explorer.interleave.Plan;
import pidmap.impl.LastPidUpdate;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;

/**
 * The explorer side by side with SPIN on the same scopes, one row each: the explorer in this JVM,
 * then SPIN on the Promela model of the same state and operations ({@code sequential.pml},
 * {@code interleaving.pml}). Each row: states, transitions and CPU seconds of each, and the ratio
 * of their states per CPU-second. A scope of fewer than {@value #TWICE} states is explored
 * {@value #WARM_UPS} times before the run that is measured ("warm"), as a benchmark's warm-up
 * iterations: the first pays for the JIT's compilation (its CPU time is shown as "cold"); a larger
 * scope runs once, its compilation included. Not thread-safe.
 */
public final class Comparison {

  /** Scopes smaller than this are explored {@value #WARM_UPS} times before the measured run. */
  static final long TWICE = 1_000_000;

  /** Warm-up runs of a small scope, as a benchmark's warm-up iterations (the JIT settles). */
  static final int WARM_UPS = 5;

  /**
   * One row of the table.
   *
   * @param cold the CPU seconds of the warm-up run, or -1 when there was none
   * @param wall the wall-clock seconds of the measured run
   */
  public record Row(String scope, long states, long transitions, double cold, double cpu,
      double wall, Spin.Result spin) {
    /** The explorer's states per CPU-second over SPIN's. */
    public double ratio() {
      return (states / cpu) / (spin.states() / spin.searchCpuSeconds());
    }

    String markdown() {
      String c = cold < 0 ? String.format(Locale.ROOT, "%.1f", cpu)
          : String.format(Locale.ROOT, "%.1f (cold %.1f)", cpu, cold);
      return String.format(Locale.ROOT,
          "| %s | %,d | %,d | %s | %.1f | %,d | %,d | %.1f (+%.1f build) | %.2f |",
          scope, states, transitions, c, wall, spin.states(), spin.transitions(),
          spin.searchCpuSeconds(), spin.buildCpuSeconds(), ratio());
    }
  }

  private static final Geometry FOUR_PAGES = new Geometry(4, 2, 16, 14);
  private static final Geometry THREE_BYTES = new Geometry(8, 3, 24, 21);
  private static final Geometry TWO_PAGES = new Geometry(4, 1, 8, 8);

  private Comparison() {}

  /** The sequential scopes of the table; {@code deep} adds 8/3/24 pid_max 21 to the end. */
  public static List<Scope> scopes(boolean deep) {
    List<Scope> s = new ArrayList<>(List.of(
        Scope.fixedPidMax(FOUR_PAGES, Profile.LINUX_2_6_24),
        Scope.fixedPidMax(FOUR_PAGES, Profile.LINUX_6),
        Scope.allPidMax(FOUR_PAGES, Profile.LINUX_2_6_24)));
    if (deep) {
      s.add(Scope.fixedPidMax(THREE_BYTES, Profile.LINUX_2_6_24));
    }
    return s;
  }

  /** The interleaving plans of the table. */
  public static List<Plan> plans() {
    return List.of(
        new Plan(TWO_PAGES, Profile.LINUX_2_6_24, LastPidUpdate.SEED_PLAIN_STORE, 2, 3, false),
        new Plan(TWO_PAGES, Profile.LINUX_2_6_24, LastPidUpdate.FORWARD_CAS, 2, 3, false));
  }

  /** Runs every row, telling {@code say} as each ends. */
  public static List<Row> run(boolean deep, Consumer<String> say) {
    List<Row> rows = new ArrayList<>();
    for (Scope s : scopes(deep)) {
      double cold = -1;
      for (int i = 0; s.states() < TWICE && i < WARM_UPS; i++) {
        ExploreResult warmUp = Explorer.explore(s, Candidate.impl(), Explorer.Settings.defaults());
        say.accept(warmUp.row() + "  (warm-up)");
        cold = i == 0 ? warmUp.cpuMillis() / 1000.0 : cold;
      }
      ExploreResult r = Explorer.explore(s, Candidate.impl(), Explorer.Settings.defaults());
      say.accept(r.row());
      Spin.Result spin = Spin.run("sequential.pml", defines(s), s.states(), List.of());
      Row row = new Row(s.name() + " / " + s.profile().id(), r.states(), r.transitions(), cold,
          r.cpuMillis() / 1000.0, r.millis() / 1000.0, spin);
      say.accept(row.markdown());
      rows.add(row);
    }
    for (Plan p : plans()) {
      InterleaveResult warmUp = Interleaving.explore(p);
      say.accept(warmUp.row() + "  (warm-up)");
      InterleaveResult r = Interleaving.explore(p);
      say.accept(r.row());
      Spin.Result spin = Spin.run("interleaving.pml", defines(p), r.states() * 4,
          List.of("-c0"));
      Row row = new Row(p.describe(), r.states(), r.transitions(), warmUp.cpuMillis() / 1000.0,
          r.cpuMillis() / 1000.0, r.millis() / 1000.0, spin);
      say.accept(row.markdown());
      rows.add(row);
    }
    return rows;
  }

  static Map<String, Object> defines(Scope s) {
    Geometry g = s.geometry();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("BPP", g.bitsPerPage());
    d.put("RES", g.reservedPids());
    d.put("LIMIT", g.pidMaxLimit());
    d.put("PIDMAX", g.defaultPidMax());
    d.put("LOW", s.pidMaxLow());
    d.put("HIGH", s.pidMaxHigh());
    if (s.profile() == Profile.LINUX_6) {
      d.put("LINUX6", 1);
    }
    return d;
  }

  static Map<String, Object> defines(Plan p) {
    Geometry g = p.geometry();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("BPP", g.bitsPerPage());
    d.put("RES", g.reservedPids());
    d.put("LIMIT", g.pidMaxLimit());
    d.put("PIDMAX", g.defaultPidMax());
    d.put("THREADS", p.threads());
    d.put("OPS", p.ops());
    d.put("CAS", p.update() == LastPidUpdate.FORWARD_CAS ? 1 : 0);
    d.put("NEXT", p.next() ? 1 : 0);
    return d;
  }

  /** The table, in markdown, with its header. */
  public static String table(List<Row> rows) {
    StringBuilder b = new StringBuilder();
    b.append("| scope | explorer states | explorer transitions | explorer CPU s | explorer wall s |"
        + " SPIN states | SPIN transitions | SPIN CPU s | ratio |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      b.append(r.markdown()).append('\n');
    }
    return b.toString();
  }
}
