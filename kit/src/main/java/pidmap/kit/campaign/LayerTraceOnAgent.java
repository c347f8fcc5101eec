package pidmap.kit.campaign;

import static pidmap.kit.campaign.LayerLockstep.millis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pidmap.engine.layer.ProcessLevel;
import pidmap.engine.layer.ProcessLevelGenerator;
import pidmap.kit.campaign.LayerLockstep.Result;
import pidmap.kit.agent.Agent;
import pidmap.kit.agent.AgentException;
import pidmap.kit.agent.AgentFactory;
import pidmap.kit.agent.Hello;
import pidmap.kit.suite.Failure;
import pidmap.kit.suite.Verdict;
import pidmap.spec.pid.LayerConfig;
import pidmap.trace.layer.LayerOp;
import pidmap.trace.layer.LayerTraceFile;

/**
 * Layer trace files and an agent: {@link #record} writes one from an agent's replies (the
 * process-level lockstep's steps, each with the layer's answer once the agent confirmed it), and
 * {@link #replay} runs one against an agent ({@code ./pidmap kernel replay --layer}), both
 * through {@link LayerLockstep}'s requests and comparison. Stateless.
 */
public final class LayerTraceOnAgent {
  private LayerTraceOnAgent() {}

  /**
   * Records a layer trace on one agent: {@code steps} generated steps from {@code seed}, each
   * written with the layer's answer as its expect once the agent's reply confirmed it (a step the
   * agent is not asked is not written). At a divergence the trace stops before that step and the
   * result says how it diverged. The trace replays under linux-6 (model and impl).
   */
  public static Result record(AgentFactory agents, int steps, long seed) {
    long start = System.nanoTime();
    List<String> file = new ArrayList<>();
    Map<String, Long> counts = new TreeMap<>();
    try (Agent agent = agents.start()) {
      Hello hello = agent.hello();
      for (String op : LayerLockstep.REQUIRED) {
        if (!hello.ops().contains(op)) {
          return new Result(Verdict.NOT_TESTED, "the agent does not offer " + op,
              0, 0, Map.of(), 0, null, List.of(), List.of(), 0);
        }
      }
      String depth = hello.fields().get("max_depth");
      LayerConfig config = ProcessLevel.agentConfig(LayerLockstep.intField(hello, "pid_max", 32768),
          depth == null ? 32 : Integer.parseInt(depth));
      ProcessLevelGenerator g = new ProcessLevelGenerator(seed, config, LayerLockstep.can(hello),
          depth != null);
      file.add(LayerTraceFile.configLine(config));
      for (LayerOp op : ProcessLevel.boot()) {
        file.add(LayerTraceFile.line(op, null));
      }
      long done = 0;
      for (int i = 0; done < steps && i < steps * 2; i++) {
        ProcessLevel.Step s = g.next();
        if (s.request() == null) {
          continue;
        }
        Failure f = LayerLockstep.send(agent, s, (int) done + 1);
        if (f != null) {
          return new Result(f.verdict(), null, done, 1, counts, millis(start), f,
              List.of(f.verdict().label() + " at step " + f.step() + ": " + f.oneLine()), file, 0);
        }
        done++;
        counts.merge(LayerLockstep.label(s), 1L, Long::sum);
        if (g.model().lastAnswer() != null) { // not when only the agent was asked (ENOENT)
          file.add(LayerTraceFile.line(s.op(), g.model().lastAnswer(), s.detail()));
        }
      }
      return new Result(Verdict.PASS, null, done, 1, counts, millis(start), null, List.of(),
          file, 0);
    } catch (AgentException e) {
      return new Result(Verdict.of(e.kind()), e.getMessage(), 0, 0, Map.of(), 0, null,
          List.of(), file, 0);
    }
  }

  /**
   * Replays a layer trace file against an agent: its config as the model's, its operations after
   * the boot lines, each sent as the process level's request with the line's {@code via}, every
   * reply compared with the model's (the lines' expects are the layer's answers, which
   * {@code ./pidmap replay} checks; they are not read here). PASS, or the first divergence with
   * the transcript up to it.
   */
  public static Result replay(AgentFactory agents, LayerTraceFile.Trace trace,
      LayerLockstep.Layers layer) {
    long start = System.nanoTime();
    List<LayerTraceFile.Line> lines = trace.lines();
    List<LayerOp> boot = ProcessLevel.boot();
    int first = 0;
    while (first < boot.size() && first < lines.size()
        && lines.get(first).op().equals(boot.get(first))) {
      first++;
    }
    List<LayerLockstep.Item> items = new ArrayList<>();
    for (LayerTraceFile.Line l : lines.subList(first, lines.size())) {
      items.add(new LayerLockstep.Item(l.op(), l.via()));
    }
    List<String> transcript = new ArrayList<>();
    Map<String, Long> counts = new TreeMap<>();
    Failure f = LayerLockstep.replay(agents, trace.config(), items, transcript, layer, counts);
    long sent = counts.values().stream().mapToLong(Long::longValue).sum();
    if (f == null) {
      List<String> report = new ArrayList<>();
      report.add("0 divergences: " + sent + " requests from " + items.size() + " layer steps ("
          + trace.config().label() + ")");
      report.addAll(transcript);
      return new Result(Verdict.PASS, null, sent, 1, counts, millis(start), null, report,
          List.of(), 0);
    }
    if (f.step() == 0) {
      return new Result(f.verdict(), f.oneLine(), 0, 1, counts, millis(start), f, List.of(),
          List.of(), 0);
    }
    List<String> report = new ArrayList<>();
    report.add(f.verdict().label() + " at step " + f.step() + " of this " + items.size()
        + "-step layer trace (" + trace.config().label() + "): " + f.oneLine());
    report.add("  the requests, the model's replies and the agent's:");
    report.addAll(transcript);
    return new Result(f.verdict(), null, sent, 1, counts, millis(start), f, report, List.of(),
        0);
  }
}
