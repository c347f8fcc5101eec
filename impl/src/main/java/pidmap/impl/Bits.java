package pidmap.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Atomic bit operations on one bitmap page, a {@code long[]} of 64-bit words: the Java
 * counterparts of the kernel's test_and_set_bit, clear_bit, find_next_zero_bit and
 * find_next_bit. A page smaller than 64 bits uses the low bits of one word; the bits above it are
 * never set and count as taken when looking for a zero.
 *
 * <p>Thread-safe and lock-free: writers use one atomic read-modify-write per word; finders read
 * words with opaque loads and may see a stale word, which callers tolerate (a stale "set" skips a
 * pid that the next pass will see; a stale "clear" is caught by the test-and-set that follows).
 */
final class Bits {
  private Bits() {}

  private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

  /** Words needed for a page of {@code bitsPerPage} bits. */
  static int wordsPerPage(int bitsPerPage) {
    return Math.max(1, bitsPerPage >>> 6);
  }

  /** Sets the bit; returns whether it was already set. One atomic OR. */
  static boolean testAndSet(long[] page, int bit) {
    long mask = 1L << bit; // Java masks the shift to the low 6 bits, so this is bit % 64
    long old = (long) WORDS.getAndBitwiseOr(page, bit >>> 6, mask);
    return (old & mask) != 0;
  }

  /** Clears the bit; returns whether it was set. One atomic AND. */
  static boolean testAndClear(long[] page, int bit) {
    long mask = 1L << bit;
    long old = (long) WORDS.getAndBitwiseAnd(page, bit >>> 6, ~mask);
    return (old & mask) != 0;
  }

  static boolean test(long[] page, int bit) {
    return ((long) WORDS.getOpaque(page, bit >>> 6) & (1L << bit)) != 0;
  }

  /** The first clear bit at or after {@code from}, or {@code bitsPerPage} if none. */
  static int nextZero(long[] page, int bitsPerPage, int from) {
    return nextMatching(page, bitsPerPage, from, -1L);
  }

  /** The first set bit at or after {@code from}, or {@code bitsPerPage} if none. */
  static int nextSet(long[] page, int bitsPerPage, int from) {
    return nextMatching(page, bitsPerPage, from, 0L);
  }

  /** Scans for a bit that is set in {@code word ^ flip}. */
  private static int nextMatching(long[] page, int bitsPerPage, int from, long flip) {
    if (from >= bitsPerPage) {
      return bitsPerPage;
    }
    long valid = bitsPerPage >= 64 ? -1L : (1L << bitsPerPage) - 1;
    int w = from >>> 6;
    long word = (((long) WORDS.getOpaque(page, w) ^ flip) & valid) & (-1L << from);
    while (true) {
      if (word != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(word);
      }
      if (++w >= page.length) {
        return bitsPerPage;
      }
      word = ((long) WORDS.getOpaque(page, w) ^ flip) & valid;
    }
  }

  /**
   * How many bits are set. Plain reads: for inspection of a quiescent page only (the counters,
   * not this, are what alloc consults), and plain reads let the loop run at popcount speed.
   */
  static int count(long[] page) {
    int n = 0;
    for (long word : page) {
      n += Long.bitCount(word);
    }
    return n;
  }
}
