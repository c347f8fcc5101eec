package pidmap.explorer;

import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.ForwardingMemory;
import pidmap.impl.LastPidUpdate;
import pidmap.impl.PidmapMemory;

/**
 * Broken twins of the impl that the sequential explorer must catch: the real allocator on a
 * memory that gets one access wrong. Each is a {@link Candidate#onMemory} candidate. Test scope.
 */
final class MemoryTwins {
  private MemoryTwins() {}

  /** A free clears its bit but the page's counter is not given it back ([PIDMAP-2]). */
  static Candidate freeNotCounted() {
    return Candidate.onMemory("free not counted", (m, g, p) -> BitmapPidAllocator.on(
        new ForwardingMemory(m) {
          @Override
          public int getAndAddFree(int map, int delta) {
            return delta > 0 ? inner.loadFree(map) : inner.getAndAddFree(map, delta);
          }
        }, g, p, LastPidUpdate.SEED_PLAIN_STORE));
  }

  /** Installing page m >= 1 installs page m+1 too: memory no search asked for ([PIDMAP-3]). */
  static Candidate installsTheNextPageToo() {
    return Candidate.onMemory("installs the next page too", (m, g, p) -> BitmapPidAllocator.on(
        new ForwardingMemory(m) {
          @Override
          public long[] casFreshPage(int map) {
            if (map >= 1 && map + 1 < inner.slots()) {
              inner.casFreshPage(map + 1);
            }
            return inner.casFreshPage(map);
          }
        }, g, p, LastPidUpdate.SEED_PLAIN_STORE));
  }

  /** The constructor installs every page up front, as issue 14's review describes ([PIDMAP-3]). */
  static Candidate installsEveryPageUpFront() {
    return Candidate.onMemory("installs every page up front", (m, g, p) -> {
      for (int map = 0; map < m.slots(); map++) {
        m.casFreshPage(map);
      }
      return BitmapPidAllocator.on(m, g, p, LastPidUpdate.SEED_PLAIN_STORE);
    });
  }

  /** The seed's last_pid store is lost when the pid is the first of a page ([ALLOC-3]). */
  static Candidate lastPidStoreLostAtAPageStart() {
    return Candidate.onMemory("last_pid store lost at a page start", (m, g, p) ->
        BitmapPidAllocator.on(new ForwardingMemory(m) {
          @Override
          public void storeLastPid(int value) {
            if ((value & g.pageMask()) != 0) {
              inner.storeLastPid(value);
            }
          }
        }, g, p, LastPidUpdate.SEED_PLAIN_STORE));
  }

  /** The memory is fine; the impl keeps a count of its allocs outside it and skips every 100th. */
  static Candidate keepsStateOutsideItsMemory() {
    return Candidate.onMemory("keeps state outside its memory", (m, g, p) -> {
      BitmapPidAllocator a = BitmapPidAllocator.on(m, g, p, LastPidUpdate.SEED_PLAIN_STORE);
      return new pidmap.engine.broken.ForwardingAllocator(a) {
        private int allocs;

        @Override
        public int alloc() {
          int pid = impl.alloc();
          if (++allocs % 100 == 0 && pid > 0) {
            impl.free(pid);
            return impl.alloc();
          }
          return pid;
        }
      };
    });
  }
}
