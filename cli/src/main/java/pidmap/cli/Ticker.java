package pidmap.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress for a person on standard error: a line at most every interval, none in a run shorter
 * than one interval. Not thread-safe: one command thread.
 */
final class Ticker {
  /** Two seconds: what "a run longer than a few seconds" means here. */
  static final long INTERVAL_NANOS = 2_000_000_000L;

  /** The interval the commands use; tests set it to 0 to see every line. */
  static volatile long commandInterval = INTERVAL_NANOS;

  private final PrintWriter err;
  private final LongSupplier clock;
  private final long interval;
  private final long start;
  private long last;

  Ticker(PrintWriter err, LongSupplier clock, long interval) {
    this.err = err;
    this.clock = clock;
    this.interval = interval;
    this.start = clock.getAsLong();
    this.last = start;
  }

  /** A ticker at the commands' interval (two seconds). */
  static Ticker every2s(PrintWriter err) {
    return new Ticker(err, System::nanoTime, commandInterval);
  }

  /** Whether a line is due; if so, the next one is due an interval from now. */
  boolean due() {
    long now = clock.getAsLong();
    if (now - last < interval) {
      return false;
    }
    last = now;
    return true;
  }

  /** Seconds since the ticker started. */
  double elapsed() {
    return (clock.getAsLong() - start) / 1e9;
  }

  void say(String line) {
    err.println(line);
    err.flush();
  }
}
