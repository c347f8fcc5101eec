package pidmap.explorer;

import java.util.List;
import java.util.stream.Collectors;
import pidmap.engine.StepResult;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * A failing run found by the explorer: the operations from a fresh allocator and the step at
 * which the model and the candidate part ways (or an invariant breaks). The explorer reports the
 * shortest one: the breadth-first path to the failing state plus the failing operation.
 * Immutable.
 *
 * @param ops the operations, from a fresh allocator, up to and including the failing one
 * @param failure the failing step: its index (1-based), operation, both answers, what failed
 * @param shortest whether no shorter failing path exists (for a candidate whose behaviour depends
 *     only on its state, which the breadth-first search assumes)
 */
public record ShortestFailure(List<Op> ops, StepResult failure, boolean shortest) {

  public ShortestFailure {
    ops = List.copyOf(ops);
  }

  /** A failure before any operation: the fresh allocator itself is wrong. */
  static ShortestFailure fresh(String message) {
    return new ShortestFailure(List.of(), new StepResult(0, null, null, null,
        new StepResult.Failure(message.contains("invariant ") ? StepResult.Failure.Kind.INVARIANT
            : StepResult.Failure.Kind.DIVERGENCE, message)), true);
  }

  /** The trace, one JSON line per operation after a config line: what {@code replay} reads. */
  public String toTrace(Geometry g, Profile p) {
    String config = "{\"op\":\"config\",\"profile\":\"" + p.id() + "\",\"pid_max\":"
        + g.defaultPidMax() + ",\"bits_per_page\":" + g.bitsPerPage() + ",\"reserved\":"
        + g.reservedPids() + ",\"pid_max_limit\":" + g.pidMaxLimit() + "}";
    return config + "\n"
        + ops.stream().map(Op::toJson).collect(Collectors.joining("\n")) + "\n";
  }

  @Override
  public String toString() {
    if (ops.isEmpty()) {
      return "0 steps: " + failure.failure().message();
    }
    return ops.size() + " steps [" + ops.stream().map(Op::toString).collect(Collectors.joining(", "))
        + "]: " + failure;
  }
}
