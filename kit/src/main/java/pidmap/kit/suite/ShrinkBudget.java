package pidmap.kit.suite;

/**
 * How much shrinking one failure may cost: at most this many re-runs and this much wall time;
 * then the smallest trace found so far is kept. Immutable.
 *
 * @param maxTries re-runs on fresh agents
 * @param maxMillis wall time
 */
public record ShrinkBudget(int maxTries, long maxMillis) {

  /** 400 re-runs, 60 seconds. */
  public static final ShrinkBudget DEFAULT = new ShrinkBudget(400, 60_000);

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
