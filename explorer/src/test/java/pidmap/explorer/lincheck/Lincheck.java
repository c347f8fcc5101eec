package pidmap.explorer.lincheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;

/**
 * The small Lincheck budgets the default run can afford (the tests together take well under a
 * minute), and the check that a run reports a non-linearizable result.
 */
public final class Lincheck {
  private Lincheck() {}

  /** Invocations for a pinned scenario that must fail: found within 10000 in every trial. */
  public static final int TO_FIND = 20_000;
  /** Invocations for a pinned scenario that must pass. */
  public static final int TO_PASS = 5_000;

  /** Random scenarios of two threads, three operations each, under model checking. */
  public static ModelCheckingOptions modelChecking() {
    return new ModelCheckingOptions().iterations(15).invocationsPerIteration(200)
        .threads(2).actorsPerThread(3).actorsBefore(4).actorsAfter(2);
  }

  /** Random scenarios of three threads, two operations each, run on real threads. */
  static StressOptions stress() {
    return new StressOptions().iterations(15).invocationsPerIteration(500)
        .threads(3).actorsPerThread(2).actorsBefore(4).actorsAfter(2);
  }

  /** Only the pinned scenarios, up to {@code invocations} interleavings of the model checker. */
  public static ModelCheckingOptions pinned(int invocations) {
    return new ModelCheckingOptions().iterations(0).invocationsPerIteration(invocations);
  }

  /**
   * Runs {@code check}, which must fail with results no linearization explains; prints and
   * returns Lincheck's report (the minimised scenario first).
   */
  public static String expectNonLinearizable(Runnable check) {
    LincheckAssertionError e = catchThrowableOfType(LincheckAssertionError.class, check::run);
    assertThat(e).as("Lincheck found the execution linearizable").isNotNull();
    String report = e.getMessage();
    assertThat(report).contains("= Invalid execution results =");
    int from = report.indexOf("= Invalid");
    int to = report.indexOf("\n---\n", from);
    String table = report.substring(from, to < 0 ? report.length() : to);
    System.out.println(table);
    return table;
  }
}
