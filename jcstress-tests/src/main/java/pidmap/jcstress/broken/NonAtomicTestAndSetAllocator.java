package pidmap.jcstress.broken;

/**
 * A deliberately broken pid allocator for the JCStress harness to catch: the seed's first-fit
 * search from last_pid + 1 over one 64-bit bitmap word, but its test-and-set is two steps, a
 * read of the word and then a plain write of the word with the bit set. Two allocs can both read
 * the bit clear and both "win" it ([ALLOC-1] broken). Everything else is left out on purpose.
 *
 * <p>Not thread-safe, by design: that is the point of it. Never use it outside
 * {@link Broken_01_NonAtomicTestAndSet}.
 */
public final class NonAtomicTestAndSetAllocator {
  private final int pidMax;
  private long word = 1L; // pid 0 taken
  private int lastPid;

  /** @param pidMax at most 64: one word holds the whole pid space */
  public NonAtomicTestAndSetAllocator(int pidMax) {
    if (pidMax < 2 || pidMax > 64) {
      throw new IllegalArgumentException("pid_max: " + pidMax + " (expected: 2 <= pid_max <= 64)");
    }
    this.pidMax = pidMax;
  }

  /** The first clear bit from last_pid + 1, wrapping once to 1; -1 if none. */
  public int alloc() {
    int last = lastPid;
    for (int i = 1; i < pidMax; i++) {
      int pid = 1 + (last + i - 1) % (pidMax - 1);
      long seen = word; // step 1: read
      if ((seen & (1L << pid)) == 0) {
        word = seen | (1L << pid); // step 2: plain write; the gap between is the bug
        lastPid = pid;
        return pid;
      }
    }
    return -1;
  }
}
