package pidmap.verify;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How long the rest of a campaign should take, from the rows already run: a row that plans a
 * number of steps ({@link Check#plannedSteps()}) is estimated at the measured seconds per step of
 * the finished rows with its id; a row that cannot plan (an explorer) at the mean time of its
 * id's finished rows; a row whose id has not run yet at the mean time of every finished row. A
 * guess from this machine's own pace, never a promise. Not thread-safe.
 */
final class Estimate {
  private final List<Check> checks;
  private final double[] seconds;
  private int done;

  Estimate(List<Check> checks) {
    this.checks = List.copyOf(checks);
    this.seconds = new double[checks.size()];
  }

  void done(int index, Duration time) {
    seconds[index] = time.toNanos() / 1e9;
    done = index + 1;
  }

  /** Estimated seconds for the rows not run yet. */
  double remaining() {
    double total = 0;
    for (int i = done; i < checks.size(); i++) {
      total += guess(checks.get(i));
    }
    return total;
  }

  String remainingText() {
    int left = checks.size() - done;
    return String.format(Locale.ROOT, "about %.0f s to go (%d %s, from the pace so far)",
        remaining(), left, left == 1 ? "row" : "rows");
  }

  private double guess(Check c) {
    double sameSeconds = 0;
    long sameSteps = 0;
    int same = 0;
    double all = 0;
    for (int i = 0; i < done; i++) {
      all += seconds[i];
      Check d = checks.get(i);
      if (d.id().equals(c.id())) {
        same++;
        sameSeconds += seconds[i];
        sameSteps += d.plannedSteps();
      }
    }
    if (same == 0) {
      return done == 0 ? 0 : all / done;
    }
    if (c.plannedSteps() > 0 && sameSteps > 0) {
      return sameSeconds / sameSteps * c.plannedSteps();
    }
    return sameSeconds / same;
  }
}
