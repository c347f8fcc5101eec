package pidmap.verify;

import java.nio.file.Path;

/**
 * What one check found. Immutable.
 *
 * @param traces how many traces (or scenarios) it ran
 * @param steps how many steps they had in all
 * @param failure the first failure, or null
 * @param skipped why the check could not run on this machine (e.g. no PID namespaces), or null;
 *     a skipped check neither passes nor fails the campaign
 */
public record CheckResult(long traces, long steps, Failure failure, String skipped) {

  public CheckResult(long traces, long steps, Failure failure) {
    this(traces, steps, failure, null);
  }

  public static CheckResult skipped(String reason) {
    return new CheckResult(0, 0, null, reason);
  }

  public boolean passed() {
    return failure == null;
  }

  public boolean wasSkipped() {
    return skipped != null;
  }

  /**
   * A failure, shrunk, with what is needed to get it back.
   *
   * @param message what went wrong, where, with which seed
   * @param seed the seed of the generated trace or scenario that failed (meaningless when the
   *     check has none; {@code about} then does not mention it)
   * @param jsonLines the shrunk trace in the trace format, config line first, or "" when the
   *     check has no trace in that format (its message then carries its own)
   * @param file where that trace was written, or null
   * @param about what the trace is, as printed before it, e.g. {@code seed 12; the shrunk trace
   *     (expect = the model's answer)}
   */
  public record Failure(String message, long seed, String jsonLines, Path file, String about) {

    /** A generated trace's failure: the trace was shrunk and its expects are the model's. */
    public Failure(String message, long seed, String jsonLines, Path file) {
      this(message, seed, jsonLines, file,
          "seed " + seed + "; the shrunk trace (expect = the model's answer)");
    }

    /** The command that replays the shrunk trace, or null when there is no file. */
    public String replayCommand() {
      return file == null ? null : "./pidmap replay " + file;
    }
  }
}
