package pidmap.explorer.interleave;

import java.util.ArrayList;
import java.util.List;

/**
 * An interleaving as a table, one column per thread and one row per step, in the manner of
 * Lincheck's interleaving tables: the operation a step starts, the access it makes, and the
 * answer when the operation ends. Stateless.
 */
final class InterleavingTable {
  private InterleavingTable() {}

  static String render(List<Interleaving.Edge> path, List<Interleaving.Edge> then, Plan plan) {
    int threads = plan.threads();
    List<String[]> rows = new ArrayList<>();
    for (Interleaving.Edge e : path) {
      rows.add(row(e, threads, plan));
    }
    if (!then.isEmpty()) {
      String[] sep = new String[threads];
      sep[0] = "(then, what it costs)";
      rows.add(sep);
      for (Interleaving.Edge e : then) {
        rows.add(row(e, threads, plan));
      }
    }
    int[] width = new int[threads];
    for (int t = 0; t < threads; t++) {
      width[t] = ("Thread " + (t + 1)).length();
      for (String[] r : rows) {
        width[t] = Math.max(width[t], r[t] == null ? 0 : r[t].length());
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, width);
    String[] head = new String[threads];
    for (int t = 0; t < threads; t++) {
      head[t] = "Thread " + (t + 1);
    }
    cells(b, head, width);
    line(b, width);
    for (String[] r : rows) {
      cells(b, r, width);
    }
    line(b, width);
    return b.toString();
  }

  private static String[] row(Interleaving.Edge e, int threads, Plan plan) {
    String[] r = new String[threads];
    StringBuilder c = new StringBuilder();
    if (e.started() != null) {
      c.append(e.started()).append(": ");
    } else {
      c.append("  ");
    }
    if (e.access() != null) {
      c.append(e.access().describe(plan.geometry().bitsPerPage()));
    }
    if (e.finished() != null) {
      c.append(e.access() != null ? "; " : "").append("=> ").append(e.finished());
    }
    r[e.thread()] = c.toString();
    return r;
  }

  private static void line(StringBuilder b, int[] width) {
    b.append('|');
    for (int w : width) {
      b.append("-".repeat(w + 2)).append('|');
    }
    b.append('\n');
  }

  private static void cells(StringBuilder b, String[] r, int[] width) {
    b.append('|');
    for (int t = 0; t < width.length; t++) {
      String c = r[t] == null ? "" : r[t];
      b.append(' ').append(c).append(" ".repeat(width[t] - c.length())).append(" |");
    }
    b.append('\n');
  }
}
