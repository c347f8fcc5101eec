package pidmap.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue 7's targets, checked against one run: each a measured ratio (with its propagated error)
 * or figure, the bound, and met / not met. Why a target is missed is written in
 * docs/PERFORMANCE.md; this only computes.
 *
 * <p>Stateless and thread-safe.
 */
public final class Targets {
  private Targets() {}

  /** One target line. */
  public record Target(String what, String measured, String bound, boolean met) {}

  static final String ST = "AllocFreeBench.allocFree";
  static final String MT = "AllocFreeTwoThreadsBench.allocFree";
  static final String WORST = "WorstCaseBench.allocWorstCase";

  /** Every target the results allow to compute, in issue order. */
  public static List<Target> compute(List<BenchResult> results) {
    List<Target> out = new ArrayList<>();
    for (String fill : List.of("1", "50", "99")) {
      ratio(results, ST, fill, "impl", "floor").ifPresent(q -> out.add(new Target(
          "impl / floor, alloc+free, 1 thread, fill " + fill + "%", q.text(), "≤ 1.5",
          q.value <= 1.5)));
    }
    for (String fill : List.of("1", "50", "99")) {
      ratio(results, ST, fill, "bitset-sync", "impl").ifPresent(q -> out.add(new Target(
          "bitset-sync / impl, alloc+free, 1 thread, fill " + fill + "%", q.text(), "> 1",
          q.value > 1)));
    }
    for (String fill : List.of("1", "50")) {
      ratio(results, MT, fill, "bitset-sync", "impl").ifPresent(q -> out.add(new Target(
          "bitset-sync / impl, alloc+free, 2 threads, fill " + fill + "%", q.text(), "≥ 1.5",
          q.value >= 1.5)));
    }
    find(results, WORST, null, "impl").ifPresent(r -> out.add(new Target(
        "impl worst-case alloc at 4,194,304 pids", Table.cell(r) + " ns", "< 1,000 ns",
        r.score() < 1000)));
    return out;
  }

  /** The markdown table of {@link #compute}. */
  public static String markdown(List<BenchResult> results) {
    StringBuilder sb = new StringBuilder("| target | measured | bound | |\n|---|---:|---|---|\n");
    for (Target t : compute(results)) {
      sb.append("| ").append(t.what).append(" | ").append(t.measured).append(" | ")
          .append(t.bound).append(" | ").append(t.met ? "met" : "**not met**").append(" |\n");
    }
    return sb.toString();
  }

  /** A ratio a/b with its error, propagated from the two relative errors. */
  record Quotient(double value, double error) {
    String text() {
      return Double.isNaN(error)
          ? String.format(Locale.ROOT, "%.2f", value)
          : String.format(Locale.ROOT, "%.2f ± %.2f", value, error);
    }
  }

  static Optional<Quotient> ratio(
      List<BenchResult> results, String bench, String fill, String top, String bottom) {
    Optional<BenchResult> a = find(results, bench, fill, top);
    Optional<BenchResult> b = find(results, bench, fill, bottom);
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    double q = a.get().score() / b.get().score();
    double ra = a.get().error() / a.get().score();
    double rb = b.get().error() / b.get().score();
    return Optional.of(new Quotient(q, q * Math.sqrt(ra * ra + rb * rb)));
  }

  static Optional<BenchResult> find(
      List<BenchResult> results, String bench, String fill, String impl) {
    return results.stream()
        .filter(r -> r.benchmark().equals(bench) && r.impl().equals(impl))
        .filter(r -> fill == null || fill.equals(r.params().get("fillPercent")))
        .findFirst();
  }
}
