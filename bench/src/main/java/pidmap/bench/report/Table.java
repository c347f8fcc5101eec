package pidmap.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import pidmap.bench.alt.Allocators;

/**
 * The markdown table of a JMH run: one row per workload (a benchmark with its parameters other
 * than the implementation), one column per implementation, each cell the score and its 99.9%
 * error ("27.1 ± 3.5"), "—" where the implementation does not run that workload.
 *
 * <p>Stateless and thread-safe.
 */
public final class Table {
  private Table() {}

  /** The row label of a result, e.g. {@code alloc+free, 1 thread, fill 50%}. */
  public static String label(BenchResult r) {
    Map<String, String> p = r.caseParams();
    String fill = p.containsKey("fillPercent") ? "fill " + p.get("fillPercent") + "%" : "";
    String depth = p.containsKey("depth") ? "depth " + p.get("depth") : "";
    String threads = r.threads() + (r.threads() == 1 ? " thread" : " threads");
    switch (r.benchmark()) {
      case "AllocFreeBench.allocFree":
      case "AllocFreeTwoThreadsBench.allocFree":
        return "alloc+free, " + threads + ", " + fill;
      case "WorstCaseBench.allocWorstCase":
        return "worst case: alloc at 4,194,304 pids, 1 free";
      case "NextBench.next":
        return "next, " + fill + ("1".equals(p.get("fillPercent")) ? " (sparse)" : " (dense)");
      case "PidLayerBench.allocFreePid":
        return "alloc_pid+free_pid, " + depth;
      case "PidLayerBench.findPidNsHit":
        return "find_pid_ns hit, " + depth;
      case "PidLayerBench.findPidNsMiss":
        return "find_pid_ns miss, " + depth;
      default:
        String rest = p.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
        return r.benchmark() + (rest.isEmpty() ? "" : " (" + rest + ")") + ", " + threads;
    }
  }

  /** The implementations present, in {@link Allocators#ALL} order, unknown names after them. */
  public static List<String> columns(List<BenchResult> results) {
    Set<String> present = results.stream().map(BenchResult::impl)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    List<String> cols = new ArrayList<>();
    for (String known : Allocators.ALL) {
      if (present.remove(known)) {
        cols.add(known);
      }
    }
    cols.addAll(present);
    return cols;
  }

  /** The score cell: "27.1 ± 3.5" (unit appended unless ns/op). */
  public static String cell(BenchResult r) {
    String unit = "ns/op".equals(r.unit()) ? "" : " " + r.unit();
    String err = Double.isNaN(r.error()) ? "" : " ± " + number(r.error());
    return number(r.score()) + err + unit;
  }

  /** Three significant digits or so: 9.41, 27.1, 542, 1,813. */
  public static String number(double v) {
    double a = Math.abs(v);
    if (a < 10) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    if (a < 100) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  /** Benchmarks in the order the table lists them; others follow, by name. */
  static final List<String> ORDER = List.of("AllocFreeBench.allocFree",
      "AllocFreeTwoThreadsBench.allocFree", "WorstCaseBench.allocWorstCase", "NextBench.next",
      "PidLayerBench.allocFreePid", "PidLayerBench.findPidNsHit", "PidLayerBench.findPidNsMiss");

  /** Table order: by {@link #ORDER}, then by the case parameters (numbers as numbers). */
  static final Comparator<BenchResult> ROWS = Comparator
      .comparingInt((BenchResult r) -> ORDER.contains(r.benchmark())
          ? ORDER.indexOf(r.benchmark()) : ORDER.size())
      .thenComparing(BenchResult::benchmark)
      .thenComparing(r -> r.caseParams().toString(), Table::naturalOrder);

  private static int naturalOrder(String a, String b) {
    String[] x = a.split("\\D+");
    String[] y = b.split("\\D+");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (!x[i].isEmpty() && !y[i].isEmpty() && !x[i].equals(y[i])) {
        return Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
      }
    }
    return a.compareTo(b);
  }

  /** The whole markdown table, rows in {@link #ROWS} order. */
  public static String markdown(List<BenchResult> results) {
    List<String> cols = columns(results);
    Map<String, Map<String, BenchResult>> rows = new LinkedHashMap<>();
    List<BenchResult> sorted = new ArrayList<>(results);
    sorted.sort(ROWS);
    for (BenchResult r : sorted) {
      rows.computeIfAbsent(label(r), k -> new LinkedHashMap<>()).put(r.impl(), r);
    }
    StringBuilder sb = new StringBuilder("| workload (ns/op, ± 99.9% error) |");
    cols.forEach(c -> sb.append(' ').append(c).append(" |"));
    sb.append("\n|---|");
    cols.forEach(c -> sb.append("---:|"));
    sb.append('\n');
    rows.forEach((label, byImpl) -> {
      sb.append("| ").append(label).append(" |");
      for (String c : cols) {
        BenchResult r = byImpl.get(c);
        sb.append(' ').append(r == null ? "—" : cell(r)).append(" |");
      }
      sb.append('\n');
    });
    return sb.toString();
  }
}
