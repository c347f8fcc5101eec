package pidmap.cli;

import java.io.PrintWriter;
import java.util.Locale;
import pidmap.engine.StepResult;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.TraceLine;

/** The words the command line prints about steps and runs, in one place. Stateless. */
final class Reports {
  private Reports() {}

  /** {@code 1 step}, {@code 2 steps}: a count with its noun. */
  static String count(long n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }

  /** {@code step 3 (line 4): alloc -> 301  conforms, expect met}. */
  static String stepLine(StepResult step, TraceLine line) {
    String head = "step " + step.index() + " (line " + line.line() + "): " + step.op() + " -> "
        + step.candidate() + "  ";
    if (!step.ok()) {
      return head + "FAILS";
    }
    return head + (line.expect() == null ? "conforms" : "conforms, expect met");
  }

  /** What failed, expected against got, and whose answer is whose. */
  static void failure(PrintWriter out, StepResult step, TraceLine line, String source) {
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
        boolean model = f.side() == StepResult.Failure.Side.MODEL;
        out.println(String.format("  %-10s%s (its state after this answer breaks the invariant)",
            model ? "model:" : "impl:", model ? step.reference() : step.candidate()));
        out.println(String.format("  %-10s%s", model ? "impl:" : "model:",
            model ? step.candidate() : step.reference()));
        break;
    }
    out.println("  " + (f.kind() == StepResult.Failure.Kind.INVARIANT ? ""
        : kindWord(f.kind()) + ": ") + f.message());
    long before = step.index() - 1;
    out.println(before == 0 ? "  it is the first step"
        : before == 1 ? "  the step before it conforms"
        : "  the " + before + " steps before it conform");
  }

  /** The lines that say how to get the failure back, or why the file is missing. */
  static void reproduce(PrintWriter out, String prefix, long steps, String notWritten) {
    if (prefix == null) {
      out.println("reproduce: not written: " + notWritten);
      return;
    }
    out.println("reproduce: ./pidmap replay " + prefix + "   ("
        + (steps == 1 ? "the failing step" : "the first " + steps + " steps")
        + ", flags folded into its config line)");
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

  /** {@code conforms: 3 steps, 2 expects met; linux-2.6.24, 32768/300/4194304 pid_max 32768; ...}. */
  static String summary(long steps, long expects, Profile profile, Geometry g, double seconds) {
    return String.format(Locale.ROOT, "conforms: %s, %s met; %s, %s; %.2f s, %.0f steps/s",
        count(steps, "step"), count(expects, "expect"), profile, g.label(), seconds,
        seconds > 0 ? steps / seconds : 0.0);
  }
}
