package pidmap.explorer;

import java.util.ArrayList;
import java.util.List;
import pidmap.impl.PidmapMemory;

/**
 * A {@link SequentialMemory} that also logs every access while {@link #recording}: what the real
 * allocator code read and wrote during one operation, for {@link Replays}. An access to a page no
 * slot holds (one a plain store replaced) cannot be replayed from slot numbers, and marks the
 * log {@link #replayable} false. Not thread-safe: one per worker thread.
 */
final class RecordingMemory implements PidmapMemory {
  final SequentialMemory memory;
  final List<Access> log = new ArrayList<>();
  boolean recording;
  boolean replayable = true;

  RecordingMemory(SequentialMemory memory) {
    this.memory = memory;
  }

  /** Starts a new log. */
  void record() {
    log.clear();
    recording = true;
    replayable = true;
  }

  private void note(int kind, int slot, int word, long arg, int arg2, long value) {
    if (recording) {
      log.add(new Access(kind, slot, word, arg, arg2, value));
    }
  }

  private int slotOf(long[] page) {
    for (int m = 0; m < memory.slots(); m++) {
      if (memory.loadSlot(m) == page) {
        return m;
      }
    }
    replayable = false;
    return -1;
  }

  @Override
  public int slots() {
    return memory.slots();
  }

  @Override
  public long[] loadSlot(int map) {
    long[] page = memory.loadSlot(map);
    note(Access.LOAD_SLOT, map, 0, 0, 0, page == null ? 0 : 1);
    return page;
  }

  @Override
  public long[] casFreshPage(int map) {
    boolean had = memory.loadSlot(map) != null;
    note(Access.CAS_FRESH, map, 0, 0, 0, had ? 1 : 0);
    return memory.casFreshPage(map);
  }

  @Override
  public long[] storeFreshPage(int map) {
    boolean had = memory.loadSlot(map) != null;
    if (had) {
      replayable = false; // the page it replaces may still be in a caller's hands
    }
    note(Access.STORE_FRESH, map, 0, 0, 0, had ? 1 : 0);
    return memory.storeFreshPage(map);
  }

  @Override
  public int loadFree(int map) {
    int v = memory.loadFree(map);
    note(Access.LOAD_FREE, map, 0, 0, 0, v);
    return v;
  }

  @Override
  public int getAndAddFree(int map, int delta) {
    int v = memory.getAndAddFree(map, delta);
    note(Access.ADD_FREE, map, 0, delta, 0, v);
    return v;
  }

  @Override
  public long loadWord(long[] page, int w) {
    long v = memory.loadWord(page, w);
    note(Access.LOAD_WORD, slotOf(page), w, 0, 0, v);
    return v;
  }

  @Override
  public long getAndOrWord(long[] page, int w, long bits) {
    int slot = slotOf(page);
    long v = memory.getAndOrWord(page, w, bits);
    note(Access.OR_WORD, slot, w, bits, 0, v);
    return v;
  }

  @Override
  public long getAndAndWord(long[] page, int w, long bits) {
    int slot = slotOf(page);
    long v = memory.getAndAndWord(page, w, bits);
    note(Access.AND_WORD, slot, w, bits, 0, v);
    return v;
  }

  @Override
  public void storeWord(long[] page, int w, long value) {
    int slot = slotOf(page);
    memory.storeWord(page, w, value);
    note(Access.STORE_WORD, slot, w, value, 0, 0);
  }

  @Override
  public int loadLastPid() {
    int v = memory.loadLastPid();
    note(Access.LOAD_LAST, -1, 0, 0, 0, v);
    return v;
  }

  @Override
  public void storeLastPid(int value) {
    memory.storeLastPid(value);
    note(Access.STORE_LAST, -1, 0, value, 0, 0);
  }

  @Override
  public void setLastPid(int value) {
    memory.setLastPid(value);
    note(Access.SET_LAST, -1, 0, value, 0, 0);
  }

  @Override
  public int casLastPid(int expected, int value) {
    int v = memory.casLastPid(expected, value);
    note(Access.CAS_LAST, -1, 0, expected, value, v);
    return v;
  }

  @Override
  public int loadPidMax() {
    int v = memory.loadPidMax();
    note(Access.LOAD_MAX, -1, 0, 0, 0, v);
    return v;
  }

  @Override
  public void storePidMax(int value) {
    memory.storePidMax(value);
    note(Access.STORE_MAX, -1, 0, value, 0, 0);
  }

  @Override
  public void lock() {
    memory.lock(); // no value is read: nothing to note
  }

  @Override
  public void unlock() {
    memory.unlock();
  }
}
