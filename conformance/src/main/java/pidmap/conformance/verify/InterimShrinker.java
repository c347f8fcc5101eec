package pidmap.conformance.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Stand-in for {@code pidmap.conformance.Shrinker} (branch {@code gen}) with the same signature,
 * so that switching is a rename at the call sites; delete this class when that one is on main.
 * Delta debugging by complements (Zeller's ddmin without the subset pass, which at granularity
 * two is the same test): the result still fails and no single chunk at the finest granularity
 * tried can be removed. Stateless.
 */
public final class InterimShrinker {
  private InterimShrinker() {}

  public static <T> List<T> minimize(List<T> items, Predicate<List<T>> stillFails) {
    List<T> current = new ArrayList<>(items);
    if (stillFails.test(List.of())) {
      return List.of();
    }
    int n = 2;
    while (current.size() >= 2) {
      int size = current.size();
      int chunk = (size + n - 1) / n;
      boolean reduced = false;
      for (int from = 0; from < size; from += chunk) {
        List<T> complement = new ArrayList<>(current.subList(0, from));
        complement.addAll(current.subList(Math.min(size, from + chunk), size));
        if (stillFails.test(complement)) {
          current = complement;
          n = Math.max(n - 1, 2);
          reduced = true;
          break;
        }
      }
      if (!reduced) {
        if (n >= size) {
          break;
        }
        n = Math.min(size, 2 * n);
      }
    }
    return current;
  }
}
