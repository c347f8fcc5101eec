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
   * Linux 2.6.35's fix (commit 5fdee8c4a5e1): a compare-and-swap that stores the new pid only
   * while the value it replaces comes before it in the cyclic order that started at the last_pid
   * this alloc read, so last_pid only moves forward.
   */
  FORWARD_CAS
}
