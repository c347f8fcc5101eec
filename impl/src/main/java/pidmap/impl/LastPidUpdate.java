package pidmap.impl;

/**
 * How alloc records the pid it handed out in last_pid. Sequentially the two are the same; they
 * differ only when allocs race. Each value is a policy: {@link #record} makes its accesses of
 * last_pid through the allocator's {@link PidmapMemory}. Stateless and thread-safe.
 */
public enum LastPidUpdate {
  /**
   * The seed's unconditional store (Seed: pid.c line 155). Racy: of two concurrent allocs the
   * one that stores last may store the smaller pid, moving last_pid backward, so the next search
   * starts behind pids already handed out. Shown by the JCStress test Alloc_02_LastPidStoreRace
   * and found by the interleaving explorer.
   */
  SEED_PLAIN_STORE {
    @Override
    void record(PidmapMemory memory, int base, int pid) {
      memory.storeLastPid(pid);
    }
  },
  /**
   * Linux 2.6.35's fix (commit 5fdee8c4a5e1, set_last_pid in kernel/pid.c): compare-and-swap
   * {@code pid} in while the value last_pid holds comes before it, counted from {@code base}
   * (the last_pid this alloc read) by the kernel's {@link #pidBefore}; stop when the swap
   * succeeds or another alloc stored a value at or after ours.
   */
  FORWARD_CAS {
    @Override
    void record(PidmapMemory memory, int base, int pid) {
      int prev;
      int lastWrite = base;
      do {
        prev = lastWrite;
        lastWrite = memory.casLastPid(prev, pid);
      } while (prev != lastWrite && pidBefore(base, lastWrite, pid));
    }
  };

  /** Stores {@code pid}, just handed out by an alloc that read last_pid {@code base}. */
  abstract void record(PidmapMemory memory, int base, int pid); // keeps [ALLOC-3]

  /**
   * The kernel's pid_before(base, a, b) (Linux 2.6.35 on, kernel/pid.c): whether {@code a} is
   * seen before {@code b} when walking pids from {@code base}, as
   * {@code (unsigned)(a - base) < (unsigned)(b - base)}.
   */
  public static boolean pidBefore(int base, int a, int b) {
    return Integer.compareUnsigned(a - base, b - base) < 0;
  }
}
