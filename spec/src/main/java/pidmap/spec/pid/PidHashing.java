package pidmap.spec.pid;

import pidmap.spec.Implements;
import pidmap.spec.PidmapException;
import pidmap.spec.SeedFunction;

/**
 * Where a (number, namespace) pair lives in the pid hash, and how big the hash is: the seed's
 * {@code pid_hashfn} over the 64-bit {@code hash_long} of Linux 2.6.24, and {@code pidhash_init}'s
 * sizing rule with the machine's memory as a parameter. Model and impl both use these, and the
 * invariant HASH-1 checks the impl's table against them.
 *
 * <p>Seed: pid.c lines 39-42 (pid_hashfn), 627-649 (pidhash_init); include/linux/hash.h
 * (hash_long, 64-bit branch).
 *
 * <p>Stateless and thread-safe.
 */
public final class PidHashing {
  private PidHashing() {}

  /**
   * GOLDEN_RATIO_PRIME_64 of include/linux/hash.h: a prime close to 2^64 divided by the golden
   * ratio, chosen so that its set bits make the product a sequence of shifts and adds.
   */
  public static final long GOLDEN_RATIO_PRIME_64 = 0x9e37fffffffc0001L;

  /** PAGE_SHIFT of the machines the formula was written for (4 KiB pages). */
  public static final int PAGE_SHIFT = 12;

  /** The fewest and most slots pidhash_init gives: 2^4 and 2^12 (seed lines 636-637). */
  public static final int MIN_SHIFT = 4;

  public static final int MAX_SHIFT = 12;

  /** The value that stands for init_pid_ns's address in the hash: a made-up kernel address. */
  public static final long INIT_NS_KEY = 0xffffffff80600000L;

  /** Distance between two made-up namespace addresses (a pid_namespace slab object's stride). */
  public static final long NS_KEY_STRIDE = 0x800L;

  /** Where namespaces created at run time are placed: a made-up slab page. */
  public static final long NS_KEY_BASE = 0xffff810000100000L;

  /**
   * hash_long(val, bits) for a 64-bit long: the product of val and GOLDEN_RATIO_PRIME_64, taken
   * modulo 2^64 (Java's long multiplication wraps exactly so), keeping its top {@code bits}
   * bits, because those are the best mixed.
   *
   * @param bits 1..63
   */
  @Implements(SeedFunction.HASH_LONG)
  public static int hashLong(long val, int bits) {
    if (bits < 1 || bits > 63) {
      throw new PidmapException("bits", bits, "1 <= bits <= 63");
    }
    return (int) ((val * GOLDEN_RATIO_PRIME_64) >>> (64 - bits));
  }

  /**
   * pid_hashfn(nr, ns): the number plus the namespace's address, as unsigned longs, hashed to
   * {@code shift} bits. The int {@code nr} widens with its sign, as the C cast does.
   */
  @Implements(SeedFunction.PID_HASHFN)
  public static int pidHashFn(int nr, long nsKey, int shift) {
    return hashLong((long) nr + nsKey, shift);
  }

  /**
   * The stable value that stands for a namespace's address: {@link #INIT_NS_KEY} for
   * init_pid_ns (serial 0), and one slab slot each, in creation order, for the others.
   */
  public static long nsKey(int serial) {
    return serial == 0 ? INIT_NS_KEY : NS_KEY_BASE + (serial - 1) * NS_KEY_STRIDE;
  }

  /**
   * pidhash_shift for a machine with {@code nrKernelPages} pages of 4 KiB: the memory in
   * megabytes, times four, its highest set bit (the kernel's {@code fls}, which takes an int, so
   * only the low 32 bits of the product count), clamped to [4, 12]. One gigabyte or more gives
   * 4096 slots, 2 MiB or less gives 16.
   *
   * <p>Quirk kept: because {@code fls} takes an int, a machine whose megabytes times four has
   * its low 32 bits all zero (2^30 MiB, a petabyte) gets the minimum 16 slots.
   *
   * <p>Seed: pid.c lines 631-638.
   */
  @Implements(SeedFunction.PIDHASH_INIT)
  public static int pidhashShift(long nrKernelPages) {
    if (nrKernelPages < 0) {
      throw new PidmapException("nr_kernel_pages", nrKernelPages, "0 <= nr_kernel_pages");
    }
    long megabytes = nrKernelPages >>> (20 - PAGE_SHIFT);
    int shift = Math.max(MIN_SHIFT, fls((int) (megabytes * 4)));
    return Math.min(MAX_SHIFT, shift);
  }

  /** 1 << pidhashShift: the number of hash chains (seed line 638). */
  public static int pidhashSize(long nrKernelPages) {
    return 1 << pidhashShift(nrKernelPages);
  }

  /** The kernel's fls: 1-based position of the highest set bit of an int, 0 for 0. */
  static int fls(int x) {
    return 32 - Integer.numberOfLeadingZeros(x);
  }
}
