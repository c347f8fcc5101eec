package pidmap.verify;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress lines for a long campaign, written to a human (standard error), at most one per
 * interval per check plus one when a check finishes. Not thread-safe: one campaign thread.
 */
public final class Progress {
  private final PrintWriter err;
  private final LongSupplier nanoClock;
  private final long intervalNanos;
  private long lastPrinted;

  public Progress(PrintWriter err, LongSupplier nanoClock, long intervalNanos) {
    this.err = err;
    this.nanoClock = nanoClock;
    this.intervalNanos = intervalNanos;
    this.lastPrinted = nanoClock.getAsLong();
  }

  /** Prints nothing at all; for tests and embedded use. */
  public static Progress silent() {
    return new Progress(null, () -> 0L, Long.MAX_VALUE);
  }

  /** Says how far {@code check} is, unless it said so less than an interval ago. */
  public void update(Check check, long done, long total, long steps) {
    long now = nanoClock.getAsLong();
    if (err != null && (done == total || now - lastPrinted >= intervalNanos)) {
      lastPrinted = now;
      err.println(String.format(Locale.ROOT, "  %s %s: %d/%d traces, %d steps",
          check.name(), check.target(), done, total, steps));
      err.flush();
    }
  }

  /** A free-form line, e.g. "shrinking a failure of 1000 steps". */
  public void say(String line) {
    if (err != null) {
      err.println("  " + line);
      err.flush();
    }
  }
}
