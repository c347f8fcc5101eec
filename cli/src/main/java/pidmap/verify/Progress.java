package pidmap.verify;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import pidmap.trace.OutputDir;

/**
 * What a check gets from the campaign while it runs: a place for progress lines to a human
 * (standard error; at most one per interval per check, plus one when a check finishes) and the
 * directory where it writes the files it names ({@code --out}). Not thread-safe: one campaign
 * thread.
 */
public final class Progress {
  private final PrintWriter err;
  private final LongSupplier nanoClock;
  private final long intervalNanos;
  private final OutputDir out;
  private long lastPrinted;

  public Progress(PrintWriter err, LongSupplier nanoClock, long intervalNanos) {
    this(err, nanoClock, intervalNanos, OutputDir.standard());
  }

  public Progress(PrintWriter err, LongSupplier nanoClock, long intervalNanos, OutputDir out) {
    this.err = err;
    this.nanoClock = nanoClock;
    this.intervalNanos = intervalNanos;
    this.out = out;
    this.lastPrinted = nanoClock.getAsLong();
  }

  /** Prints nothing at all; for tests and embedded use. Files go to {@link OutputDir#DEFAULT}. */
  public static Progress silent() {
    return new Progress(null, () -> 0L, Long.MAX_VALUE);
  }

  /** Prints nothing; files go to {@code out}. */
  public static Progress silent(OutputDir out) {
    return new Progress(null, () -> 0L, Long.MAX_VALUE, out);
  }

  /** Where a check writes the files it names. */
  public OutputDir out() {
    return out;
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

  /** A line about the campaign itself, not indented: which row starts, the time estimate. */
  void headline(String line) {
    if (err != null) {
      err.println(line);
      err.flush();
    }
  }

  long now() {
    return nanoClock.getAsLong();
  }
}
