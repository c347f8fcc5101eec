package pidmap.bench;

import java.util.Arrays;
import pidmap.bench.alt.BenchAllocator;

/**
 * The pids one benchmark thread holds, and the steady-state step the benchmarks time: free a
 * random held pid, alloc one, hold that instead. The random index comes from an inline
 * xorshift, the same few instructions for every implementation.
 *
 * <p>Not thread-safe: one instance per benchmark thread.
 */
public final class ChurningPids {
  private final int[] pids;
  private long seed;

  /** Holds {@code pids} (owned by the caller from now on), drawing indexes from {@code seed}. */
  public ChurningPids(int[] pids, long seed) {
    if (pids.length == 0) {
      throw new IllegalArgumentException("pids: 0 held (expected: at least 1)");
    }
    this.pids = pids;
    this.seed = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
  }

  /** Allocates {@code count} pids from {@code a} (a fresh map fills upward from pid 1). */
  public static int[] fill(BenchAllocator a, int count) {
    int[] pids = new int[count];
    for (int i = 0; i < count; i++) {
      pids[i] = a.alloc();
      if (pids[i] < 0) {
        throw new IllegalStateException(
            a.name() + ": alloc failed while filling, after " + i + " of " + count + " pids");
      }
    }
    return pids;
  }

  /** How many pids are held at {@code fillPercent} percent of {@code pidMax}, pid 0 excluded. */
  public static int countAt(int fillPercent, int pidMax) {
    return (int) ((long) pidMax * fillPercent / 100) - 1;
  }

  public int size() {
    return pids.length;
  }

  /** A random index in [0, size). */
  public int nextIndex() {
    long x = seed;
    x ^= x << 13;
    x ^= x >>> 7;
    x ^= x << 17;
    seed = x;
    return (int) (((x >>> 32) * pids.length) >>> 32);
  }

  /** One steady-state step on {@code a}; answers the pid now held in place of the freed one. */
  public int step(BenchAllocator a) {
    int i = nextIndex();
    int pid = a.replace(pids[i]);
    if (pid < 0) {
      throw new IllegalStateException(a.name() + ": no free pid at " + pids.length + " held");
    }
    pids[i] = pid;
    return pid;
  }

  /** Runs {@code steps} steps, so that the held set and last_pid reach their steady spread. */
  public void churn(BenchAllocator a, int steps) {
    for (int s = 0; s < steps; s++) {
      step(a);
    }
  }

  /** The held pids of slice {@code part} of {@code parts}, as a copy (to split among threads). */
  public int[] slice(int part, int parts) {
    int from = (int) ((long) pids.length * part / parts);
    int to = (int) ((long) pids.length * (part + 1) / parts);
    return Arrays.copyOfRange(pids, from, to);
  }
}
