package pidmap.oracle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import pidmap.engine.layer.LayerEngine;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.trace.layer.LayerOp;

/**
 * The pid layer's multi-level numbers against the running kernel: one scenario on a fresh agent
 * with a nested PID namespace, and the linux-6 pid layer (model and impl, through the
 * {@link LayerEngine}, every layer invariant after every step) in lockstep with it.
 *
 * <p>The layer's init_pid_ns stands for the agent's namespace (level 0) and its first fork for
 * the agent itself (pid 1); a fork with CLONE_NEWPID stands for the agent's {@code nest}, whose
 * init's numbers are {@code O/1}. From there the scenario forks holders at either level, exits
 * them, and changes level 0's pid_max (small, so that level 0 runs out while level 1 still has
 * numbers: alloc_pid then gives back the number it took at level 1). Every fork's numbers, outer
 * first, must equal the NSpid line the kernel shows for the new holder, and every refusal the
 * kernel's errno. The nested namespace's pid_max is the kernel's default for a new namespace,
 * PID_MAX_LIMIT, and its init is never killed (that would end the namespace).
 *
 * <p>Not thread-safe: one run drives one agent.
 */
public final class NestedLockstep {
  static final int CHECK_EVERY = 256;

  /**
   * What one run did.
   *
   * @param steps layer steps run, the failing one included
   * @param divergence the first disagreement (kernel vs model, or model vs impl), or null
   * @param trace the layer trace run so far, one JSON line per step
   * @param events how often each case was reached
   */
  public record Episode(long seed, int outerPidMax, int steps, long nanos, String divergence,
      List<String> trace, Map<String, Integer> events) {

    public boolean ok() {
      return divergence == null;
    }
  }

  private final long seed;
  private final SplittableRandom rnd;
  private final LayerEngine engine;
  private final KernelAgent agent;
  private final List<String> trace = new ArrayList<>();
  private final Map<String, Integer> events = new TreeMap<>();
  private final List<String> outer = new ArrayList<>();
  private final List<String> inner = new ArrayList<>();
  private final Map<String, Integer> outerNr = new TreeMap<>();
  private final int basePidMax;
  private int pidMax;
  private int nextId = 1;
  /** The nested namespace's init: forks at level 1 are its children; it never exits. */
  private String innerInit;
  private int steps;
  private String divergence;

  private NestedLockstep(long seed, int pidMax, LayerConfig model, KernelAgent agent) {
    this.seed = seed;
    this.rnd = new SplittableRandom(seed);
    this.basePidMax = pidMax;
    this.pidMax = pidMax;
    this.agent = agent;
    this.engine = new LayerEngine(model);
  }

  /** Level 0's starting pid_max of a campaign's runs, in turn: four that run out, one roomy. */
  public static final List<Integer> PID_MAXES = List.of(301, 305, 320, 400, 5000);

  /**
   * Several runs, or the first that diverged.
   *
   * @param runs how many runs were made
   * @param firstDivergence the first divergence with its run's trace, or null
   */
  public record Campaign(int runs, long steps, long nanos, String firstDivergence,
      Map<String, Integer> events) {

    /** One line: steps, rate, divergences, what was reached. */
    public String summary() {
      return String.format(Locale.ROOT,
          "nested kernel: %d layer steps in %d runs, %.1f s, %.0f steps/s, %s%n  exercised: %s",
          steps, runs, nanos / 1e9, steps / Math.max(1e-9, nanos / 1e9),
          firstDivergence == null ? "0 divergences" : "DIVERGED", events);
    }
  }

  /**
   * {@code totalSteps} steps split over {@link #PID_MAXES}, run {@code i} with seed
   * {@code seed + i}; stops at the first divergence.
   */
  public static Campaign campaign(long seed, long totalSteps)
      throws KernelUnavailableException, IOException {
    int per = (int) Math.max(50, totalSteps / PID_MAXES.size());
    Map<String, Integer> events = new TreeMap<>();
    long steps = 0;
    long nanos = 0;
    for (int i = 0; i < PID_MAXES.size(); i++) {
      Episode e = run(seed + i, PID_MAXES.get(i), per);
      e.events().forEach((k, v) -> events.merge(k, v, Integer::sum));
      steps += e.steps();
      nanos += e.nanos();
      if (!e.ok()) {
        return new Campaign(i + 1, steps, nanos,
            e.divergence() + "\n  the layer trace:\n    " + String.join("\n    ", e.trace()),
            events);
      }
    }
    return new Campaign(PID_MAXES.size(), steps, nanos, null, events);
  }

