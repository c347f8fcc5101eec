package pidmap.model;

import java.util.ArrayList;
import java.util.List;
import pidmap.spec.Geometry;

/**
 * The search order of the seed's {@code alloc_pidmap} (Seed: pid.c lines 124-182), as ranges.
 *
 * <p>Write L = last_pid, P = pid_max, R = RESERVED_PIDS, B = BITS_PER_PAGE.
 *
 * <ol>
 *   <li><b>Start.</b> The search starts at s = L+1, or at R when L+1 &ge; P (seed 127-131).
 *   <li><b>Wrapped start</b> (s = R, which includes L = R-1): the candidates are [R, P). The
 *       final pass of the loop only re-reads page 0 from R, which the first pass already saw.
 *   <li><b>Otherwise</b> the candidates are [L+1, P), and then, after the wrap to offset R of
 *       page 0 (seed 174-175), the wrapped range:
 *       <ul>
 *         <li>nothing when L = R: the loop gives up at the wrap because last equals the wrap
 *             offset (seed 176-177), so pid R is not tried even when it is the only free pid;
 *         <li>nothing when L &lt; R: the wrapped range [R, L) is empty and everything from R up
 *             was in the forward range;
 *         <li>[R, L] when L &gt; R and L+1 or L is a multiple of B;
 *         <li>[R, L) when L &gt; R otherwise.
 *       </ul>
 * </ol>
 *
 * <p><b>Why L itself is (almost never) retried.</b> The loop makes max_scan+1 passes, one page
 * each (seed 134-135); the last pass is over the start page again, and there the do-while
 * condition (seed 166-168) only lets a probe continue to pids below L. Two things let L through:
 * when L+1 starts a page, max_scan is one smaller and the condition's last clause
 * {@code !((last+1) & BITS_PER_PAGE_MASK)} lifts the bound, so the last pass is the full page
 * before; and when L starts a page (L = kB, k &ge; 1), the last pass's first probe is at offset 0,
 * which the seed makes before it evaluates the condition. So a freed last_pid is handed out
 * again, when nothing else is free, exactly when L &gt; R and (L mod B = 0 or L mod B = B-1), or
 * when L = P-1 (the wrapped start covers it) — and never otherwise. With the kernel's geometry:
 * 32767, 32768, 65535, 65536, ... and pid_max-1.
 *
 * <p>Full pages are skipped by their counter (seed 151) and pages are installed on the way
 * (seed 136-149); neither changes which pid is found, so neither appears here.
 */
public final class SeedSearchRule implements SearchRule {

  @Override
  public List<Range> candidates(int lastPid, int pidMax, Geometry g) {
    List<Range> ranges = new ArrayList<>(2);
    ranges.add(new Range(forwardFrom(lastPid, pidMax, g), pidMax));
    int wrappedEnd = wrappedEnd(lastPid, pidMax, g);
    if (wrappedEnd > g.reservedPids()) {
      ranges.add(new Range(g.reservedPids(), wrappedEnd));
    }
    return ranges;
  }

  /** Where the forward range [s, P) starts: L+1, or R when L+1 &ge; P (the wrapped start). */
  public static int forwardFrom(int lastPid, int pidMax, Geometry g) {
    return (long) lastPid + 1 >= pidMax ? g.reservedPids() : lastPid + 1;
  }

  /**
   * Where the wrapped range [R, e) ends: L+1 or L as argued above, or R (the range is empty) for
   * the wrapped start and for L &le; R. For code that follows the seed's order on its own data
   * (the benchmarks' alternatives) without restating it.
   */
  public static int wrappedEnd(int lastPid, int pidMax, Geometry g) {
    int r = g.reservedPids();
    int b = g.bitsPerPage();
    if ((long) lastPid + 1 >= pidMax || lastPid <= r) {
      return r;
    }
    boolean pageEdge = lastPid % b == 0 || (lastPid + 1) % b == 0;
    return pageEdge ? lastPid + 1 : lastPid;
  }
}
