package pidmap.oracle;

import java.util.List;

/**
 * The first step at which the kernel and the model (or the model and the impl) disagree, with the
 * trace that replays it: a config line, then every step up to and including this one, each with
 * what the kernel answered as its {@code expect}. Immutable.
 *
 * @param kind the scenario kind
 * @param seed the scenario's seed
 * @param step 1-based index of the failing step in the trace (the config line not counted)
 * @param message what disagreed, in words
 * @param trace the replayable trace, JSON Lines
 */
public record KernelDivergence(
    ScenarioKind kind, long seed, long step, String message, List<String> trace) {

  public KernelDivergence {
    trace = List.copyOf(trace);
  }

  /** The report a person reads: what, where, how to replay it, and the trace itself. */
  public String report() {
    StringBuilder b = new StringBuilder()
        .append("kernel divergence at step ").append(step).append(" of a ").append(kind)
        .append(" scenario (seed ").append(seed).append("): ").append(message).append('\n')
        .append("replay: save the lines below as trace.jsonl and run"
            + " ./pidmap replay --profile linux-6 trace.jsonl\n");
    trace.forEach(line -> b.append(line).append('\n'));
    return b.toString();
  }
}
