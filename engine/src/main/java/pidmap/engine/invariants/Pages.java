package pidmap.engine.invariants;

import java.util.BitSet;
import pidmap.spec.InspectablePidAllocator;

/**
 * PIDMAP-3's predicate: a page is installed exactly when it is page 0 or some search has passed
 * through it (seed 66-69: pages are installed on first use and never freed; 136-149: the loop
 * installs each page it enters). Which pages the searches passed through is the engine's ledger
 * of brute-force scans ({@code pidmap.engine.scan}), not either allocator's word. Stateless.
 */
final class Pages {
  private Pages() {}

  static String violation(Step s) {
    InspectablePidAllocator a = s.allocator();
    BitSet watched = s.watchedPages();
    for (int p = watched.nextSetBit(0); p >= 0; p = watched.nextSetBit(p + 1)) {
      boolean installed = a.pageInstalled(p);
      boolean searched = s.pageSearched(p);
      if (installed && !searched) {
        return "page " + p + " is installed, but no search has passed through it"
            + (p == 0 ? "" : " (after " + s.op() + ")");
      }
      if (searched && !installed) {
        return "page " + p + " is not installed, but " + (p == 0 ? "page 0 exists from the start"
            : "a search has passed through it (after " + s.op() + ")");
      }
    }
    return null;
  }
}
