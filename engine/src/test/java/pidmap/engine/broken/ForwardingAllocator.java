package pidmap.engine.broken;

import java.util.BitSet;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Profile;

/**
 * An allocator behind a door: every call goes to {@code impl}; a subclass breaks one thing on
 * purpose (a broken twin of a check that sees only the allocator's interface). As thread-safe as
 * {@code impl} and the subclass.
 */
public abstract class ForwardingAllocator implements InspectablePidAllocator {
  protected final InspectablePidAllocator impl;

  protected ForwardingAllocator(InspectablePidAllocator impl) {
    this.impl = impl;
  }

  /** The impl on {@code g} and {@code p}, behind the door. */
  protected ForwardingAllocator(Geometry g, Profile p) {
    this(new BitmapPidAllocator(g, p));
  }

  @Override
  public Geometry geometry() {
    return impl.geometry();
  }

  @Override
  public Profile profile() {
    return impl.profile();
  }

  @Override
  public int alloc() {
    return impl.alloc();
  }

  @Override
  public void free(int pid) {
    impl.free(pid);
  }

  @Override
  public int next(int last) {
    return impl.next(last);
  }

  @Override
  public boolean isAllocated(int pid) {
    return impl.isAllocated(pid);
  }

  @Override
  public int pidMax() {
    return impl.pidMax();
  }

  @Override
  public void setPidMax(int pidMax) {
    impl.setPidMax(pidMax);
  }

  @Override
  public int lastPid() {
    return impl.lastPid();
  }

  @Override
  public void setLastPid(int lastPid) {
    impl.setLastPid(lastPid);
  }

  @Override
  public int allocatedCount() {
    return impl.allocatedCount();
  }

  @Override
  public BitSet allocated() {
    return impl.allocated();
  }

  @Override
  public boolean pageInstalled(int page) {
    return impl.pageInstalled(page);
  }

  @Override
  public int pageFreeCounter(int page) {
    return impl.pageFreeCounter(page);
  }

  @Override
  public int pageSetBits(int page) {
    return impl.pageSetBits(page);
  }
}
