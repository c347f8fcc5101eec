package pidmap.oracle;

import java.io.IOException;
import pidmap.spec.Profile;

/**
 * The short kernel check that {@code ./pidmap verify} runs: a few thousand lockstep steps across
 * every scenario kind, or a plain reason why this machine does not allow it. Thread-safe: each
 * call runs its own agents; calls do not share state.
 */
public final class KernelCheck {
  /** Steps of the short check: a couple of seconds on a machine that allows it. */
  public static final int SHORT_STEPS = 10_000;

  private KernelCheck() {}

  /**
   * What the check found: a report, or why it could not run, or how the oracle itself failed.
   *
   * @param report the campaign's report, or null when it did not run to the end
   * @param unavailableReason why this machine does not allow the check (not Linux, not root,
   *     unshare refused, pid_max not per namespace), or null
   * @param error how the agent failed on a machine that allows it, or null
   */
  public record Result(KernelReport report, String unavailableReason, String error) {

    public boolean ran() {
      return report != null;
    }

    /** Ran, and the kernel agreed with the model on every step. */
    public boolean passed() {
      return report != null && report.firstDivergence() == null;
    }

    /** One line; a divergence's full report (with its trace) follows on the next lines. */
    public String summary() {
      if (unavailableReason != null) {
        return "kernel check skipped: " + unavailableReason;
      }
      if (error != null) {
        return "kernel check FAILED: " + error;
      }
      String line = report.summary();
      return report.firstDivergence() == null
          ? line
          : line + "\n" + report.firstDivergence().report();
    }
  }

  /** Runs {@link #SHORT_STEPS} steps; never throws for a machine that does not allow it. */
  public static Result shortCheck() {
    return check(SHORT_STEPS, 1);
  }

  /** Runs {@code steps} lockstep steps from {@code seed} across every scenario kind. */
  public static Result check(long steps, long seed) {
    return check(steps, seed, Profile.LINUX_6);
  }

  /** As above, with another profile's model and impl in place of linux-6's (for a test). */
  public static Result check(long steps, long seed, Profile profile) {
    int episode = (int) Math.max(100, Math.min(KernelCampaign.DEFAULT_EPISODE_STEPS,
        steps / ScenarioKind.values().length));
    try {
      return new Result(KernelCampaign.run(steps, seed,
          java.util.List.of(ScenarioKind.values()), episode, null, profile), null, null);
    } catch (KernelUnavailableException e) {
      return new Result(null, e.getMessage(), null);
    } catch (IOException e) {
      return new Result(null, null, "the kernel agent failed: " + e.getMessage());
    }
  }
}
