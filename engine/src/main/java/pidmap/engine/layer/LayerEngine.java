package pidmap.engine.layer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.model.pid.ModelPidLayer;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.trace.layer.LayerOp;

/**
 * The pid layer's differential engine: runs each operation on the model and on a candidate
 * layer in lockstep, then compares their answers, checks every invariant of
 * {@link LayerInvariants} on both (a named rule explains a bug better than a diff), and compares
 * their whole observable state ({@link Snapshot}). The
 * {@code teardown} op expands, at run time, into the operations that end the run cleanly
 * (computed from the model's state), followed by the leak check.
 *
 * <p>Not thread-safe: one engine per run.
 */
public final class LayerEngine {

  /**
   * The first thing that went wrong.
   *
   * @param step 1-based position in the trace; a teardown sub-step is {@code 12.3}
   * @param op the operation
   * @param kind what went wrong
   * @param side {@code model}, {@code impl} or {@code both}
   * @param invariant the invariant id for {@link Kind#INVARIANT}, else empty
   * @param message what went wrong, in words
   */
  public record Failure(String step, LayerOp op, Kind kind, String side, String invariant,
      String message) {

    public enum Kind {
      /** model and impl answered differently */
      ANSWER,
      /** their observable states differ after the step */
      STATE,
      /** a named invariant does not hold after the step */
      INVARIANT,
      /** a layer threw something other than a refusal */
      CRASH,
      /** the model's answer is not the trace's expect */
      EXPECT
    }

    /** What a shrunk trace must still show to count as the same failure. */
    public String signature() {
      return kind + " " + side + " " + invariant;
    }

    @Override
    public String toString() {
      return (kind == Kind.INVARIANT ? "" : kind.name().toLowerCase() + " failure on " + side + ": ")
          + message + " at step " + step + " (" + op + ")";
    }
  }

  /**
   * A run's verdict and what it covered.
   *
   * @param steps steps checked, teardown sub-steps included
   * @param failure the first failure, or null
   * @param namespaces namespaces the run created, init_pid_ns included
   * @param maxLiveNamespaces the largest tree: most namespaces live at once, init_pid_ns included
   * @param maxLevel the deepest namespace level reached
   * @param coverage how often each operation gave each kind of answer ({@code fork -> ENOMEM}),
   *     plus the notable paths the drivers saw ({@code fork: ENOMEM at an outer level})
   */
  public record Result(int steps, Failure failure, int namespaces, int maxLiveNamespaces,
      int maxLevel, Map<String, Integer> coverage) {
    public boolean ok() {
      return failure == null;
    }
  }

  private final LayerDriver model;
  private final LayerDriver impl;
  private String modelState;
  private String implState;
  private int steps;
  private final Map<String, Integer> coverage = new HashMap<>();
  private int maxLive = 1;
  private String lastAnswer;

  /** The model against the seed-shaped impl. */
  public LayerEngine(LayerConfig config) {
    this(config, ImplPidLayer::new);
  }

  /** The model against any layer, e.g. a deliberately broken one. */
  public LayerEngine(LayerConfig config, Function<LayerConfig, PidLayer> candidate) {
    this(config, candidate, Processes::new);
  }

  /** The candidate side driven by other process rules: a test-scope twin that breaks one. */
  LayerEngine(LayerConfig config, Function<LayerConfig, PidLayer> candidate,
      Function<LayerDriver, Processes> candidateRules) {
    this(config, candidate, Processes::new, candidateRules);
  }

  /**
   * Both sides driven by other process rules: a test-scope twin of the driver code the model
   * and the impl share, which only an independent answer (a kernel recording's expects) judges.
   */
  LayerEngine(LayerConfig config, Function<LayerConfig, PidLayer> candidate,
      Function<LayerDriver, Processes> modelRules, Function<LayerDriver, Processes> candidateRules) {
    Objects.requireNonNull(config);
    this.model = new LayerDriver(new ModelPidLayer(config), modelRules);
    this.impl = new LayerDriver(candidate.apply(config), candidateRules);
    this.modelState = Snapshot.of(model);
    this.implState = Snapshot.of(impl);
  }

  /** Runs {@code ops} from a fresh boot and stops at the first failure. */
  public static Result run(LayerConfig config, Function<LayerConfig, PidLayer> candidate,
      List<LayerOp> ops) {
    return run(new LayerEngine(config, candidate), ops);
  }

