package pidmap.conformance.verify;

import java.nio.file.Path;
import java.util.List;
import pidmap.conformance.trace.TraceConfig;
import pidmap.conformance.trace.TraceLine;

/**
 * What one check found.
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
   * @param message what went wrong at the last step of the shrunk trace
   * @param seed the seed of the generated trace that failed
   * @param config the geometry and profile the trace runs on
   * @param trace the shrunk trace; it fails at its last line
   * @param file where the shrunk trace was written, with its config line
   */
  public record Failure(String message, long seed, TraceConfig config, List<TraceLine> trace,
      Path file) {

    /** The command that replays the shrunk trace. */
    public String replayCommand() {
      return "./pidmap replay " + file;
    }
  }
}
