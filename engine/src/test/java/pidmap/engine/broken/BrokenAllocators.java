package pidmap.engine.broken;

import java.util.BitSet;
import pidmap.engine.AllocatorFactory;

/**
 * Deliberately broken allocators, test scope only: each is {@link SeedLoopAllocator} with one
 * hook changed, so whatever the engine catches is that one change. The property tests must catch
 * every one of them within their default seeds.
 */
public enum BrokenAllocators {

  WRAP_RESTARTS_AT_ZERO(
      "the wrap restarts at offset 0 instead of RESERVED_PIDS",
      "invariant ALLOC-5 failed: alloc handed out 1",
      (g, p) -> new SeedLoopAllocator(g, p) {
        @Override
        protected int wrapOffset() {
          return 0;
        }
      }),

  ALLOC_FORGETS_THE_COUNTER(
      "alloc does not take its pid off the page's free counter",
      "invariant PIDMAP-2 failed",
      (g, p) -> new SeedLoopAllocator(g, p) {
        @Override
        protected void countAlloc(int map) {}
      }),

  FREE_FORGETS_THE_COUNTER(
      "free does not give the page's free counter its pid back",
      "invariant PIDMAP-2 failed",
      (g, p) -> new SeedLoopAllocator(g, p) {
        @Override
        protected void countFree(int map) {}
      }),

  FIRST_PROBE_SKIPS_THE_TEST(
      "alloc's first probe takes its pid without testing the bit, so it may hand out a held pid",
      "invariant ALLOC-1 failed",
      (g, p) -> new SeedLoopAllocator(g, p) {
        @Override
        protected boolean claim(BitSet page, int offset, boolean firstProbe) {
          if (firstProbe) {
            page.set(offset);
            return true;
          }
          return super.claim(page, offset, false);
        }
      }),

  LAST_PID_NOT_STORED(
      "alloc does not store the pid it hands out in last_pid",
      "invariant ALLOC-3 failed",
      (g, p) -> new SeedLoopAllocator(g, p) {
        @Override
        protected void storeLast(int pid) {}
      }),

  FREE_OF_A_FREE_PID_ACCEPTED(
      "free does not check the bit, so freeing a free pid is accepted and counted",
      "invariant INPUT-3 failed",
      (g, p) -> new SeedLoopAllocator(g, p) {
        @Override
        protected boolean freeChecksTheBit() {
          return false;
        }
      }),

  NEXT_SKIPS_A_PAGE_START(
      "next starts at offset 1 in every page after the first, missing pids k*bits_per_page",
      "invariant NEXT-1 failed",
      (g, p) -> new SeedLoopAllocator(g, p) {
        @Override
        protected int nextPageStartOffset() {
          return 1;
        }
      }),

  EVERY_PAGE_INSTALLED_UP_FRONT(
      "the constructor installs every page, so memory grows with pid_max_limit",
      "invariant PIDMAP-3 failed",
      (g, p) -> new SeedLoopAllocator(g, p) {
        @Override
        protected boolean installedUpFront(int map) {
          return true;
        }
      }),

  /**
   * Shrinks badly on bpp=64: the shrinker lowers the set_last that led into page 2 and keeps the
   * allocs that then walk there (1-minimal, not minimal), hence its own bound.
   */
  EMPTY_PAGE_DROPPED_BY_FREE(
      "free drops a page whose last pid it frees, so a page the search installed disappears",
      "invariant PIDMAP-3 failed", 80,
      (g, p) -> new SeedLoopAllocator(g, p) {
        @Override
        protected boolean freeDropsAnEmptyPage() {
          return true;
        }
      }),

  /** Needs a map filled but for last_pid: a few allocs more than the others' bound. */
  QUIRK_FIXED(
      "the last pass scans the whole start page, so a freed last_pid is handed out again",
      "search takes none", 20,
      (g, p) -> new SeedLoopAllocator(g, p) {
        @Override
        protected boolean lastPassStopsBeforeLast() {
          return false;
        }
      });

  /** A shrunk counterexample longer than this means the shrinker (or the generator) regressed. */
  public static final int MAX_SHRUNK_STEPS = 10;

  private final String bug;
  private final String failure;
  private final int maxShrunk;
  private final AllocatorFactory factory;

  BrokenAllocators(String bug, String failure, AllocatorFactory factory) {
    this(bug, failure, MAX_SHRUNK_STEPS, factory);
  }

  BrokenAllocators(String bug, String failure, int maxShrunk, AllocatorFactory factory) {
    this.bug = bug;
    this.failure = failure;
    this.maxShrunk = maxShrunk;
    this.factory = factory;
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
