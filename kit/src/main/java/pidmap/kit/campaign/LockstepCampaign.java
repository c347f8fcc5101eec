package pidmap.kit.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import pidmap.engine.Apply;
import pidmap.kit.agent.Agent;
import pidmap.kit.agent.AgentException;
import pidmap.kit.agent.AgentFactory;
import pidmap.kit.suite.Failure;
import pidmap.kit.suite.Req;
import pidmap.kit.suite.SuiteScenario;
import pidmap.kit.suite.ScenarioRunner;
import pidmap.kit.suite.ShrinkBudget;
import pidmap.kit.suite.Exchange;
import pidmap.kit.suite.TraceRun;
import pidmap.kit.suite.Verdict;
import pidmap.model.ModelPidAllocator;
import pidmap.oracle.OpStream;
import pidmap.oracle.ScenarioKind;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * Generated operations on fresh agents, in lockstep with the model: each scenario kind in turn
 * (the kernel oracle's, {@link ScenarioKind}), {@value #EPISODE} steps per agent, every reply
 * compared with the model's answer; the first divergence is shrunk by the {@link
 * ScenarioRunner}. Deterministic for a seed (the agent's answers aside). Stateless.
 */
public final class LockstepCampaign {
  /** Steps per fresh agent. */
  public static final int EPISODE = 1000;

  private LockstepCampaign() {}

  public static CampaignResult run(AgentFactory agents, ScenarioRunner runner,
      java.util.function.Predicate<String> supports, Profile profile, long steps, long seed) {
    long start = System.nanoTime();
    for (String op : List.of("alloc", "free", "set_last", "set_pid_max")) {
      if (!supports.test(op)) {
        return new CampaignResult(Verdict.NOT_TESTED, "the agent does not support " + op, 0, 0,
            seed, null, List.of(), null, 0, 0);
      }
    }
    boolean nexts = supports.test("next");
    SplittableRandom seeds = new SplittableRandom(seed);
    long done = 0;
    int episodes = 0;
    ScenarioKind[] kinds = ScenarioKind.values();
    while (done < steps) {
      ScenarioKind kind = kinds[episodes % kinds.length];
      int n = (int) Math.min(EPISODE, steps - done);
      List<Req> reqs = episode(kind, seeds.nextLong(), n, profile, runner.initialPidMax(), nexts);
      episodes++;
      List<Exchange> expected = SuiteScenario.answers(reqs, profile, runner.initialPidMax());
      Failure f = run(agents, expected);
      if (f == null) {
        done += reqs.size();
        continue;
      }
      done += f.step();
      List<Req> prefix = reqs.subList(0, Math.max(1, f.step()));
      ScenarioRunner.Confirmed c = prefix.size() > ShrinkBudget.SHORT
          ? runner.confirm(CampaignShrink.shrink(prefix, f, runner, profile), f) : null;
      List<Exchange> shrunk = c != null ? c.steps() : expected.subList(0, f.step());
      Failure again = c != null ? c.failure() : f;
      return new CampaignResult(again.verdict(), null, done, episodes, seed, again,
          TraceRun.transcript(shrunk, again), kind.id(), prefix.size(),
          (System.nanoTime() - start) / 1_000_000);
    }
    return new CampaignResult(Verdict.PASS, null, done, episodes, seed, null, List.of(), null, 0,
        (System.nanoTime() - start) / 1_000_000);
  }

  private static Failure run(AgentFactory agents, List<Exchange> steps) {
    Agent agent;
    try {
      agent = agents.start();
    } catch (AgentException e) {
      return new Failure(0, "(start)", "a hello line", null, Verdict.of(e.kind()),
          e.getMessage());
    }
    try {
      return TraceRun.run(agent, steps);
    } finally {
      agent.close();
    }
  }

  /** One episode's requests: set_pid_max to the kind's start, then the generated operations. */
  static List<Req> episode(ScenarioKind kind, long seed, int n, Profile profile,
      int initialPidMax, boolean nexts) {
    OpStream stream = OpStream.of(kind, seed, null);
    Geometry k = Geometry.KERNEL;
    ModelPidAllocator m = new ModelPidAllocator(
        new Geometry(k.bitsPerPage(), k.reservedPids(), k.pidMaxLimit(), initialPidMax), profile);
    m.alloc(); // init
    List<Req> reqs = new ArrayList<>(n);
    Op first = Op.setPidMax(stream.initialPidMax());
    Apply.run(first, m);
    reqs.add(Req.setPidMax(first.arg()));
    while (reqs.size() < n) {
      Op op = stream.next(m);
      Outcome o = Apply.run(op, m);
      stream.observe(op, o);
      if (op.kind() == Op.Kind.NEXT && !nexts) {
        continue;
      }
      reqs.add(new Req(op.kind().wire(), op.arg(), null));
    }
    return reqs;
  }
}
