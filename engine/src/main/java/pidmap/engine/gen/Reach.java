package pidmap.engine.gen;

import java.util.LinkedHashMap;
import java.util.Map;
import pidmap.spec.Geometry;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * What a campaign's traces reached, counted from the model's last_pid and pid_max before each
 * alloc and the alloc's answer: the states where allocators go wrong, so that a row that passes
 * says whether it got there. Write L = last_pid, P = pid_max, B = bits_per_page.
 *
 * <ul>
 *   <li><b>wraps</b>: allocs that handed out a pid at or below L (the search ran past pid_max and
 *       came round);
 *   <li><b>exhaustions</b>: allocs that failed, and among them those with P above one page
 *       (where the page-edge quirks live on the kernel's geometry: 32767, 32768);
 *   <li><b>page edges crossed</b>: allocs that handed out a pid on another page than L+1's;
 *   <li><b>last_pid reused at a page edge</b>: allocs that handed out L itself where L is the first
 *       or last pid of a page (the seed's quirk, docs/SEMANTICS.md).
 * </ul>
 *
 * <p>Mutable while a campaign counts; not thread-safe.
 */
public final class Reach {
  private long wraps;
  private long exhaustions;
  private long exhaustionsAboveOnePage;
  private long pageEdgesCrossed;
  private long lastPidReusedAtPageEdge;

  /** Counts one step that answered {@code outcome} from last_pid {@code last}, pid_max {@code max}. */
  public void count(Geometry g, int last, int max, Op op, Outcome outcome) {
    if (op.kind() != Op.Kind.ALLOC) {
      return;
    }
    int b = g.bitsPerPage();
    if (outcome.kind() == Outcome.Kind.ERRNO) {
      exhaustions++;
      if (max > b) {
        exhaustionsAboveOnePage++;
      }
      return;
    }
    if (outcome.kind() != Outcome.Kind.PID) {
      return;
    }
    int pid = outcome.pid();
    if (pid <= last) {
      wraps++;
    }
    if (g.pageOf(pid) != g.pageOf(Math.min(last + 1, g.pidMaxLimit() - 1))) {
      pageEdgesCrossed++;
    }
    if (pid == last && last > 0 && (last % b == 0 || last % b == b - 1)) {
      lastPidReusedAtPageEdge++;
    }
  }

  /** Adds {@code other}'s counts to these. */
  public void add(Reach other) {
    wraps += other.wraps;
    exhaustions += other.exhaustions;
    exhaustionsAboveOnePage += other.exhaustionsAboveOnePage;
    pageEdgesCrossed += other.pageEdgesCrossed;
    lastPidReusedAtPageEdge += other.lastPidReusedAtPageEdge;
  }

  public long wraps() {
    return wraps;
  }

  public long exhaustions() {
    return exhaustions;
  }

  /** Exhaustions with pid_max above bits_per_page. */
  public long exhaustionsAboveOnePage() {
    return exhaustionsAboveOnePage;
  }

  public long pageEdgesCrossed() {
    return pageEdgesCrossed;
  }

  public long lastPidReusedAtPageEdge() {
    return lastPidReusedAtPageEdge;
  }

  /** The counts by name, in a fixed order, for a report. */
  public Map<String, Long> asMap() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("wraps", wraps);
    m.put("exhaustions", exhaustions);
    m.put("exhaustions above one page", exhaustionsAboveOnePage);
    m.put("page edges crossed", pageEdgesCrossed);
    m.put("last_pid reused at a page edge", lastPidReusedAtPageEdge);
    return m;
  }

  /** One line, e.g. {@code wraps 12, exhaustions 3 (2 above one page), ...}. */
  @Override
  public String toString() {
    return "wraps " + wraps + ", exhaustions " + exhaustions + " (" + exhaustionsAboveOnePage
        + " above one page), page edges crossed " + pageEdgesCrossed
        + ", last_pid reused at a page edge " + lastPidReusedAtPageEdge;
  }
}
