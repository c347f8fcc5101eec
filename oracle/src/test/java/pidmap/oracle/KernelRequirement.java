package pidmap.oracle;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Skip or fail when the kernel oracle cannot run: PIDMAP_REQUIRE_KERNEL=1 makes it a failure. */
public final class KernelRequirement {
  public static final String ENV = "PIDMAP_REQUIRE_KERNEL";

  private KernelRequirement() {}

  public static boolean required() {
    return "1".equals(System.getenv(ENV));
  }

  public static void skipOrFail(KernelUnavailableException e) {
    if (required()) {
      Assertions.fail(ENV + "=1 but the kernel oracle cannot run: " + e.getMessage());
    }
    Assumptions.abort("kernel oracle unavailable: " + e.getMessage()
        + " (set " + ENV + "=1 to make this a failure)");
  }
}