  /** Runs {@code ops} on {@code e}, fresh, and stops at the first failure. */
  static Result run(LayerEngine e, List<LayerOp> ops) {
    for (int i = 0; i < ops.size(); i++) {
      LayerOp op = ops.get(i);
      if (op.kind() == LayerOp.Kind.TEARDOWN) {
        List<LayerOp> sub = e.model.teardownOps();
        for (int k = 0; k < sub.size(); k++) {
          Failure f = e.step(sub.get(k), (i + 1) + "." + (k + 1));
          if (f != null) {
            return e.result(f);
          }
        }
      } else {
        Failure f = e.step(op, Integer.toString(i + 1));
        if (f != null) {
          return e.result(f);
        }
      }
    }
    return e.result(null);
  }

  private Result result(Failure f) {
    int maxLevel = 0;
    for (PidNs n : model.symbols.namespaces) {
      maxLevel = Math.max(maxLevel, n.level());
    }
    Map<String, Integer> all = new TreeMap<>(coverage);
    model.notes.forEach((k, v) -> all.merge(k, v, Integer::sum));
    return new Result(steps, f, model.symbols.namespaces.size(), maxLive, maxLevel, all);
  }

  /** The model's driver (the generator reads its state). */
  LayerDriver model() {
    return model;
  }

  /**
   * What the model answered at the last step that both layers answered (equal to the impl's
   * when that step conformed), e.g. {@code t5 305/7} for a fork; null before the first.
   */
  public String lastAnswer() {
    return lastAnswer;
  }

  /** Runs one step on both layers and checks it; null when it conforms. */
  public Failure step(LayerOp op, String index) {
    steps++;
    String a;
    String b;
    try {
      a = model.apply(op);
    } catch (RuntimeException e) {
      return new Failure(index, op, Failure.Kind.CRASH, "model", "", e.toString());
    }
    try {
      b = impl.apply(op);
    } catch (RuntimeException e) {
      return new Failure(index, op, Failure.Kind.CRASH, "impl", "", e.toString());
    }
    lastAnswer = a;
    if (!a.equals(b)) {
      return new Failure(index, op, Failure.Kind.ANSWER, "both", "",
          "model answered [" + a + "], impl answered [" + b + "]");
    }
    String ms = Snapshot.of(model);
    String is = Snapshot.of(impl);
    DriverStep mStep = new DriverStep(model, op, a, ms.equals(modelState));
    DriverStep iStep = new DriverStep(impl, op, b, is.equals(implState));
    modelState = ms;
    implState = is;
    for (LayerInvariantCheck inv : LayerInvariants.ALL) {
      Failure f = check(inv, mStep, "model", index, op);
      if (f == null) {
        f = check(inv, iStep, "impl", index, op);
      }
      if (f != null) {
        return f;
      }
    }
    String diff = Snapshot.firstDifference(ms, is);
    if (diff != null) {
      return new Failure(index, op, Failure.Kind.STATE, "both", "", diff);
    }
    coverage.merge(op.kind().wire() + " -> " + answerKind(a), 1, Integer::sum);
    maxLive = Math.max(maxLive, model.layer.liveNamespaces() + 1);
    return null;
  }

  /** The shape of an answer, for coverage: found, null, refused, skip, ENOMEM, 0, ... */
  static String answerKind(String a) {
    if (a.startsWith("refused")) {
      return "refused";
    }
    if (a.startsWith("killed")) {
      return a.equals("killed []") ? "killed none" : "killed some";
    }
    if (a.startsWith("ran")) {
      return a.equals("ran 0") ? "ran none" : "ran some";
    }
    if (a.matches("[tpn][0-9]+.*")) {
      return "found";
    }
    if (a.matches("[0-9]+")) {
      return a.equals("0") ? "0" : "a number";
    }
    return a;
  }

  private static Failure check(LayerInvariantCheck inv, DriverStep s, String side, String index,
      LayerOp op) {
    try {
      String v = inv.check(s);
      return v == null ? null
          : new Failure(index, op, Failure.Kind.INVARIANT, side, inv.id(), v + " (" + side + ")");
    } catch (RuntimeException e) {
      return new Failure(index, op, Failure.Kind.CRASH, side, inv.id(),
          "checking " + inv.id() + " threw " + e);
    }
  }
}
