package pidmap.kit.suite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pidmap.engine.shrink.Shrinker;
import pidmap.kit.agent.AgentFactory;
import pidmap.kit.agent.Hello;
import pidmap.spec.Geometry;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;

/**
 * Runs scenarios on fresh agents, and shrinks an allocator-level failure to the fewest requests
 * that still fail the same way: the last request fails, with the same verdict and the same
 * operation, and every request before it conforms (Linux's answers recomputed by the model for
 * each candidate). Process-level scenarios are short and literal, and are reported as they are.
 *
 * <p>Thread-safe if the factory is: each run starts its own agents.
 */
public final class ScenarioRunner {
  private final AgentFactory agents;
  private final Hello hello;
  private final Profile profile;
  private final ShrinkBudget budget;

  /**
   * @param hello the agent's hello (what it supports, the pid_max it starts with)
   */
  public ScenarioRunner(AgentFactory agents, Hello hello, Profile profile, ShrinkBudget budget) {
    this.agents = agents;
    this.hello = hello;
    this.profile = profile;
    this.budget = budget;
  }

  /** The pid_max the agent starts with, as the model's geometry takes it. */
  public int initialPidMax() {
    Integer p = hello.pidMax();
    return p == null ? Geometry.KERNEL.defaultPidMax() : p;
  }

  public ScenarioResult run(Scenario s) {
    if (s.processLevel() && profile != Profile.LINUX_6) {
      return ScenarioResult.notTested(s, "process-level rules are stated for linux-6 only");
    }
    Set<String> missing = new HashSet<>();
    for (String n : s.needs()) {
      if (!hello.supports(n)) {
        missing.add(n);
      }
    }
    if (!missing.isEmpty()) {
      return ScenarioResult.notTested(s, "the agent does not support "
          + String.join(", ", new java.util.TreeSet<>(missing)));
    }
    long start = System.nanoTime();
    List<Step> steps;
    try {
      steps = s.steps(profile, initialPidMax());
    } catch (PidmapException e) {
      return new ScenarioResult(s, Verdict.FAIL, null, new Failure(0, "(hello)", "a pid_max in"
          + " [301, 4194304]", String.valueOf(hello.pidMax()), Verdict.FAIL,
          "the agent starts with " + e.getMessage()), List.of(), 0,
          (System.nanoTime() - start) / 1_000_000);
    }
    Failure f = TraceRun.run(agents, steps);
    if (f == null) {
      return new ScenarioResult(s, Verdict.PASS, null, null, List.of(), 0,
          (System.nanoTime() - start) / 1_000_000);
    }
    int from = f.step();
    if (!s.processLevel() && f.step() > 1) {
      List<Req> prefix = s.reqs().subList(0, f.step());
      List<Req> small = shrink(prefix, f);
      if (small.size() < prefix.size()) {
        List<Step> shrunk = Scenario.answers(small, profile, initialPidMax());
        Failure again = TraceRun.run(agents, shrunk);
        if (again != null && again.step() == shrunk.size()) {
          steps = shrunk;
          f = again;
        }
      }
    }
    return new ScenarioResult(s, f.verdict(), null, f, TraceRun.transcript(steps, f), from,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** The fewest requests of {@code reqs} that fail as {@code f} did, within the budget. */
  public List<Req> shrink(List<Req> reqs, Failure f) {
    String verb = reqs.get(reqs.size() - 1).verb();
    ShrinkBudget.Clock clock = budget.start();
    try {
      return Shrinker.minimize(new ArrayList<>(reqs), candidate -> {
        if (candidate.isEmpty() || clock.spent()
            || !candidate.get(candidate.size() - 1).verb().equals(verb)) {
          return false;
        }
        List<Step> steps = Scenario.answers(candidate, profile, initialPidMax());
        Failure g = TraceRun.run(agents, steps);
        return g != null && g.step() == candidate.size() && g.verdict() == f.verdict();
      }, budget.maxTries());
    } catch (IllegalArgumentException e) {
      return reqs; // the failure did not come back (a flaky agent): keep it as it was
    }
  }
}
