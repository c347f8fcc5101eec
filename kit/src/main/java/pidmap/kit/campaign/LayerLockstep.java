package pidmap.kit.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;
import pidmap.engine.layer.ProcessLevel;
import pidmap.engine.layer.ProcessLevelGenerator;
import pidmap.engine.shrink.Shrinker;
import pidmap.kit.agent.Agent;
import pidmap.kit.agent.AgentException;
import pidmap.kit.agent.AgentFactory;
import pidmap.kit.agent.Hello;
import pidmap.kit.suite.Failure;
import pidmap.kit.suite.Verdict;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidLayer;
import pidmap.trace.layer.LayerOp;
import pidmap.trace.layer.LayerTraceFile;

/**
 * The process-level lockstep: the model's linux-6 pid layer ({@link ProcessLevel}) against an
 * agent that declares the process level, on generated kernel-safe layer steps
 * ({@link ProcessLevelGenerator}), {@value #EPISODE} steps per fresh agent. Every reply is
 * compared with the model's, exactly; the first divergence is shrunk (ddmin over the layer
 * steps, each candidate on a fresh agent, keeping the verdict and the request's verb) and given as a layer trace. Deterministic for a seed
 * and a hello (the agent's answers aside). Stateless.
 */
public final class LayerLockstep {
  /** Steps per fresh agent. */
  public static final int EPISODE = 250;
  /** Agent runs a shrink may spend. */
  public static final int SHRINK_RUNS = 300;
  /** The requests the lockstep cannot do without. */
  public static final List<String> REQUIRED = List.of("fork", "exit", "reap");

  private LayerLockstep() {}

  /**
   * What the lockstep did. Immutable.
   *
   * @param verdict PASS, NOT_TESTED, or how the first divergence failed
   * @param note why it was not tested, or null
   * @param steps requests sent and compared
   * @param episodes fresh agents used (shrinking not counted)
   * @param counts requests per operation ({@code fork CLONE_NEWPID}, {@code setns children}, ...),
   *     and of those how many the model expected to fail with each errno
   *     ({@code fork set_tid -> errno EEXIST})
   * @param millis wall time, shrinking included
   * @param failure the failing step of the shrunk trace, or null
   * @param report the shrunk trace and its transcript, empty when it passed
   * @param traceFile the shrunk layer trace in the trace format, empty when it passed
   * @param shrunkFrom steps of the diverging episode before shrinking, 0 when it passed
   */
  public record Result(Verdict verdict, String note, long steps, int episodes,
      Map<String, Long> counts, long millis, Failure failure, List<String> report,
      List<String> traceFile, int shrunkFrom) {
    public Result {
      counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
      report = List.copyOf(report);
      traceFile = List.copyOf(traceFile);
    }

    /** As a campaign of {@code pidmap conform}'s report (kind {@code process-level layer}). */
    public CampaignResult toCampaign(long seed) {
      return new CampaignResult(verdict, note, steps, episodes, seed, failure,
          report.isEmpty() ? List.of() : report.subList(1, report.size()),
          failure == null ? null : "process-level layer", shrunkFrom, millis);
    }

    /** Steps per second over the whole run. */
    public double stepsPerSecond() {
      return millis == 0 ? 0 : steps * 1000.0 / millis;
    }
  }

  record Item(LayerOp op, String detail) {}

  /** Runs {@code steps} compared requests, from {@code seed}. */
  public static Result run(AgentFactory agents, long steps, long seed) {
    return run(agents, steps, seed, null);
  }

  /**
   * The same with another layer as the model ({@code null}: the model's {@code ModelPidLayer}):
   * a test's deliberately wrong layer, to show a divergence caught, shrunk and replayed.
   */
  public static Result run(AgentFactory agents, long steps, long seed, Layers layer) {
    long start = System.nanoTime();
    Hello hello;
    try (Agent probe = agents.start()) {
      hello = probe.hello();
    } catch (AgentException e) {
      return new Result(Verdict.of(e.kind()), e.getMessage(), 0, 0, Map.of(), 0, null, List.of(),
          List.of(), 0);
    }
    List<String> missing = new ArrayList<>();
    for (String op : REQUIRED) {
      if (!hello.ops().contains(op)) {
        missing.add(op);
      }
    }
    if (!missing.isEmpty()) {
      return new Result(Verdict.NOT_TESTED, "the agent does not offer " + String.join(", ", missing),
          0, 0, Map.of(), 0, null, List.of(), List.of(), 0);
    }
    Predicate<String> can = can(hello);
    String depth = hello.fields().get("max_depth");
    LayerConfig config = ProcessLevel.agentConfig(intField(hello, "pid_max", 32768),
        depth == null ? 32 : Integer.parseInt(depth));
    SplittableRandom seeds = new SplittableRandom(seed);
    Map<String, Long> counts = new TreeMap<>();
    long done = 0;
    int episodes = 0;
    while (done < steps) {
      ProcessLevelGenerator g = new ProcessLevelGenerator(seeds.nextLong(),
          level(config, layer), can, depth != null);
      episodes++;
      List<Item> items = new ArrayList<>();
      Agent agent;
      try {
        agent = agents.start();
      } catch (AgentException e) {
        return new Result(Verdict.of(e.kind()), e.getMessage(), done, episodes, counts,
            millis(start), null, List.of(), List.of(), 0);
      }
      Failure f = null;
      try (agent) {
        for (int i = 0; i < EPISODE * 2 && f == null && done < steps
            && items.size() < EPISODE; i++) {
          ProcessLevel.Step s = g.next();
          items.add(new Item(s.op(), s.detail()));
          if (s.request() != null) {
            f = send(agent, s, items.size());
            done++;
            counts.merge(label(s), 1L, Long::sum);
            if (s.expected().startsWith("errno ")) {
              counts.merge(label(s) + " -> " + s.expected(), 1L, Long::sum);
            }
          }
        }
      }
      if (f != null) {
        return diverged(agents, config, items, f, done, episodes, counts, start, layer);
      }
    }
    return new Result(Verdict.PASS, null, done, episodes, counts, millis(start), null, List.of(),
        List.of(), 0);
  }

