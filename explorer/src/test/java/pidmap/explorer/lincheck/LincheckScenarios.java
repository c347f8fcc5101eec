package pidmap.explorer.lincheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

/**
 * Builds a Lincheck scenario from short lines such as {@code "alloc x7, free 2"}: the known
 * counterexamples, pinned so a test does not depend on the random search finding them.
 */
public final class LincheckScenarios {
  private LincheckScenarios() {}

  /**
   * @param ops the operations class
   * @param init the operations run before the parallel part, e.g. {@code "alloc x3, free 2"}
   * @param threads one line per thread of the parallel part
   * @param post the operations run after it ("" for none)
   */
  public static ExecutionScenario of(Class<?> ops, String init, List<String> threads, String post) {
    List<List<Actor>> parallel = new ArrayList<>();
    for (String t : threads) {
      parallel.add(actors(ops, t));
    }
    return new ExecutionScenario(actors(ops, init), parallel, actors(ops, post), null);
  }

  private static List<Actor> actors(Class<?> ops, String line) {
    List<Actor> out = new ArrayList<>();
    for (String part : line.split(",")) {
      String[] w = part.trim().split("\\s+");
      if (w[0].isEmpty()) {
        continue;
      }
      int times = 1;
      Integer arg = null;
      for (int i = 1; i < w.length; i++) {
        if (w[i].startsWith("x")) {
          times = Integer.parseInt(w[i].substring(1));
        } else {
          arg = Integer.parseInt(w[i]);
        }
      }
      for (int k = 0; k < times; k++) {
        out.add(actor(ops, w[0], arg));
      }
    }
    return out;
  }

  private static Actor actor(Class<?> ops, String name, Integer arg) {
    try {
      Method m = arg == null ? ops.getMethod(name) : ops.getMethod(name, int.class);
      return new Actor(m, arg == null ? List.of() : List.of(arg));
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("no operation " + name + " in " + ops, e);
    }
  }
}
