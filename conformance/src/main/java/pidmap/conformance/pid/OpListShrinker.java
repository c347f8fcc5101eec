package pidmap.conformance.pid;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging (Zeller's ddmin, complement-only) over a list: removes ever smaller chunks
 * while the list still fails, down to single elements. The result still fails, and removing any
 * one element of it makes it pass (or the replay budget ran out). Not thread-safe.
 */
public final class OpListShrinker {
  private OpListShrinker() {}

  /**
   * A shortest-found sublist of {@code items} (order kept) for which {@code fails} holds.
   *
   * @param fails must hold for {@code items}
   * @param budget the most replays to spend
   */
  public static <T> List<T> shrink(List<T> items, Predicate<List<T>> fails, int budget) {
    List<T> cur = new ArrayList<>(items);
    int chunks = 2;
    int replays = 0;
    while (cur.size() >= 2 && replays < budget) {
      int size = (cur.size() + chunks - 1) / chunks;
      boolean reduced = false;
      for (int from = 0; from < cur.size() && replays < budget; from += size) {
        List<T> candidate = new ArrayList<>(cur.subList(0, from));
        candidate.addAll(cur.subList(Math.min(cur.size(), from + size), cur.size()));
        replays++;
        if (fails.test(candidate)) {
          cur = candidate;
          chunks = Math.max(chunks - 1, 2);
          reduced = true;
          break;
        }
      }
      if (!reduced) {
        if (chunks >= cur.size()) {
          break;
        }
        chunks = Math.min(chunks * 2, cur.size());
      }
    }
    return cur;
  }
}