  /** The layer configuration of a run whose level 0 starts at {@code pidMax}. */
  public static LayerConfig config(int pidMax) {
    Geometry k = Geometry.KERNEL;
    return new LayerConfig(k, Profile.LINUX_6, LayerConfig.ONE_GIGABYTE_PAGES,
        List.of(pidMax, k.pidMaxLimit()));
  }

  /**
   * Runs {@code steps} layer steps with level 0's pid_max starting at {@code pidMax}.
   *
   * @throws KernelUnavailableException where the machine refuses the namespaces, or pid_max is
   *     not per namespace (before Linux 6.14: the run would change the whole machine's)
   */
  public static Episode run(long seed, int pidMax, int steps)
      throws KernelUnavailableException, IOException {
    return run(seed, pidMax, config(pidMax), steps);
  }

  /** The same with the layers built from {@code model} (a test gives them a wrong pid_max). */
  static Episode run(long seed, int pidMax, LayerConfig model, int steps)
      throws KernelUnavailableException, IOException {
    long start = System.nanoTime();
    try (KernelAgent agent = KernelAgent.start(Math.max(60, steps / 100))) {
      if (!agent.hello().pidMaxWritable()) {
        throw new KernelUnavailableException("pid_max is not per PID namespace on Linux "
            + agent.hello().release() + " (it is since 6.14); the nested check needs to lower it");
      }
      NestedLockstep run = new NestedLockstep(seed, pidMax, model, agent);
      run.go(steps);
      return new Episode(seed, pidMax, run.steps, System.nanoTime() - start, run.divergence,
          List.copyOf(run.trace), Map.copyOf(run.events));
    }
  }

  private void go(int budget) throws IOException {
    expectOk("set_pid_max " + pidMax, "level 0's pid_max");
    // the agent is pid 1 of its namespace: the layer's first fork
    if (!fork("t0", 0, null, "pids " + agent.hello().pid()) || !nest()) {
      return;
    }
    while (divergence == null && steps < budget) {
      double r = rnd.nextDouble();
      if (innerInit == null && r < 0.05) {
        nest();
      } else if (r < 0.46) {
        forkHolder(innerInit != null && rnd.nextBoolean());
      } else if (r < 0.90) {
        exitHolder();
      } else if (innerInit != null && r < 0.91) {
        endNamespace();
      } else {
        setPidMax();
      }
      if (divergence == null && steps % CHECK_EVERY == 0) {
        expectOk("check", "the agent's /proc check");
      }
    }
    if (divergence == null) {
      expectOk("check", "the agent's /proc check");
    }
  }

  private boolean nest() throws IOException {
    agent.send("nest");
    String reply = agent.receive();
    String init = "t" + nextId; // fork names its task after the op's id
    if (!fork("t1", CloneFlags.CLONE_NEWPID, null, reply)) {
      return false;
    }
    innerInit = outerNr.containsKey(init) ? init : null; // null: level 0 had no number left
    return true;
  }

  /**
   * The nested init exits: the kernel kills the rest of its namespace (zap_pid_ns_processes,
   * seed 589-624), and so must the layer; every killed holder's numbers are free at both levels.
   */
  private void endNamespace() throws IOException {
    agent.send("free " + outerNr.get(innerInit));
    String kernel = agent.receive();
    String model = exitAndReap(innerInit);
    if (model == null) {
      return;
    }
    Set<String> expected = new TreeSet<>();
    inner.forEach(t -> expected.add(Integer.toString(outerNr.remove(t))));
    outerNr.remove(innerInit);
    Set<String> killed = new TreeSet<>(
        List.of(kernel.replaceFirst("^ok killed ?", "").split(" ")));
    killed.remove("");
    if (!kernel.startsWith("ok killed") || !model.equals("ok") || !killed.equals(expected)) {
      diverge("exit of the nested init " + innerInit + ": the model answers " + model
          + " and kills the holders at " + expected + "; the kernel answers " + kernel);
      return;
    }
    count(expected.isEmpty() ? "nested init exits alone" : "nested init exits, zaps holders");
    inner.clear();
    innerInit = null;
  }

  private void forkHolder(boolean atInner) throws IOException {
    agent.send("alloc_at " + (atInner ? 1 : 0));
    fork(atInner ? innerInit : "t1", 0, atInner ? inner : outer, agent.receive());
  }

