package pidmap.conformance.verify;

import pidmap.conformance.kernel.KernelCheck;
import pidmap.conformance.kernel.KernelDivergence;
import pidmap.conformance.kernel.KernelReport;

/**
 * The live-kernel oracle as a verify row ({@link KernelCheck}): the linux-6 profile in lockstep
 * with the running kernel, in fresh PID namespaces. Skipped, with the reason, on a machine that
 * does not allow it. Thread-safe: each run starts its own agents.
 */
public final class KernelRowCheck implements Check {
  private final long steps;
  private final long seed;

  public KernelRowCheck(long steps, long seed) {
    this.steps = steps;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "kernel";
  }

  @Override
  public String target() {
    return "the running kernel / linux-6";
  }

  @Override
  public CheckResult run(Progress progress) {
    KernelCheck.Result r = KernelCheck.check(steps, seed);
    if (r.unavailableReason() != null) {
      return CheckResult.skipped(r.unavailableReason());
    }
    if (r.error() != null) {
      return new CheckResult(0, 0, new CheckResult.Failure(r.error(), seed, "", null));
    }
    KernelReport report = r.report();
    progress.say(report.summary());
    KernelDivergence d = report.firstDivergence();
    return new CheckResult(report.episodes(), report.steps(),
        d == null ? null : new CheckResult.Failure(d.report().stripTrailing(), d.seed(), "", null));
  }
}
