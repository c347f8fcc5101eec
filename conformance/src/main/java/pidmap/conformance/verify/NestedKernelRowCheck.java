package pidmap.conformance.verify;

import java.io.IOException;
import pidmap.conformance.kernel.KernelUnavailableException;
import pidmap.conformance.kernel.NestedLockstep;

/**
 * The pid layer at two levels against the running kernel as a verify row
 * ({@link NestedLockstep#campaign}): every fork's numbers against the kernel's NSpid line.
 * Skipped, with the reason, where the machine does not allow it. Thread-safe: each run starts
 * its own agents.
 */
public final class NestedKernelRowCheck implements Check {
  private final long steps;
  private final long seed;

  public NestedKernelRowCheck(long steps, long seed) {
    this.steps = steps;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "kernel";
  }

  @Override
  public String target() {
    return "the running kernel, nested namespace / pid layer linux-6";
  }

  @Override
  public CheckResult run(Progress progress) {
    NestedLockstep.Campaign c;
    try {
      c = NestedLockstep.campaign(seed, steps);
    } catch (KernelUnavailableException e) {
      return CheckResult.skipped(e.getMessage());
    } catch (IOException e) {
      return new CheckResult(0, 0, new CheckResult.Failure(
          "the kernel agent failed: " + e.getMessage(), seed, "", null));
    }
    progress.say(c.summary());
    return new CheckResult(c.runs(), c.steps(), c.firstDivergence() == null ? null
        : new CheckResult.Failure(c.firstDivergence(), seed, "", null));
  }
}
