package pidmap.engine.shrink;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What steers a long shrink from outside: a time limit, a stop request (e.g. from a signal
 * handler), progress reports, and the best result so far, published so that whoever stops the
 * shrink can still print it. Thread-safe: the shrink runs on one thread; {@link #stop()} and
 * {@link #best()} may be called from any other.
 *
 * @param <T> what is being shrunk (a trace line, an operation)
 */
public final class ShrinkControl<T> {
  private final LongSupplier clock;
  private final long deadline;
  private final Consumer<String> progress;
  private final long progressEvery;
  private volatile boolean stopped;
  private volatile List<T> best;
  private long lastProgress;

  /**
   * @param clock nanoseconds, e.g. {@code System::nanoTime}
   * @param limitNanos how long the shrink may take from now ({@link Long#MAX_VALUE}: no limit)
   * @param progress receives a line now and then (at most every {@code progressEveryNanos})
   */
  public ShrinkControl(LongSupplier clock, long limitNanos, Consumer<String> progress,
      long progressEveryNanos) {
    this.clock = clock;
    long now = clock.getAsLong();
    this.deadline = limitNanos == Long.MAX_VALUE || now + limitNanos < now ? Long.MAX_VALUE
        : now + limitNanos;
    this.progress = progress;
    this.progressEvery = progressEveryNanos;
    this.lastProgress = now;
  }

  /** No limit, no progress. */
  public static <T> ShrinkControl<T> unlimited() {
    return new ShrinkControl<>(System::nanoTime, Long.MAX_VALUE, line -> { }, Long.MAX_VALUE);
  }

  /** Asks the shrink to stop at its next test and settle for its best so far. */
  public void stop() {
    stopped = true;
  }

  /** Whether the time is up or a stop was asked for. */
  public boolean expired() {
    return stopped || (deadline != Long.MAX_VALUE && clock.getAsLong() - deadline >= 0);
  }

  /** Whether the shrink ended early (time limit or stop) rather than because nothing more goes. */
  public boolean cutShort() {
    return expired();
  }

  /** The shrink found a smaller input that still fails alike. */
  public void improved(List<T> smaller) {
    best = List.copyOf(smaller);
  }

  /** The best input so far, or null before the first. */
  public List<T> best() {
    return best;
  }

  /** Reports {@code line} unless a report went out less than an interval ago. */
  void tick(java.util.function.Supplier<String> line) {
    long now = clock.getAsLong();
    if (now - lastProgress >= progressEvery) {
      lastProgress = now;
      progress.accept(line.get());
    }
  }

  /** Reports {@code line} now. */
  void say(String line) {
    lastProgress = clock.getAsLong();
    progress.accept(line);
  }
}
