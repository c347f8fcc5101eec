package pidmap.impl;

/**
 * Arithmetic on bitmap words: which word and which bit of it hold an offset, and where the next
 * matching bit of a word lies. A page smaller than 64 bits uses the low bits of one word; the bits
 * above it are never set and count as taken when looking for a zero. Reads and writes of the
 * words themselves go through {@link PidmapMemory}. Stateless.
 */
final class Bits {
  private Bits() {}

  /** Words needed for a page of {@code bitsPerPage} bits. */
  static int wordsPerPage(int bitsPerPage) {
    return Math.max(1, bitsPerPage >>> 6);
  }

  /** The word that holds bit {@code bit}. */
  static int word(int bit) {
    return bit >>> 6;
  }

  /** The mask of bit {@code bit} in its word (Java masks the shift to the low 6 bits). */
  static long mask(int bit) {
    return 1L << bit;
  }

  /** The bits of a word that belong to a page of {@code bitsPerPage} bits. */
  static long valid(int bitsPerPage) {
    return bitsPerPage >= 64 ? -1L : (1L << bitsPerPage) - 1;
  }
}
