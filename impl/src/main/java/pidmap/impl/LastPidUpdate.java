package pidmap.impl;

/**
 * How alloc records the pid it handed out in last_pid. Sequentially the two are the same; they
 * differ only when allocs race.
 */
public enum LastPidUpdate {
  /**
   * The seed's unconditional store (Seed: pid.c line 155). Racy: of two concurrent allocs the
   * one that stores last may store the smaller pid, moving last_pid backward, so the next search
   * starts behind pids already handed out. Shown by the JCStress test Alloc_02_LastPidStoreRace.
   */
  SEED_PLAIN_STORE,
  /**
   * Linux 2.6.35's fix (commit 5fdee8c4a5e1, set_last_pid): a compare-and-swap loop from the
   * last_pid this alloc read (its base); after a failed swap it retries only while pid_before(base,
   * witness, pid), i.e. {@code (unsigned)(witness - base) < (unsigned)(pid - base)}, so last_pid
   * only moves forward in the cyclic order that starts at base. An alloc that wrapped to its own
   * base never overwrites a changed last_pid.
   */
  FORWARD_CAS
}
