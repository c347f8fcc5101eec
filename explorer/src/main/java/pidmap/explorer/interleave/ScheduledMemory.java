package pidmap.explorer.interleave;

import java.util.Arrays;
import pidmap.explorer.Access;
import pidmap.impl.PidmapMemory;
import pidmap.spec.Geometry;

/**
 * The shared memory of the interleaving explorer: explicit words (page slots, pages, counters,
 * last_pid, pid_max) that a state holds and restores, and a scheduler at every access. A step of
 * one thread re-runs its current operation from the start: the accesses it already made return
 * what they read then, without touching memory; the next access is made on the memory and noted;
 * the one after that stops the thread ({@link Preempted}) until it is scheduled again. The real
 * allocator code is deterministic in what it reads, so the re-run retraces the same accesses,
 * which each step checks.
 *
 * <p>Pages are numbered: page id {@code slot + slots * k} is the k-th page ever put in that slot
 * (there is only ever one unless a plain store replaces one), and each id has one {@code long[]}
 * handle, so a page a thread still holds after it was replaced keeps its own bits.
 *
 * <p>Not thread-safe: the explorer runs every thread's steps on its own thread, one at a time.
 */
final class ScheduledMemory implements PidmapMemory {

  /** Stops a thread at its next access. Carries no stack trace. */
  static final class Preempted extends Error {
    static final Preempted INSTANCE = new Preempted();

    private Preempted() {
      super(null, null, false, false);
    }
  }

  /** Stops a thread whose next access waits for a lock another thread holds. */
  static final class Blocked extends Error {
    static final Blocked INSTANCE = new Blocked();

    private Blocked() {
      super(null, null, false, false);
    }
  }

  /** At most this many pages per slot. */
  static final int GENERATIONS = 4;
  /** In the value of an install: set when this access put the page there. */
  static final long PUT = 1L << 40;

  private final int slots;
  private final int wordsPerPage;
  private final long[][] handles;
  // the shared state
  final int[] slot;
  final int[] nrFree;
  final long[] words;
  final int[] generation;
  int lastPid;
  int pidMax;
  /** The thread holding pidmap_lock, or -1. */
  int lockOwner = -1;
  /** The thread making the step. */
  int runner;
  // the step
  private long[] replayValues = new long[0];
  private int[] replayCodes = new int[0];
  private int replayed;
  private int cursor;
  /** The access the step made, or null. */
  Access made;
  /** last_pid before the step's access. */
  int lastPidBefore;
  /** Whether accesses are scheduled (false while the allocator is built). */
  boolean scheduling;

  ScheduledMemory(Geometry g) {
    this.slots = g.pidmapEntries();
    this.wordsPerPage = Math.max(1, g.bitsPerPage() >>> 6);
    if (g.bitsPerPage() > 64) {
      throw new IllegalArgumentException("the interleaving explorer takes pages of at most 64"
          + " bits; bits_per_page " + g.bitsPerPage());
    }
    this.handles = new long[slots * GENERATIONS][];
    for (int id = 0; id < handles.length; id++) {
      handles[id] = new long[wordsPerPage];
    }
    this.slot = new int[slots];
    Arrays.fill(slot, -1);
    this.nrFree = new int[slots];
    Arrays.fill(nrFree, g.bitsPerPage());
    this.words = new long[handles.length];
    this.generation = new int[slots];
    this.pidMax = g.defaultPidMax();
  }

  /** Starts a step that replays what the run's accesses read and then makes one more. */
  void step(Run r) {
    replayValues = r.values;
    replayCodes = r.codes;
    replayed = r.values.length;
    cursor = 0;
    made = null;
    lastPidBefore = lastPid;
  }

  /** The page id of a handle. */
  int idOf(long[] page) {
    for (int id = 0; id < handles.length; id++) {
      if (handles[id] == page) {
        return id;
      }
    }
    throw new IllegalStateException("a page handle this memory did not hand out");
  }

  private long[] handle(long value) {
    return value == 0 ? null : handles[(int) value - 1];
  }

  /**
   * The value this access reads if it is a replayed one (its kind and arguments checked against
   * the log), or null when it is the step's own access; throws {@link Preempted} after that.
   */
  private Access replayed(int kind, int place, long arg, int arg2) {
    if (!scheduling) {
      return null;
    }
    Access want = access(kind, place, arg, arg2, 0);
    if (cursor < replayed) {
      int at = cursor++;
      if (Run.code(want) != replayCodes[at]) {
        throw new IllegalStateException("a re-run made access " + want + " where the first run"
            + " made another: the allocator is not deterministic in what it reads");
      }
      return access(kind, place, arg, arg2, replayValues[at]);
    }
    if (made != null) {
      throw Preempted.INSTANCE;
    }
    cursor++;
    return null;
  }

  private <T> T note(int kind, int place, long arg, int arg2, long value, T result) {
    if (scheduling) {
      made = access(kind, place, arg, arg2, value);
    }
    return result;
  }

  /**
   * An access at {@code place}: a slot, -1 for last_pid and pid_max, or for a word access the
   * page id, noted as its slot and (in the word field) which page of that slot it is.
   */
  private Access access(int kind, int place, long arg, int arg2, long value) {
    boolean word = kind == Access.LOAD_WORD || kind == Access.OR_WORD
        || kind == Access.AND_WORD || kind == Access.STORE_WORD;
    return word ? new Access(kind, place % slots, place / slots, arg, arg2, value)
        : new Access(kind, place, 0, arg, arg2, value);
  }

  @Override
  public int slots() {
    return slots;
  }

