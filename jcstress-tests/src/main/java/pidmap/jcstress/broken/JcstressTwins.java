package pidmap.jcstress.broken;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.jcstress.Fixtures;

/**
 * The broken twins of the JCStress tests that are not allocators of their own
 * ({@link NonAtomicTestAndSetAllocator} is): each re-creates, in a few lines, the one piece of
 * the impl a test races on, with the one ordering or atomicity the impl relies on taken away,
 * and is named for that bug. Each is used by one {@code Broken_*} test, which runs the real
 * test's actors against it and grades the bad outcome ACCEPTABLE_INTERESTING.
 *
 * <p>Not thread-safe, by design: that is the point of each.
 */
public final class JcstressTwins {
  private JcstressTwins() {}

  /** Alloc_02's ForwardCas scenario on an allocator whose last_pid store is the seed's plain one. */
  public static final class PlainLastPidStoreForForwardCas {
    private PlainLastPidStoreForForwardCas() {}

    /** The impl from last_pid 300 with the plain store where the test expects the CAS. */
    public static BitmapPidAllocator from300() {
      BitmapPidAllocator a = Fixtures.allocator(512, 300, 512, LastPidUpdate.SEED_PLAIN_STORE);
      a.setLastPid(300);
      return a;
    }
  }

  /**
   * One page of four pids whose free counter is read, changed and written back in three plain
   * steps (the seed's atomic_inc/atomic_dec, lines 121 and 154, made non-atomic); the bits are
   * atomic. A racing alloc and free can lose one update: the counter ends off its bits.
   */
  public static final class NonAtomicPageCounter {
    private final AtomicLong bits = new AtomicLong(1L); // pid 0 taken
    private int nrFree = 3;

    /** Takes pid {@code pid} (0 < pid < 4): sets the bit, then the plain decrement. */
    public void take(int pid) {
      bits.getAndUpdate(w -> w | 1L << pid);
      int n = nrFree;
      nrFree = n - 1;
    }

    /**
     * The first pid from last_pid + 1 = 2 whose test-and-set wins (as the seed's search from
     * last_pid 1); -1 when the counter says the page is full.
     */
    public int alloc() {
      if (nrFree == 0) {
        return -1;
      }
      for (int pid = 2; pid < 4; pid++) {
        long bit = 1L << pid;
        long old = bits.getAndUpdate(w -> w | bit);
        if ((old & bit) == 0) {
          int n = nrFree;
          nrFree = n - 1; // the bug: a racing free's increment can be lost here
          return pid;
        }
      }
      return -1;
    }

    /** Clears the bit, then the plain increment. */
    public void free(int pid) {
      bits.getAndUpdate(w -> w & ~(1L << pid));
      int n = nrFree;
      nrFree = n + 1;
    }

    /** [PIDMAP-2] once both are done. */
    public boolean counterMatchesBits() {
      return nrFree == 4 - Long.bitCount(bits.get());
    }

    public boolean isAllocated(int pid) {
      return (bits.get() & 1L << pid) != 0;
    }
  }

  /**
   * Two pages of four pids, page 1 missing; alloc installs a missing page by a plain store into
   * the slot without looking again (seed 136-149 re-checks under pidmap_lock), then
   * test-and-sets the first clear bit of the page it installed. Two racing allocs can each
   * install a page and both take pid 4.
   */
  public static final class PageInstalledWithoutRecheck {
    private final AtomicReferenceArray<AtomicLong> pages = new AtomicReferenceArray<>(2);

    public PageInstalledWithoutRecheck() {
      pages.set(0, new AtomicLong(0b1111)); // page 0 full: pids 0-3
    }

    /** The first pid of page 1 this alloc wins, installing the page if it is missing. */
    public int alloc() {
      AtomicLong page = pages.get(1);
      if (page == null) {
        page = new AtomicLong();
        pages.set(1, page); // the bug: whatever a racer installed meanwhile is overwritten
      }
      for (int off = 0; off < 4; off++) {
        long w = page.get();
        if ((w & 1L << off) == 0 && page.compareAndSet(w, w | 1L << off)) {
          return 4 + off;
        }
      }
      return -1;
    }

