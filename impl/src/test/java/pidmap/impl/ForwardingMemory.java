package pidmap.impl;

/**
 * A memory behind a door: every access goes to {@code inner}; a test overrides the one access it
 * breaks or holds. Thread-safe as far as {@code inner} is.
 */
public class ForwardingMemory implements PidmapMemory {
  protected final PidmapMemory inner;

  public ForwardingMemory(PidmapMemory inner) {
    this.inner = inner;
  }

  @Override
  public int slots() {
    return inner.slots();
  }

  @Override
  public long[] loadSlot(int map) {
    return inner.loadSlot(map);
  }

  @Override
  public long[] casFreshPage(int map) {
    return inner.casFreshPage(map);
  }

  @Override
  public long[] storeFreshPage(int map) {
    return inner.storeFreshPage(map);
  }

  @Override
  public int loadFree(int map) {
    return inner.loadFree(map);
  }

  @Override
  public int getAndAddFree(int map, int delta) {
    return inner.getAndAddFree(map, delta);
  }

  @Override
  public long loadWord(long[] page, int w) {
    return inner.loadWord(page, w);
  }

  @Override
  public long getAndOrWord(long[] page, int w, long bits) {
    return inner.getAndOrWord(page, w, bits);
  }

  @Override
  public long getAndAndWord(long[] page, int w, long bits) {
    return inner.getAndAndWord(page, w, bits);
  }

  @Override
  public void storeWord(long[] page, int w, long value) {
    inner.storeWord(page, w, value);
  }

  @Override
  public int loadLastPid() {
    return inner.loadLastPid();
  }

  @Override
  public void storeLastPid(int value) {
    inner.storeLastPid(value);
  }

  @Override
  public void setLastPid(int value) {
    inner.setLastPid(value);
  }

  @Override
  public int casLastPid(int expected, int value) {
    return inner.casLastPid(expected, value);
  }

  @Override
  public int loadPidMax() {
    return inner.loadPidMax();
  }

  @Override
  public void storePidMax(int value) {
    inner.storePidMax(value);
  }

  @Override
  public void lock() {
    inner.lock();
  }

  @Override
  public void unlock() {
    inner.unlock();
  }
}