  @Override
  public long[] loadSlot(int map) {
    Access a = replayed(Access.LOAD_SLOT, map, 0, 0);
    if (a != null) {
      return handle(a.value());
    }
    long v = slot[map] + 1;
    return note(Access.LOAD_SLOT, map, 0, 0, v, handle(v));
  }

  /** The value of an install: the page's id plus 1, and {@link #PUT} when it put it there. */
  @Override
  public long[] casFreshPage(int map) {
    Access a = replayed(Access.CAS_FRESH, map, 0, 0);
    if (a != null) {
      return handle(a.value() & ~PUT);
    }
    if (slot[map] >= 0) {
      long v = slot[map] + 1;
      return note(Access.CAS_FRESH, map, 0, 0, v, handle(v));
    }
    long v = fresh(map) + 1;
    return note(Access.CAS_FRESH, map, 0, 0, v | PUT, handle(v));
  }

  @Override
  public long[] storeFreshPage(int map) {
    Access a = replayed(Access.STORE_FRESH, map, 0, 0);
    if (a != null) {
      return handle(a.value() & ~PUT);
    }
    boolean had = slot[map] >= 0;
    long v = fresh(map) + 1;
    return note(Access.STORE_FRESH, map, 0, 0, had ? v : v | PUT, handle(v));
  }

  /** A new zeroed page put in slot {@code map}; its id. */
  private int fresh(int map) {
    if (generation[map] == GENERATIONS) {
      throw new IllegalStateException("more than " + GENERATIONS + " pages put in slot " + map);
    }
    int id = map + slots * generation[map]++;
    words[id] = 0;
    slot[map] = id;
    return id;
  }

  @Override
  public int loadFree(int map) {
    Access a = replayed(Access.LOAD_FREE, map, 0, 0);
    if (a != null) {
      return (int) a.value();
    }
    return note(Access.LOAD_FREE, map, 0, 0, nrFree[map], nrFree[map]);
  }

  @Override
  public int getAndAddFree(int map, int delta) {
    Access a = replayed(Access.ADD_FREE, map, delta, 0);
    if (a != null) {
      return (int) a.value();
    }
    int old = nrFree[map];
    nrFree[map] = old + delta;
    return note(Access.ADD_FREE, map, delta, 0, old, old);
  }

  @Override
  public long loadWord(long[] page, int w) {
    int id = idOf(page);
    Access a = replayed(Access.LOAD_WORD, id, 0, 0);
    if (a != null) {
      return a.value();
    }
    return note(Access.LOAD_WORD, id, 0, 0, words[id], words[id]);
  }

  @Override
  public long getAndOrWord(long[] page, int w, long bits) {
    int id = idOf(page);
    Access a = replayed(Access.OR_WORD, id, bits, 0);
    if (a != null) {
      return a.value();
    }
    long old = words[id];
    words[id] = old | bits;
    return note(Access.OR_WORD, id, bits, 0, old, old);
  }

  @Override
  public long getAndAndWord(long[] page, int w, long bits) {
    int id = idOf(page);
    Access a = replayed(Access.AND_WORD, id, bits, 0);
    if (a != null) {
      return a.value();
    }
    long old = words[id];
    words[id] = old & bits;
    return note(Access.AND_WORD, id, bits, 0, old, old);
  }

  @Override
  public void storeWord(long[] page, int w, long value) {
    int id = idOf(page);
    if (replayed(Access.STORE_WORD, id, value, 0) != null) {
      return;
    }
    words[id] = value;
    note(Access.STORE_WORD, id, value, 0, 0, null);
  }

  @Override
  public int loadLastPid() {
    Access a = replayed(Access.LOAD_LAST, -1, 0, 0);
    if (a != null) {
      return (int) a.value();
    }
    return note(Access.LOAD_LAST, -1, 0, 0, lastPid, lastPid);
  }

  @Override
  public void storeLastPid(int value) {
    if (replayed(Access.STORE_LAST, -1, value, 0) != null) {
      return;
    }
    lastPid = value;
    note(Access.STORE_LAST, -1, value, 0, 0, null);
  }

  @Override
  public void setLastPid(int value) {
    if (replayed(Access.SET_LAST, -1, value, 0) != null) {
      return;
    }
    lastPid = value;
    note(Access.SET_LAST, -1, value, 0, 0, null);
  }

  @Override
  public int casLastPid(int expected, int value) {
    Access a = replayed(Access.CAS_LAST, -1, expected, value);
    if (a != null) {
      return (int) a.value();
    }
    int old = lastPid;
    if (old == expected) {
      lastPid = value;
    }
    return note(Access.CAS_LAST, -1, expected, value, old, old);
  }

  @Override
  public int loadPidMax() {
    Access a = replayed(Access.LOAD_MAX, -1, 0, 0);
    if (a != null) {
      return (int) a.value();
    }
    return note(Access.LOAD_MAX, -1, 0, 0, pidMax, pidMax);
  }

  @Override
  public void storePidMax(int value) {
    if (replayed(Access.STORE_MAX, -1, value, 0) != null) {
      return;
    }
    pidMax = value;
    note(Access.STORE_MAX, -1, value, 0, 0, null);
  }

  @Override
  public void lock() {
    if (replayed(Access.LOCK, -1, 0, 0) != null) {
      return;
    }
    if (scheduling && lockOwner >= 0 && lockOwner != runner) {
      throw Blocked.INSTANCE; // no step for this thread until the holder releases it
    }
    lockOwner = scheduling ? runner : -1;
    note(Access.LOCK, -1, 0, 0, 0, null);
  }

  @Override
  public void unlock() {
    if (replayed(Access.UNLOCK, -1, 0, 0) != null) {
      return;
    }
    lockOwner = -1;
    note(Access.UNLOCK, -1, 0, 0, 0, null);
  }
}
