package pidmap.engine;

/**
 * The verdict on a whole run.
 *
 * @param steps how many steps ran (up to and including a failing one)
 * @param firstFailure the failing step, or null when every step conformed
 */
public record RunResult(long steps, StepResult firstFailure) {

  public boolean ok() {
    return firstFailure == null;
  }
}
