package pidmap.conformance.verify;

import java.nio.file.Path;

/**
 * What one check found. Immutable.
 *
 * @param traces how many traces (or cases) it ran
 * @param steps how many steps they had in all
 * @param failure the first failure, or null when everything passed
 */
public record CheckResult(long traces, long steps, Failure failure) {

  public boolean passed() {
    return failure == null;
  }

  /**
   * A failure, shrunk, with what is needed to get it back.
   *
   * @param message what went wrong, where, with which seed
   * @param seed the seed of the generated trace that failed
   * @param jsonLines the shrunk trace in the trace format, config line first
   * @param file where that trace was written
   */
  public record Failure(String message, long seed, String jsonLines, Path file) {

    /** The command that replays the shrunk trace. */
    public String replayCommand() {
      return "./pidmap replay " + file;
    }
  }
}