    /** Bits set in page 1, as it ends up. */
    public int page1Bits() {
      AtomicLong page = pages.get(1);
      return page == null ? 0 : Long.bitCount(page.get());
    }
  }

  /**
   * next_pidmap over two pages of four pids that stops at the end of the page it starts in
   * (seed 192-198 goes on through every page slot): pids {0, 2, 5}, free(2) racing next(1).
   */
  public static final class NextStopsAtThePageEnd {
    private final AtomicLong[] pages = {new AtomicLong(0b0101), new AtomicLong(0b0010)};

    public void free(int pid) {
      pages[pid / 4].getAndUpdate(w -> w & ~(1L << (pid % 4)));
    }

    /** The smallest allocated pid above {@code last} on {@code last+1}'s page, or -1. */
    public int next(int last) {
      int start = last + 1;
      long w = pages[start / 4].get() & (-1L << (start % 4)) & 0b1111;
      return w == 0 ? -1 : (start / 4) * 4 + Long.numberOfTrailingZeros(w);
    }
  }

  /**
   * A pid count dropped in two plain steps, read and then write (put_pid's atomic_dec_and_test,
   * seed 210-211, made non-atomic): two racing puts from 2 can both read 2 and both write 1, and
   * neither releases.
   */
  public static final class NonAtomicPutCount {
    private int count = 2;
    private int releases;

    public void put() {
      int c = count;
      if (c == 1) {
        count = 0;
        releases++;
        return;
      }
      count = c - 1; // the bug: a racing put's decrement can be lost
      if (c - 1 == 0) {
        releases++;
      }
    }

    public int count() {
      return count;
    }

    public int releases() {
      return releases;
    }
  }

  /**
   * A hash chain, find_pid_ns's walk and hlist_add_head, as PidHashTable has them, but with the
   * new node's next and the head both stored plainly: the release that publishes the node is
   * weakened to a plain store, so a reader may see the new head before its next.
   */
  public static final class ChainPublishedPlainly {
    static final class Node {
      final int nr;
      Node next; // plain: the bug (the impl's is volatile, published by the head's release)

      Node(int nr) {
        this.nr = nr;
      }
    }

    private Node head;
    private final Node fresh;

    /**
     * A chain holding {@code firstNr}, and the node of {@code nextNr} built but not hashed, as
     * alloc_pid builds its Upids before it hashes them.
     */
    public ChainPublishedPlainly(int firstNr, int nextNr) {
      head = new Node(firstNr);
      fresh = new Node(nextNr);
    }

    /** hlist_add_head of the built node. */
    public void add() {
      fresh.next = head;
      head = fresh; // the bug: a plain store where the impl has setRelease
    }

    public int find(int nr) {
      for (Node u = head; u != null; u = u.next) {
        if (u.nr == nr) {
          return nr;
        }
      }
      return -1;
    }
  }

  /**
   * A hash chain whose unhash clears the removed node's next before it unlinks the node
   * (hlist_del_rcu, seed 232, keeps it so that a reader standing on the node goes on): a reader
   * on the removed head loses the rest of the chain.
   */
  public static final class ChainUnlinkClearsNext {
    static final class Node {
      final int nr;
      volatile Node next;

      Node(int nr, Node next) {
        this.nr = nr;
        this.next = next;
      }
    }

    private volatile Node head;

    /** A chain {@code second -> first}. */
    public ChainUnlinkClearsNext(int first, int second) {
      head = new Node(second, new Node(first, null));
    }

    /** Removes the head node. */
    public void removeHead() {
      Node h = head;
      Node rest = h.next;
      h.next = null; // the bug: readers standing on h lose the rest
      head = rest;
    }

    public int find(int nr) {
      for (Node u = head; u != null; u = u.next) {
        if (u.nr == nr) {
          return nr;
        }
      }
      return -1;
    }
  }
}
