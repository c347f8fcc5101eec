package pidmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import pidmap.engine.StepResult;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.TraceLine;

/** The words the command line prints about steps and runs, in one place. Stateless. */
final class Reports {
  private Reports() {}

  /** {@code step 3 (line 4): alloc -> 301  conforms, expect met}. */
  static String stepLine(StepResult step, TraceLine line) {
    String head = "step " + step.index() + " (line " + line.line() + "): " + step.op() + " -> "
        + step.candidate() + "  ";
    if (!step.ok()) {
      return head + "FAILS";
    }
    return head + (line.expect() == null ? "conforms" : "conforms, expect met");
  }

  /** What failed, expected against got, and how to get the failure back. */
  static void failure(PrintWriter out, StepResult step, TraceLine line, String source, Path prefix) {
    StepResult.Failure f = step.failure();
    out.println("FAIL at step " + step.index() + " (" + source + " line " + line.line() + "): "
        + step.op());
    switch (f.kind()) {
      case EXPECT:
        out.println("  expected: " + line.expect() + " (the trace's expect)");
        out.println("  got:      " + step.reference() + " (the reference model, "
            + "and the impl answers " + step.candidate() + ")");
        break;
      case DIVERGENCE:
        out.println("  expected: " + step.reference() + " (the reference model)");
        out.println("  got:      " + step.candidate() + " (the impl)");
        break;
      default:
        out.println("  answer:   " + step.candidate());
        break;
    }
    out.println("  " + kindWord(f.kind()) + ": " + f.message());
    long before = step.index() - 1;
    out.println(before == 1 ? "  the step before it conforms"
        : "  the " + before + " steps before it conform");
    out.println("reproduce: ./pidmap replay " + prefix + "   (the first " + step.index()
        + " steps, flags folded into its config line)");
    out.println("shrink:    ./pidmap shrink " + prefix);
  }

  static String kindWord(StepResult.Failure.Kind kind) {
    switch (kind) {
      case EXPECT:
        return "unmet expect";
      case DIVERGENCE:
        return "divergence";
      default:
        return "invariant";
    }
  }

  /** {@code conforms: 3 steps, 2 expects met; linux-2.6.24, kernel (...); 0.01 s, 300 steps/s}. */
  static String summary(long steps, long expects, Profile profile, Geometry g, double seconds) {
    return String.format(Locale.ROOT,
        "conforms: %d steps, %d expects met; %s, %s; %.2f s, %.0f steps/s",
        steps, expects, profile, g.label(), seconds, seconds > 0 ? steps / seconds : 0.0);
  }
}