  static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  static int intField(Hello h, String key, int dflt) {
    try {
      return Integer.parseInt(h.fields().getOrDefault(key, Integer.toString(dflt)));
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  static Predicate<String> can(Hello h) {
    return w -> w.equals("in") ? h.features().contains("in") && h.ops().contains("set_pid_max")
        : h.ops().contains(w) || h.features().contains(w);
  }

  /** The operation a step counts under: its verb, with fork's flags and setns's form. */
  static String label(ProcessLevel.Step s) {
    String[] w = s.request().split(" ");
    StringBuilder b = new StringBuilder(w[0]);
    for (String x : w) {
      if (x.startsWith("flags=")) {
        b.append(' ').append(x.substring(6));
      } else if (x.startsWith("set_tid=")) {
        b.append(" set_tid");
      } else if (x.equals("children")) {
        b.append(" children");
      }
    }
    if (ProcessLevel.INVISIBLE.equals(s.detail())
        || ProcessLevel.OUTER_RAN_OUT.equals(s.detail())) {
      b.append(' ').append(s.detail());
    }
    return b.toString();
  }

  /** Sends one step; the failure when the reply is not the model's. */
  static Failure send(Agent agent, ProcessLevel.Step s, int index) {
    try {
      String got = agent.call(s.request());
      return got.equals(s.expected()) ? null
          : new Failure(index, s.request(), s.expected(), got, Verdict.FAIL,
              "the model answered " + s.expected() + ", the agent " + got);
    } catch (AgentException e) {
      return new Failure(index, s.request(), s.expected(), null, Verdict.of(e.kind()),
          e.getMessage());
    }
  }

  /** A model layer for the lockstep: the layer's configuration in, a layer out. */
  public interface Layers extends java.util.function.Function<LayerConfig, PidLayer> {}

  static ProcessLevel level(LayerConfig config, Layers layer) {
    return layer == null ? new ProcessLevel(config) : new ProcessLevel(config, layer);
  }

  /** Replays items on a fresh model and agent; the first failure, or null. */
  static Failure replay(AgentFactory agents, LayerConfig config, List<Item> items,
      List<String> transcript, Layers layer, Map<String, Long> counts) {
    ProcessLevel model = level(config, layer);
    try (Agent agent = agents.start()) {
      for (int i = 0; i < items.size(); i++) {
        ProcessLevel.Step s = model.apply(items.get(i).op(), items.get(i).detail());
        if (s.request() == null) {
          continue;
        }
        if (counts != null) {
          counts.merge(label(s), 1L, Long::sum);
        }
        Failure f = send(agent, s, i + 1);
        if (transcript != null) {
          transcript.add(String.format("  %3d  %-34s model: %-14s agent: %s", i + 1,
              s.request(), s.expected(), f == null ? s.expected() : f.got()));
        }
        if (f != null) {
          return f;
        }
      }
      return null;
    } catch (AgentException e) {
      return new Failure(0, "(start)", "a hello line", null, Verdict.of(e.kind()), e.getMessage());
    }
  }

  private static Result diverged(AgentFactory agents, LayerConfig config, List<Item> items,
      Failure first, long done, int episodes, Map<String, Long> counts, long start,
      Layers layer) {
    int[] runs = {0};
    String verb = first.request().split(" ")[0];
    java.util.function.Predicate<List<Item>> failsSo = c -> {
      if (runs[0]++ >= SHRINK_RUNS) {
        return false;
      }
      Failure f = replay(agents, config, c, null, layer, null); // same kind, same request verb
      return f != null && f.verdict() == first.verdict() && f.request().split(" ")[0].equals(verb);
    };
    // a divergence the kernel does not repeat on a fresh agent is not shrunk: the whole episode
    // is kept (below) with the first failure
    List<Item> shrunk = failsSo.test(items)
        ? Shrinker.minimize(items, failsSo::test, SHRINK_RUNS) : items;
    List<String> transcript = new ArrayList<>();
    Failure f = replay(agents, config, shrunk, transcript, layer, null);
    boolean repeated = true;
    if (f == null) { // the kernel did not repeat it: keep the whole episode
      shrunk = items;
      transcript.clear();
      f = replay(agents, config, shrunk, transcript, layer, null);
      repeated = f != null;
      f = f == null ? first : f;
    }
    List<String> report = new ArrayList<>();
    report.add(f.verdict().label() + " at step " + f.step() + " of this " + shrunk.size()
        + "-step layer trace (" + config.label() + ", shrunk from " + items.size() + " steps): "
        + f.oneLine() + (repeated ? "" : " (not repeated by the kernel on a fresh agent)"));
    List<String> file = new ArrayList<>();
    file.add(LayerTraceFile.configLine(config));
    for (LayerOp op : ProcessLevel.boot()) {
      file.add(LayerTraceFile.line(op, null));
    }
    for (int i = 0; i < shrunk.size(); i++) {
      Item it = shrunk.get(i);
      report.add(String.format("  %3d  %s%s", i + 1, it.op().toJson(),
          it.detail() == null ? "" : "   (" + it.detail() + ")"));
      file.add(LayerTraceFile.line(it.op(), null, it.detail()));
    }
    report.add("  the requests, the model's replies and the agent's:");
    report.addAll(transcript);
    return new Result(f.verdict(), null, done, episodes, counts, millis(start), f, report, file,
        items.size());
  }
}
