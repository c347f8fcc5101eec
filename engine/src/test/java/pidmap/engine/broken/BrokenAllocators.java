package pidmap.engine.broken;

import pidmap.engine.AllocatorFactory;

/**
 * Deliberately broken allocators, test scope only: each is {@link SeedLoopAllocator} with one
 * hook changed ({@link SeedLoopTwins}), so whatever the engine catches is that one change, with
 * the words its failure must contain (naming the invariant that catches it). The property tests
 * must catch every one of them within their default seeds.
 */
public enum BrokenAllocators {

  WRAP_RESTARTS_AT_ZERO(SeedLoopTwins.WrapRestartsAtZero.class,
      "the wrap restarts at offset 0 instead of RESERVED_PIDS",
      "invariant ALLOC-5 failed: alloc handed out 1", SeedLoopTwins.WrapRestartsAtZero::new),

  ALLOC_FORGETS_THE_COUNTER(SeedLoopTwins.AllocForgetsTheCounter.class,
      "alloc does not take its pid off the page's free counter",
      "invariant PIDMAP-2 failed", SeedLoopTwins.AllocForgetsTheCounter::new),

  FREE_FORGETS_THE_COUNTER(SeedLoopTwins.FreeForgetsTheCounter.class,
      "free does not give the page's free counter its pid back",
      "invariant PIDMAP-2 failed", SeedLoopTwins.FreeForgetsTheCounter::new),

  FIRST_PROBE_SKIPS_THE_TEST(SeedLoopTwins.FirstProbeSkipsTheTest.class,
      "alloc's first probe takes its pid without testing the bit, so it may hand out a held pid",
      "invariant ALLOC-1 failed", SeedLoopTwins.FirstProbeSkipsTheTest::new),

  LAST_PID_NOT_STORED(SeedLoopTwins.LastPidNotStored.class,
      "alloc does not store the pid it hands out in last_pid",
      "invariant ALLOC-3 failed", SeedLoopTwins.LastPidNotStored::new),

  FREE_OF_A_FREE_PID_ACCEPTED(SeedLoopTwins.FreeOfAFreePidAccepted.class,
      "free does not check the bit, so freeing a free pid is accepted and counted",
      "invariant INPUT-3 failed", SeedLoopTwins.FreeOfAFreePidAccepted::new),

  NEXT_SKIPS_A_PAGE_START(SeedLoopTwins.NextSkipsAPageStart.class,
      "next starts at offset 1 in every page after the first, missing pids k*bits_per_page",
      "invariant NEXT-1 failed", SeedLoopTwins.NextSkipsAPageStart::new),

  EVERY_PAGE_INSTALLED_UP_FRONT(SeedLoopTwins.EveryPageInstalledUpFront.class,
      "the constructor installs every page, so memory grows with pid_max_limit",
      "invariant PIDMAP-3 failed", SeedLoopTwins.EveryPageInstalledUpFront::new),

  /**
   * Shrinks badly on bpp=64: the shrinker lowers the set_last that led into page 2 and keeps the
   * allocs that then walk there (1-minimal, not minimal), hence its own bound.
   */
  EMPTY_PAGE_DROPPED_BY_FREE(SeedLoopTwins.EmptyPageDroppedByFree.class,
      "free drops a page whose last pid it frees, so a page the search installed disappears",
      "invariant PIDMAP-3 failed", 80, SeedLoopTwins.EmptyPageDroppedByFree::new),

  /** Needs a map filled but for last_pid: a few allocs more than the others' bound. */
  QUIRK_FIXED(SeedLoopTwins.QuirkFixed.class,
      "the last pass scans the whole start page, so a freed last_pid is handed out again",
      "invariant ALLOC-5 failed: alloc handed out", 20, SeedLoopTwins.QuirkFixed::new),

  GIVES_UP_AFTER_ONE_PASS(SeedLoopTwins.GivesUpAfterOnePass.class,
      "the search makes one pass and fails where the seed would go on after the wrap",
      "invariant ALLOC-2 failed", 20, SeedLoopTwins.GivesUpAfterOnePass::new),

  PID_MAX_HANDED_OUT(SeedLoopTwins.PidMaxHandedOut.class,
      "the probe's bound is pid <= pid_max, so pid_max itself is handed out",
      "invariant ALLOC-4 failed", 20, SeedLoopTwins.PidMaxHandedOut::new),

  PID_ZERO_NOT_RESERVED(SeedLoopTwins.PidZeroNotReserved.class,
      "the constructor never sets pid 0's bit",
      "invariant PIDMAP-1 failed", SeedLoopTwins.PidZeroNotReserved::new),

  FREE_KEEPS_THE_PID(SeedLoopTwins.FreeKeepsThePid.class,
      "free answers ok but keeps the pid allocated",
      "invariant PIDMAP-4 failed", SeedLoopTwins.FreeKeepsThePid::new),

  SET_PID_MAX_STORES_BEFORE_IT_CHECKS(SeedLoopTwins.SetPidMaxStoresBeforeItChecks.class,
      "set_pid_max stores a bad value, then refuses it",
      "invariant INPUT-1 failed", SeedLoopTwins.SetPidMaxStoresBeforeItChecks::new);

  /** A shrunk counterexample longer than this means the shrinker (or the generator) regressed. */
  public static final int MAX_SHRUNK_STEPS = 10;

  private final Class<? extends SeedLoopAllocator> twin;
  private final String bug;
  private final String failure;
  private final int maxShrunk;
  private final AllocatorFactory factory;

  BrokenAllocators(Class<? extends SeedLoopAllocator> twin, String bug, String failure,
      AllocatorFactory factory) {
    this(twin, bug, failure, MAX_SHRUNK_STEPS, factory);
  }

  BrokenAllocators(Class<? extends SeedLoopAllocator> twin, String bug, String failure,
      int maxShrunk, AllocatorFactory factory) {
    this.twin = twin;
    this.bug = bug;
    this.failure = failure;
    this.maxShrunk = maxShrunk;
    this.factory = factory;
  }

  /** The twin's class, as {@code @CatchesTwin} marks name it. */
  public Class<? extends SeedLoopAllocator> twin() {
    return twin;
  }

  /** The longest shrunk counterexample the campaign may report for this variant. */
  public int maxShrunk() {
    return maxShrunk;
  }

  /** Words the engine's failure message must contain: the variant is caught for its bug. */
  public String failure() {
    return failure;
  }

  /** The one thing this variant gets wrong. */
  public String bug() {
    return bug;
  }

  public AllocatorFactory factory() {
    return factory;
  }
}
