package pidmap.verify;

import pidmap.spec.Profile;

/**
 * One row of a verify campaign: a named check on one target (a geometry and profile, a kernel, a
 * layer). Later capabilities (the exhaustive explorer, the live-kernel oracle, the pid layer) add
 * their own implementations to {@link Verification}. An implementation need not be thread-safe:
 * a verification runs its checks one at a time.
 */
public interface Check {

  /** The check's name in the table, e.g. {@code differential}. */
  String name();

  /** What it checks, e.g. {@code 4/2/16 pid_max 14 / linux-2.6.24}. */
  String target();

  /**
   * The row's id for {@code verify --only}: its name with spaces as dashes, e.g. {@code
   * differential}, {@code pid-layer}; rows of one kind share it.
   */
  default String id() {
    return name().replace(' ', '-');
  }

  /** The profile the row checks, or null when it checks no one profile (it runs either way). */
  default Profile profile() {
    return null;
  }

  /**
   * How many steps the row plans to run, or 0 when it cannot know beforehand (an explorer); the
   * campaign's time estimate scales the measured time of rows of the same id by it.
   */
  default long plannedSteps() {
    return 0;
  }

  /**
   * Runs the check, reporting progress as it goes; a failure is a result, not an exception.
   */
  CheckResult run(Progress progress);
}