  /**
   * One fork on the layer, compared with the kernel's reply to the request already answered.
   * Answers whether it conformed; a new task is added to {@code holders}.
   */
  private boolean fork(String parent, long flags, List<String> holders, String kernelReply)
      throws IOException {
    int id = nextId++;
    String model = step(LayerOp.fork(id, parent, flags));
    if (model == null) {
      return false;
    }
    String kernel = kernelNumbers(kernelReply);
    String numbers = model.startsWith("t") ? model.substring(model.indexOf(' ') + 1) : model;
    if (!numbers.equals(kernel)) {
      return diverge("fork of " + parent + ": the model answers " + numbers
          + " (outer/inner numbers) but the kernel answers " + kernel);
    }
    boolean nested = flags != 0 || (holders != null && holders == inner);
    if (model.startsWith("t")) {
      String task = model.substring(0, model.indexOf(' '));
      outerNr.put(task, Integer.parseInt(numbers.split("/")[0]));
      if (holders != null) {
        holders.add(task);
      }
      count(nested ? "fork at level 1" : "fork at level 0");
    } else {
      count(nested ? "fork at level 1 refused (level 0 ran out, level 1's number given back)"
          : "fork at level 0 refused (" + model + ")");
    }
    return true;
  }

  private void exitHolder() throws IOException {
    boolean atInner = !inner.isEmpty() && (outer.isEmpty() || rnd.nextBoolean());
    List<String> from = atInner ? inner : outer;
    if (from.isEmpty()) {
      forkHolder(innerInit != null && rnd.nextBoolean());
      return;
    }
    String task = from.remove(rnd.nextInt(from.size()));
    agent.send("free " + outerNr.remove(task));
    String kernel = agent.receive();
    String model = exitAndReap(task);
    if (model != null && !model.equals(kernel)) {
      diverge("exit " + task + ": the model answers " + model + " but the kernel " + kernel);
    }
    count(atInner ? "exit at level 1" : "exit at level 0");
  }

  /**
   * The agent's "free" is SIGKILL and waitpid: the task exits and its parent reaps it at once,
   * so the layer runs exit and then reap (a zombie keeps its numbers until the reap). Answers
   * the exit's answer, or null when a step failed.
   */
  private String exitAndReap(String task) {
    String exit = step(LayerOp.task(LayerOp.Kind.EXIT, task));
    if (exit == null) {
      return null;
    }
    return step(LayerOp.task(LayerOp.Kind.REAP, task)) == null ? null : exit;
  }

  private void setPidMax() throws IOException {
    int highest = outerNr.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    int floor = Geometry.KERNEL.pidMaxMin();
    int value = switch (rnd.nextInt(4)) {
      case 0 -> Math.max(floor, highest - rnd.nextInt(20)); // below a live pid
      case 1 -> basePidMax + rnd.nextInt(41) - 20;
      case 2 -> floor + rnd.nextInt(10);
      default -> pidMax + rnd.nextInt(5) - 2;
    };
    value = Math.max(floor, value);
    agent.send("set_pid_max " + value);
    String kernel = agent.receive();
    String model = step(LayerOp.ns(LayerOp.Kind.SET_PID_MAX, "n0", value));
    if (model != null && !model.equals(kernel)) {
      diverge("set_pid_max " + value + " at level 0: the model answers " + model
          + " but the kernel " + kernel);
      return;
    }
    pidMax = value;
    count(value <= highest ? "set_pid_max below a live pid" : "set_pid_max");
  }

  /** One step on the model and the impl; their common answer, or null after a divergence. */
  private String step(LayerOp op) {
    steps++;
    trace.add(op.toJson());
    LayerEngine.Failure f = engine.step(op, Integer.toString(steps));
    if (f != null) {
      diverge("model vs impl: " + f);
      return null;
    }
    return engine.lastAnswer();
  }

  /** "pids 305/7" as "305/7", "errno EAGAIN" as "EAGAIN". */
  private static String kernelNumbers(String reply) throws IOException {
    if (reply.startsWith("pids ")) {
      return reply.substring(5);
    }
    if (reply.startsWith("errno ")) {
      return reply.substring(6);
    }
    throw new IOException("the kernel agent failed: " + reply);
  }

  private void expectOk(String request, String what) throws IOException {
    agent.send(request);
    String reply = agent.receive();
    if (!reply.startsWith("ok")) {
      throw new IOException(what + " failed: " + request + " -> " + reply);
    }
  }

  private boolean diverge(String what) {
    divergence = "step " + steps + " (seed " + seed + ", level 0 pid_max " + basePidMax + "): "
        + what;
    return false;
  }

  private void count(String event) {
    events.merge(event, 1, Integer::sum);
  }
}
