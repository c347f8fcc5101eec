package pidmap.explorer;

import java.util.List;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * The real allocator on the explorer's memory, with every distinct run of an operation
 * remembered. The allocator is deterministic and keeps all its state in its memory, so what an
 * operation does is a function of the values its memory accesses read: each operation has a
 * decision tree whose nodes are the accesses the real code made, in order, branching on the value
 * each read, and whose leaves are the answers. A step walks the tree against the state, applying
 * each access's write as it goes; where the tree has no branch yet for a value, the real code runs
 * on the {@link RecordingMemory} put at the state, and its log becomes that branch. Every
 * {@value #CHECK_EVERY}th walk is also run for real and must agree, and a run whose log cannot be
 * replayed (an access to a page no slot holds) is run for real every time.
 *
 * <p>Not thread-safe: one per worker thread.
 */
final class Replays implements Candidate.Positioned {
  static final int CHECK_EVERY = 1024;

  private final Geometry g;
  private final int bpp;
  private final long pageMask;
  private final RecordingMemory recorder;
  private final SequentialMemory memory;
  private final InspectablePidAllocator allocator;
  private final ReplayNode[] roots;
  private final int limit;
  private long state;
  private long walks;
  // the walk's current state; the counters of slots in counted are in free, the others are
  // bits_per_page minus the bits the slot's page had at the start
  private long set;
  private int counted;
  /** Slots whose page, bits or counter the walk changed; -1 bit 31 for last_pid or pid_max. */
  private int dirty;
  private int installed;
  private final int[] free;
  private int last;
  private int pidMax;
  /** Whether the last step ran for real (the memory, not the walk, holds its successor). */
  private boolean ranForReal;

  Replays(Candidate.MemoryFactory factory, Geometry g, Profile p) {
    this.g = g;
    this.bpp = g.bitsPerPage();
    this.pageMask = (1L << bpp) - 1;
    this.memory = new SequentialMemory(g);
    this.recorder = new RecordingMemory(memory);
    this.allocator = factory.create(recorder, g, p);
    this.limit = g.pidMaxLimit();
    this.roots = new ReplayNode[(limit + 3) * 8];
    this.free = new int[g.pidmapEntries()];
  }

  @Override
  public void position(long s, List<Op> path) {
    state = s;
  }

  @Override
  public int run(int code, PidmapException[] refusal) {
    int slot = (Ops.arg(code) + 1) * 8 + Ops.kind(code);
    ReplayNode root = roots[slot];
    if (root != null && ++walks % CHECK_EVERY != 0) {
      ReplayNode leaf = walk(root);
      if (leaf != null) {
        ranForReal = false;
        refusal[0] = leaf.refusal;
        return leaf.answer;
      }
    }
    int answer = runForReal(code, refusal);
    if (!recorder.replayable) {
      return answer;
    }
    if (root == null) {
      root = roots[slot] = ReplayNode.of(recorder.log.isEmpty() ? null : recorder.log.get(0));
    }
    // a checked run must retrace its path
    root.add(recorder.log, answer, answer == Ops.REFUSED ? refusal[0] : null, code);
    return answer;
  }

  private int runForReal(int code, PidmapException[] refusal) {
    memory.position(state);
    recorder.record();
    try {
      int answer = Ops.run(allocator, code, refusal);
      ranForReal = true;
      return answer;
    } finally {
      recorder.recording = false;
    }
  }

  /** Walks the tree from {@code node} against the state; the leaf, or null where it ends. */
  private ReplayNode walk(ReplayNode node) {
    set = StateCode.set(state);
    installed = StateCode.installed(state);
    counted = 0;
    dirty = 0;
    last = StateCode.lastPid(state);
    pidMax = StateCode.pidMax(state);
    while (node != null && !node.leaf) {
      Access a = node.access;
      long v = apply(a);
      node = node.child(v);
    }
    return node;
  }

  /** Reads and writes as access {@code a} does, on the walk's state; the value it reads. */
  private long apply(Access a) {
    int m = a.slot();
    int shift = m * bpp;
    switch (a.kind()) {
      case Access.LOAD_SLOT:
        return (installed >>> m) & 1;
      case Access.CAS_FRESH:
      case Access.STORE_FRESH: {
        long had = (installed >>> m) & 1;
        installed |= 1 << m;
        dirty |= 1 << m;
        return had;
      }
      case Access.LOAD_FREE:
        return counter(m);
      case Access.ADD_FREE: {
        int v = counter(m);
        free[m] = v + (int) a.arg();
        dirty |= 1 << m;
        return v;
      }
      case Access.LOAD_WORD:
        return (set >>> shift) & pageMask;
      case Access.OR_WORD: {
        long v = (set >>> shift) & pageMask;
        set |= (a.arg() & pageMask) << shift;
        dirty |= 1 << m;
        return v;
      }
      case Access.AND_WORD: {
        long v = (set >>> shift) & pageMask;
        set &= ~((~a.arg() & pageMask) << shift);
        dirty |= 1 << m;
        return v;
      }
      case Access.STORE_WORD:
        set = (set & ~(pageMask << shift)) | ((a.arg() & pageMask) << shift);
        dirty |= 1 << m;
        return 0;
      case Access.LOAD_LAST:
        return last;
      case Access.STORE_LAST:
      case Access.SET_LAST:
        last = (int) a.arg();
        dirty |= SCALARS;
        return 0;
      case Access.CAS_LAST: {
        int v = last;
        if (v == (int) a.arg()) {
          last = a.arg2();
          dirty |= SCALARS;
        }
        return v;
      }
      case Access.LOAD_MAX:
        return pidMax;
      case Access.STORE_MAX:
        pidMax = (int) a.arg();
        dirty |= SCALARS;
        return 0;
      default:
        throw new AssertionError(a);
    }
  }

  private static final int SCALARS = 1 << 31;

  /** Slot {@code m}'s counter now: as the walk left it, or as the state implies. */
  private int counter(int m) {
    if ((counted & (1 << m)) == 0) {
      long start = StateCode.set(state);
      free[m] = (StateCode.installed(state) & (1 << m)) == 0 ? bpp
          : bpp - Long.bitCount((start >>> (m * bpp)) & pageMask);
      counted |= 1 << m;
    }
    return free[m];
  }

  @Override
  public String differs(long expected, long before) {
    if (ranForReal) {
      return ConcreteState.differs(memory, expected, g);
    }
    if (dirty == 0) {
      return expected == state ? null : slowDiffers(expected);
    }
    if (StateCode.of(set, last, pidMax, installed) != expected) {
      return slowDiffers(expected);
    }
    for (int rest = dirty & ~SCALARS; rest != 0; rest &= rest - 1) {
      int m = Integer.numberOfTrailingZeros(rest);
      if (counter(m) != bpp - Long.bitCount((set >>> (m * bpp)) & pageMask)) {
        return slowDiffers(expected);
      }
    }
    return null;
  }

  private String slowDiffers(long expected) {
    for (int m = 0; m < free.length; m++) {
      counter(m);
    }
    return ConcreteState.differs(set, installed, free, last, pidMax, expected, g);
  }
}
