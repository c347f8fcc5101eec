package pidmap.impl;

import pidmap.spec.Geometry;

/**
 * The pages of one pid bitmap: the lazily installed pages in their slots, each slot's free
 * counter, and the bit operations on a page (the seed's pidmap array, lines 53-82, with
 * test_and_set_bit, clear_bit and find_next_zero_bit). Each method names the accesses of
 * {@link PidmapMemory} it makes, in order; their orderings are the memory's.
 *
 * <p>Thread-safe and lock-free, as its memory: a claim and a release are each one atomic
 * read-modify-write of a word followed by one of a counter, so the counter lags its page by at
 * most the claims and releases in flight; the finders read words one at a time and may see a
 * stale word, which callers tolerate (a stale "set" skips a pid that the next pass sees; a stale
 * "clear" is caught by the test-and-set that follows).
 *
 * <p>Not final, and its methods package-private, so that a test-scope variant in this package
 * can break one step (a non-atomic test-and-set, a counter taken before the bit is won, an
 * install without the re-check) and be handed to {@link BitmapPidAllocator}'s package-private
 * constructor; nothing in main extends it.
 */
class Pages {
  final PidmapMemory memory;
  final int bitsPerPage;
  final int shift;
  final int mask;
  private final long valid;

  Pages(Geometry g, PidmapMemory memory) {
    this.memory = memory;
    this.bitsPerPage = g.bitsPerPage();
    this.shift = g.pageShift();
    this.mask = g.pageMask();
    this.valid = Bits.valid(bitsPerPage);
  }

  /** The page in slot {@code map}, or null: one acquire load of the slot. */
  long[] page(int map) {
    return memory.loadSlot(map);
  }

  /** The page in slot {@code map}, installing a zeroed one when there is none. Seed: 136-149. */
  long[] installedPage(int map) {
    long[] page = page(map);
    return page != null ? page : install(map);
  }

  /**
   * Installs a zeroed page into the empty slot unless a racer got there first, and answers the
   * page the slot then holds: one compare-and-exchange (release). The seed re-checks the slot
   * under pidmap_lock and frees its own page when it lost (seed 142-147).
   */
  long[] install(int map) {
    return memory.casFreshPage(map);
  }

  /** The slot's free counter (nr_free): one volatile load. Seed: 151. */
  int freeCount(int map) {
    return memory.loadFree(map);
  }

  /**
   * Takes bit {@code bit} of the page in slot {@code map} if it is clear: the test-and-set, then,
   * when it was won, the counter's decrement (two volatile read-modify-writes). Seed: 153-154.
   */
  boolean claim(long[] page, int map, int bit) {
    if (testAndSet(page, bit)) {
      return false;
    }
    memory.getAndAddFree(map, -1); // keeps [PIDMAP-2] once the alloc completes
    return true;
  }

  /** Sets the bit and answers whether it was set: one volatile get-and-bitwise-or. */
  boolean testAndSet(long[] page, int bit) {
    long m = Bits.mask(bit);
    return (memory.getAndOrWord(page, Bits.word(bit), m) & m) != 0; // keeps [ALLOC-1]
  }

  /**
   * Gives bit {@code bit} back if it is set: the clear (one volatile get-and-bitwise-and, which
   * both checks and acts, so two racing frees cannot both count it), then, when it was set, the
   * counter's increment. Seed: 120-121.
   */
  boolean release(long[] page, int map, int bit) {
    long m = Bits.mask(bit);
    if ((memory.getAndAndWord(page, Bits.word(bit), ~m) & m) == 0) {
      return false;
    }
    memory.getAndAddFree(map, 1); // keeps [PIDMAP-2]
    return true;
  }

  /** Whether the bit is set: one opaque load of its word. */
  boolean test(long[] page, int bit) {
    return (memory.loadWord(page, Bits.word(bit)) & Bits.mask(bit)) != 0;
  }

  /** The first clear bit at or after {@code from}, or bits_per_page: opaque loads, word by word. */
  int nextZero(long[] page, int from) {
    return nextMatching(page, from, -1L);
  }

  /** The first set bit at or after {@code from}, or bits_per_page: opaque loads, word by word. */
  int nextSet(long[] page, int from) {
    return nextMatching(page, from, 0L);
  }

  /** Scans for a bit that is set in {@code word ^ flip}. */
  private int nextMatching(long[] page, int from, long flip) {
    if (from >= bitsPerPage) {
      return bitsPerPage;
    }
    int w = Bits.word(from);
    long word = ((memory.loadWord(page, w) ^ flip) & valid) & (-1L << from);
    while (true) {
      if (word != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(word);
      }
      if (++w >= page.length) {
        return bitsPerPage;
      }
      word = (memory.loadWord(page, w) ^ flip) & valid;
    }
  }

  /** How many bits of the slot's page are set, 0 without a page: opaque loads, for inspection. */
  int setBits(int map) {
    long[] page = page(map);
    if (page == null) {
      return 0;
    }
    int n = 0;
    for (int w = 0; w < page.length; w++) {
      n += Long.bitCount(memory.loadWord(page, w) & valid);
    }
    return n;
  }
}
