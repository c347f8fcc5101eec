package pidmap.engine;

import java.util.BitSet;
import pidmap.spec.InspectablePidAllocator;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * Compares the model's state with the candidate's after a step: last_pid, pid_max, the number of
 * allocated pids, the bit of the pid the step touched, which pages are installed and every
 * page's free counter; the whole allocated set after every step on a small geometry, else on
 * demand. On a large geometry, where the model's counters cost a count of its set, the
 * candidate's counters are held to the step's answer instead (only the touched page moves, by
 * one), and to the model's every {@link DifferentialEngine#FULL_CHECK_EVERY} steps.
 *
 * <p>Not thread-safe: one per engine.
 */
final class StateComparison {
  /** Above this many pages, the candidate's counters are not all read after every step. */
  static final int WATCH_EVERY_COUNTER_UP_TO = 4096;

  private final InspectablePidAllocator model;
  private final InspectablePidAllocator candidate;
  private final boolean small;
  private final int pages;
  private final int[] counters;

  StateComparison(InspectablePidAllocator model, InspectablePidAllocator candidate, boolean small) {
    this.model = model;
    this.candidate = candidate;
    this.small = small;
    this.pages = model.geometry().pidmapEntries();
    this.counters = pages <= WATCH_EVERY_COUNTER_UP_TO ? new int[pages] : null;
    if (counters != null) {
      for (int p = 0; p < pages; p++) {
        counters[p] = candidate.pageFreeCounter(p);
      }
    }
  }

  /**
   * Whether every page's installation is looked at after every step: on a small geometry; on a
   * large one only the pages a step touches or searches are, and all at a full comparison.
   */
  boolean watchesEveryPage() {
    return small;
  }

  /** The first difference after a step that answered {@code got}, or null. */
  String afterStep(Op op, Outcome got, BitSet watched) {
    if (model.lastPid() != candidate.lastPid()) {
      return "last_pid is " + model.lastPid() + " in the model but " + candidate.lastPid()
          + " in the impl";
    }
    if (model.pidMax() != candidate.pidMax()) {
      return "pid_max is " + model.pidMax() + " in the model but " + candidate.pidMax()
          + " in the impl";
    }
    if (model.allocatedCount() != candidate.allocatedCount()) {
      return model.allocatedCount() + " pids are allocated in the model but "
          + candidate.allocatedCount() + " in the impl";
    }
    int touched = DifferentialEngine.touchedPid(op, got, model.geometry());
    if (touched >= 0 && model.isAllocated(touched) != candidate.isAllocated(touched)) {
      return "pid " + touched + " is " + word(model.isAllocated(touched)) + " in the model but "
          + word(candidate.isAllocated(touched)) + " in the impl";
    }
    String pagesDiffer = pages(watched);
    if (pagesDiffer != null) {
      return pagesDiffer;
    }
    String countersDiffer =
        counters(op, got, touched < 0 ? -1 : model.geometry().pageOf(touched));
    if (countersDiffer != null) {
      return countersDiffer;
    }
    return small ? wholeSet() : null;
  }

  /** The whole allocated set and every page's installation and counter, now. */
  String fully() {
    BitSet all = new BitSet();
    all.set(0, pages);
    String differ = pages(all);
    for (int p = 0; differ == null && p < pages; p++) {
      differ = counter(p);
      if (counters != null) {
        counters[p] = candidate.pageFreeCounter(p);
      }
    }
    return differ != null ? differ : wholeSet();
  }

  private String pages(BitSet watched) {
    for (int p = watched.nextSetBit(0); p >= 0; p = watched.nextSetBit(p + 1)) {
      if (model.pageInstalled(p) != candidate.pageInstalled(p)) {
        return "page " + p + " is " + (model.pageInstalled(p) ? "" : "not ")
            + "installed in the model but " + (candidate.pageInstalled(p) ? "" : "not ")
            + "installed in the impl";
      }
    }
    return null;
  }

  /**
   * The counters after a step that touched {@code touchedPage} (-1 for none): on a small
   * geometry each equals the model's; on any geometry with a watched page array, the candidate's
   * changed only where the step's answer says (down one on the page of the pid handed out, up
   * one on the page of the pid freed); on the rest, the touched page's equals the model's.
   */
  private String counters(Op op, Outcome got, int touchedPage) {
    if (counters == null) {
      return touchedPage < 0 ? null : counter(touchedPage);
    }
    int delta = op.kind() == Op.Kind.ALLOC ? -1 : op.kind() == Op.Kind.FREE
        && got.kind() == Outcome.Kind.OK ? 1 : 0;
    for (int p = 0; p < pages; p++) {
      int now = candidate.pageFreeCounter(p);
      int want = counters[p] + (p == touchedPage ? delta : 0);
      if (now != want) {
        return "page " + p + "'s free counter went from " + counters[p] + " to " + now
            + " in the impl, but " + op + " answering " + got + " makes it " + want;
      }
      counters[p] = now;
      String differ = small ? counter(p) : null;
      if (differ != null) {
        return differ;
      }
    }
    return null;
  }

  private String counter(int page) {
    int m = model.pageFreeCounter(page);
    int c = candidate.pageFreeCounter(page);
    return m == c ? null
        : "page " + page + "'s free counter is " + m + " in the model but " + c + " in the impl";
  }

  private String wholeSet() {
    BitSet m = model.allocated();
    BitSet c = candidate.allocated();
    if (!m.equals(c)) {
      BitSet diff = (BitSet) m.clone();
      diff.xor(c);
      int pid = diff.nextSetBit(0);
      return "pid " + pid + " is " + word(m.get(pid)) + " in the model but " + word(c.get(pid))
          + " in the impl";
    }
    return null;
  }

  private static String word(boolean allocated) {
    return allocated ? "allocated" : "free";
  }
}
