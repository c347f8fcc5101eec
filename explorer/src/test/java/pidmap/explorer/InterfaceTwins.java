package pidmap.explorer;

import pidmap.engine.broken.ForwardingAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;

/** Broken twins of the explorer that see only the allocator's interface. Not thread-safe. */
final class InterfaceTwins {
  private InterfaceTwins() {}

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
