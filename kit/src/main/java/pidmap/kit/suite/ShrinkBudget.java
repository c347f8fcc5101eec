package pidmap.kit.suite;

/**
 * How much shrinking one failure may cost: at most this many re-runs and this much wall time;
 * then the smallest trace found so far is kept. A trace of at most {@link #SHORT} steps is not
 * shrunk. Immutable.
 *
 * @param maxTries re-runs on fresh agents
 * @param maxMillis wall time
 * @param replyTimeoutMs the bound on each reply while shrinking (at most the run's own): a
 *     hang costs this much per re-run; the shrunk trace is confirmed at the run's own bound
 */
public record ShrinkBudget(int maxTries, long maxMillis, long replyTimeoutMs) {

  /** Traces this short are reported as they are. */
  public static final int SHORT = 10;

  /** 200 re-runs, 30 seconds, replies bounded by 250 ms. */
  public static final ShrinkBudget DEFAULT = new ShrinkBudget(200, 30_000, 250);

  /** A clock started now. */
  public Clock start() {
    return new Clock(System.nanoTime() + maxMillis * 1_000_000);
  }

  /** Whether the time is spent. Not thread-safe. */
  public static final class Clock {
    private final long deadline;

    Clock(long deadline) {
      this.deadline = deadline;
    }

    public boolean spent() {
      return System.nanoTime() > deadline;
    }
  }
}
