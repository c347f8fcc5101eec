package pidmap.oracle;

import pidmap.model.ModelPidAllocator;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * A generated scenario of one {@link ScenarioKind}, open to callers outside the oracle: the same
 * operations the kernel lockstep runs (frees name held pids only, never pid 1; invalid writes
 * are meant), planned from the model's state. The conformance kit runs them against any agent.
 * Not thread-safe; deterministic for a seed.
 */
public final class OpStream {
  private final Scenario scenario;

  private OpStream(Scenario scenario) {
    this.scenario = scenario;
  }

  /** A fresh stream; {@code pidMax} overrides the kind's own starting pid_max when not null. */
  public static OpStream of(ScenarioKind kind, long seed, Integer pidMax) {
    return new OpStream(kind.create(seed, pidMax));
  }

  /** The pid_max the scenario starts with: set it before the first operation. */
  public int initialPidMax() {
    return scenario.initialPidMax();
  }

  /** The next operation, given the model's state now (the model has run every earlier one). */
  public Op next(ModelPidAllocator model) {
    return scenario.next(model);
  }

  /** Books what an operation answered on the model, so that later frees name held pids. */
  public void observe(Op op, Outcome outcome) {
    scenario.observe(op, outcome);
  }
}
