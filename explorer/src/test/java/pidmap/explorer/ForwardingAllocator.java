package pidmap.explorer;

import java.util.BitSet;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Profile;

/** The impl behind a door: subclasses break one thing on purpose. Not thread-safe. */
abstract class ForwardingAllocator implements InspectablePidAllocator {
  protected final InspectablePidAllocator impl;

  ForwardingAllocator(Geometry g, Profile p) {
    this.impl = new BitmapPidAllocator(g, p);
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

  /** Never hands out pid 3: takes the next one and gives 3 back. */
  static final class SkipsPidThree extends ForwardingAllocator {
    SkipsPidThree(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    public int alloc() {
      int pid = impl.alloc();
      if (pid != 3) {
        return pid;
      }
      int instead = impl.alloc();
      if (instead == NO_PID) {
        return pid;
      }
      impl.free(3);
      return instead;
    }
  }

  /** Acknowledges a free of a pid on page 3 (pids 12-15 with 4 bits per page) but keeps it. */
  static final class KeepsFreedPidsOfPageThree extends ForwardingAllocator {
    KeepsFreedPidsOfPageThree(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    public void free(int pid) {
      if (pid >= 0 && geometry().pageOf(pid) == 3 && isAllocated(pid)) {
        return;
      }
      impl.free(pid);
    }
  }

  /** Reports a full page's free counter as if the page had never been installed. */
  static final class MisreportsFullPages extends ForwardingAllocator {
    MisreportsFullPages(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    public int pageFreeCounter(int page) {
      int n = impl.pageFreeCounter(page);
      return n == 0 ? geometry().bitsPerPage() : n;
    }
  }
}
