package pidmap.verify;

/**
 * One row of a verify campaign: a named check on one target (a geometry and profile, a kernel, a
 * layer). Later capabilities (the exhaustive explorer, the live-kernel oracle, the pid layer) add
 * their own implementations to {@link Verification}. An implementation need not be thread-safe:
 * a verification runs its checks one at a time.
 */
public interface Check {

  /** The check's name in the table, e.g. {@code differential}. */
  String name();

  /** What it checks, e.g. {@code bpp=4 reserved=2 limit=16 pid_max=14 / linux-2.6.24}. */
  String target();

  /**
   * Runs the check, reporting progress as it goes; a failure is a result, not an exception.
   */
  CheckResult run(Progress progress);
}
