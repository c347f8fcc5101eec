package pidmap.engine.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import pidmap.engine.shrink.Shrinker;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidLayer;
import pidmap.trace.layer.LayerOp;
import pidmap.trace.layer.LayerTraceFile;

/**
 * Replays a layer trace file (model against a candidate through {@link LayerEngine}, every
 * invariant after every step, each line's {@code expect} checked against the model's answer)
 * and shrinks a failing one to the fewest lines that fail the same way. What {@code pidmap
 * replay} and {@code pidmap shrink} run for a layer trace.
 *
 * <p>Stateless: each call runs on the calling thread.
 */
public final class LayerReplay {
  private LayerReplay() {}

  /**
   * One replayed line.
   *
   * @param line the file's line number
   * @param op the operation (a teardown's sub-steps are reported one by one, on its line)
   * @param answer what the model answered, or null when the step crashed before answering
   * @param failure the failure at this step, or null
   */
  public record Step(long line, LayerOp op, String answer, LayerEngine.Failure failure) {}

  /**
   * A whole replay.
   *
   * @param steps steps run, teardown sub-steps included
   * @param failure the first failure, or null when every step conformed
   * @param failingLine the line of that failure, or 0
   */
  public record Outcome(int steps, LayerEngine.Failure failure, long failingLine) {
    public boolean ok() {
      return failure == null;
    }
  }

  /** Replays {@code lines} from a fresh boot, reporting each step to {@code each}. */
  public static Outcome run(LayerConfig config, Function<LayerConfig, PidLayer> candidate,
      List<LayerTraceFile.Line> lines, Consumer<Step> each) {
    return run(new LayerEngine(config, candidate), lines, each);
  }

  /** Replays {@code lines} on {@code e}, fresh, reporting each step to {@code each}. */
  static Outcome run(LayerEngine e, List<LayerTraceFile.Line> lines, Consumer<Step> each) {
    int steps = 0;
    for (int i = 0; i < lines.size(); i++) {
      LayerTraceFile.Line l = lines.get(i);
      List<LayerOp> ops = l.op().kind() == LayerOp.Kind.TEARDOWN ? e.model().teardownOps()
          : List.of(l.op());
      for (int k = 0; k < ops.size(); k++) {
        String index = ops.size() == 1 && l.op().kind() != LayerOp.Kind.TEARDOWN
            ? Integer.toString(i + 1) : (i + 1) + "." + (k + 1);
        LayerEngine.Failure f = e.step(ops.get(k), index);
        steps++;
        String answer = e.lastAnswer();
        if (f == null && l.expect() != null && l.op().kind() != LayerOp.Kind.TEARDOWN
            && !l.expect().equals(answer)) {
          f = new LayerEngine.Failure(index, ops.get(k), LayerEngine.Failure.Kind.EXPECT, "model",
              "", "expected [" + l.expect() + "], the model answered [" + answer + "]");
        }
        each.accept(new Step(l.line(), ops.get(k), answer, f));
        if (f != null) {
          return new Outcome(steps, f, l.line());
        }
      }
    }
    return new Outcome(steps, null, 0);
  }

  /**
   * The fewest lines of {@code lines} (kept in order, the failing line last) that fail the same
   * way: the same kind, side and invariant, and for an unmet expect the same expect and answer.
   * Null when the lines conform.
   */
  public static List<LayerTraceFile.Line> shrink(LayerConfig config,
      Function<LayerConfig, PidLayer> candidate, List<LayerTraceFile.Line> lines) {
    Outcome first = run(config, candidate, lines, s -> { });
    if (first.ok()) {
      return null;
    }
    List<LayerTraceFile.Line> prefix = new ArrayList<>();
    for (LayerTraceFile.Line l : lines) {
      prefix.add(l);
      if (l.line() == first.failingLine()) {
        break;
      }
    }
    String signature = signature(first.failure());
    return Shrinker.minimize(prefix, ls -> {
      Outcome o = run(config, candidate, ls, s -> { });
      return !o.ok() && signature(o.failure()).equals(signature);
    }, LayerCheck.SHRINK_BUDGET);
  }

  private static String signature(LayerEngine.Failure f) {
    return f.kind() == LayerEngine.Failure.Kind.EXPECT ? f.signature() + " " + f.message()
        : f.signature();
  }
}
