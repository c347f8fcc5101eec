package pidmap.engine.layer;

/**
 * HASH-1's oracle: the pid hash's size and placement computed again, here, from the seed's own
 * text, sharing no code with {@code pidmap.spec.pid.PidHashing} (which model and impl both call,
 * so their agreement alone would prove nothing about it).
 *
 * <ul>
 *   <li>hash_long on a 64-bit machine as include/linux/hash.h of Linux 2.6.24 writes it: not a
 *       multiplication but the six shifts and adds it unrolls GOLDEN_RATIO_PRIME_64 into, then
 *       the top {@code bits} bits;
 *   <li>pid_hashfn(nr, ns) = hash_long((unsigned long)nr + (unsigned long)ns, pidhash_shift)
 *       (kernel/pid.c lines 39-42);
 *   <li>pidhash_init (lines 631-638): megabytes = nr_kernel_pages >> (20 - PAGE_SHIFT), shift =
 *       fls(megabytes * 4) (fls of an int, found here by a loop over the bits), at least 4, at
 *       most 12.
 * </ul>
 *
 * <p>Stateless.
 */
final class SeedHash {
  private SeedHash() {}

  /** hash_long(val, bits), the 2.6.24 shift-and-add rendition. */
  static int hashLong(long val, int bits) {
    long hash = val;
    long n = hash;
    n <<= 18;
    hash -= n;
    n <<= 33;
    hash -= n;
    n <<= 3;
    hash += n;
    n <<= 3;
    hash -= n;
    n <<= 4;
    hash += n;
    n <<= 2;
    hash += n;
    return (int) (hash >>> (64 - bits));
  }

  /** pid_hashfn: the chain of number {@code nr} of the namespace at address {@code nsKey}. */
  static int chain(int nr, long nsKey, int shift) {
    return hashLong((long) nr + nsKey, shift);
  }

  /** pidhash_shift for a machine of {@code nrKernelPages} 4 KiB pages. */
  static int shift(long nrKernelPages) {
    long megabytes = nrKernelPages >> (20 - 12);
    int x = (int) (megabytes * 4); // the kernel's fls takes an int
    int fls = 0;
    for (int bit = 31; bit >= 0; bit--) {
      if ((x & (1 << bit)) != 0) {
        fls = bit + 1;
        break;
      }
    }
    return Math.min(12, Math.max(4, fls));
  }
}
