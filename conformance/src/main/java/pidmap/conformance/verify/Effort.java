package pidmap.conformance.verify;

/** How hard a campaign tries: traces per geometry and steps per trace. Immutable. */
public enum Effort {
  QUICK(20, 1000),
  STANDARD(200, 1000),
  DEEP(2000, 2000);

  private final int traces;
  private final int steps;

  Effort(int traces, int steps) {
    this.traces = traces;
    this.steps = steps;
  }

  public int traces() {
    return traces;
  }

  public int steps() {
    return steps;
  }
}
