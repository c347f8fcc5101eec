package pidmap.verify;

import java.io.IOException;
import pidmap.oracle.KernelCheck;
import pidmap.oracle.KernelDivergence;
import pidmap.oracle.KernelReport;
import pidmap.oracle.KernelUnavailableException;
import pidmap.oracle.NestedLockstep;

/**
 * The live-kernel oracle as a verify row, in fresh PID namespaces: either the linux-6 allocator
 * in lockstep with the running kernel ({@link KernelCheck}), or the linux-6 pid layer two levels
 * deep, every fork's numbers against the kernel's NSpid line ({@link NestedLockstep#campaign}).
 * Skipped, with the reason, on a machine that does not allow it. Thread-safe: each run starts its
 * own agents.
 */
public final class KernelRowCheck implements Check {
  private final long steps;
  private final long seed;
  private final boolean nested;

  /** The allocator row. */
  public KernelRowCheck(long steps, long seed) {
    this(steps, seed, false);
  }

  private KernelRowCheck(long steps, long seed, boolean nested) {
    this.steps = steps;
    this.seed = seed;
    this.nested = nested;
  }

  /** The pid layer row, in a nested namespace. */
  public static KernelRowCheck nested(long steps, long seed) {
    return new KernelRowCheck(steps, seed, true);
  }

  @Override
  public String name() {
    return "kernel";
  }

  @Override
  public String target() {
    return nested ? "the running kernel, nested namespace / pid layer linux-6"
        : "the running kernel / linux-6";
  }

  @Override
  public String id() {
    return nested ? "kernel-nested" : "kernel";
  }

  @Override
  public pidmap.spec.Profile profile() {
    return pidmap.spec.Profile.LINUX_6;
  }

  @Override
  public long plannedSteps() {
    return steps;
  }

  @Override
  public CheckResult run(Progress progress) {
    return nested ? runNested(progress) : runFlat(progress);
  }

  private CheckResult runFlat(Progress progress) {
    KernelCheck.Result r = KernelCheck.check(steps, seed);
    if (r.unavailableReason() != null) {
      return CheckResult.skipped(r.unavailableReason());
    }
    if (r.error() != null) {
      return agentFailed(r.error());
    }
    KernelReport report = r.report();
    progress.say(report.summary());
    KernelDivergence d = report.firstDivergence();
    if (d == null) {
      return new CheckResult(report.episodes(), report.steps(), null);
    }
    KernelDivergenceFiles.Filed filed = KernelDivergenceFiles.file(d, progress.out());
    return new CheckResult(report.episodes(), report.steps(), new CheckResult.Failure(
        filed.report().stripTrailing(), d.seed(), "", filed.shrunkFile() != null
            ? filed.shrunkFile() : filed.file(), ""));
  }

  private CheckResult runNested(Progress progress) {
    NestedLockstep.Campaign c;
    try {
      c = NestedLockstep.campaign(seed, steps);
    } catch (KernelUnavailableException e) {
      return CheckResult.skipped(e.getMessage());
    } catch (IOException e) {
      return agentFailed("the kernel agent failed: " + e.getMessage());
    }
    progress.say(c.summary());
    return new CheckResult(c.runs(), c.steps(), c.firstDivergence() == null ? null
        : new CheckResult.Failure(c.firstDivergence(), seed, "", null));
  }

  private CheckResult agentFailed(String message) {
    return new CheckResult(0, 0, new CheckResult.Failure(message, seed, "", null));
  }
}
