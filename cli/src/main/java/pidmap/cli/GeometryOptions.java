package pidmap.cli;

import picocli.CommandLine.Option;
import pidmap.trace.TraceConfig;

/**
 * The geometry and profile flags; each overrides the same field of the trace's config line. Not
 * thread-safe: picocli fills the fields for one run.
 */
public final class GeometryOptions {

  @Option(names = "--profile", paramLabel = "P",
      description = "search rule: linux-2.6.24 or linux-6 (default: the trace's, else linux-2.6.24)")
  String profile;

  @Option(names = "--pid-max", paramLabel = "N",
      description = "pid_max of a fresh namespace (default: the trace's, else 32768)")
  Integer pidMax;

  @Option(names = "--bits-per-page", paramLabel = "B",
      description = "bits per bitmap page, a power of two in [4, 32768] (default: the trace's, else 32768)")
  Integer bitsPerPage;

  @Option(names = "--reserved", paramLabel = "R",
      description = "RESERVED_PIDS, where the wrap restarts (default: the trace's, else 300)")
  Integer reserved;

  @Option(names = "--pid-max-limit", paramLabel = "L",
      description = "PID_MAX_LIMIT (default: the trace's, else 4194304)")
  Integer pidMaxLimit;

  /** The flags as a config, absent flags null. */
  TraceConfig asConfig() {
    return new TraceConfig(profile, pidMax, bitsPerPage, reserved, pidMaxLimit);
  }
}
