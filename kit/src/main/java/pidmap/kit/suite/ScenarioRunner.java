package pidmap.kit.suite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
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

  public ScenarioResult run(SuiteScenario s) {
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
    List<Exchange> steps;
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
    if (!s.processLevel() && f.step() > ShrinkBudget.SHORT) {
      List<Req> prefix = s.reqs().subList(0, f.step());
      Confirmed c = confirm(shrink(prefix, f), f);
      if (c != null && c.steps().size() < prefix.size()) {
        steps = c.steps();
        f = c.failure();
      }
    }
    return new ScenarioResult(s, f.verdict(), null, f, TraceRun.transcript(steps, f), from,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** A shrunk trace cut after its failing step, with that failure. */
  public record Confirmed(List<Exchange> steps, Failure failure) {}

  /**
   * Re-runs a shrunk candidate at the run's own reply bound: its failure, cut after the failing
   * step, or null when it no longer fails as {@code f} did.
   */
  public Confirmed confirm(List<Req> small, Failure f) {
    List<Exchange> steps = SuiteScenario.answers(small, profile, initialPidMax());
    Failure again = TraceRun.run(agents, steps);
    if (again == null || again.step() == 0 || again.verdict() != f.verdict()
        || !verb(steps.get(again.step() - 1)).equals(verb(f.request()))) {
      return null;
    }
    return new Confirmed(steps.subList(0, again.step()), again);
  }

  private static String verb(Exchange s) {
    return verb(s.request());
  }

  private static String verb(String request) {
    return request.split(" ")[0];
  }

  /** The fewest requests of {@code reqs} that fail as {@code f} did, within the budget. */
  public List<Req> shrink(List<Req> reqs, Failure f) {
    Predicate<List<Req>> fails = failsLike(reqs, f);
    try {
      return Shrinker.minimize(new ArrayList<>(reqs), fails, budget.maxTries());
    } catch (IllegalArgumentException e) {
      return reqs; // the failure did not come back (a flaky agent): keep it as it was
    }
  }

  /**
   * Whether a candidate fails as {@code f} failed at the end of {@code reqs}: its first failing
   * request is the same operation, with the same verdict (what follows it is cut once shrinking
   * ends); run on fresh agents with the shrinking bound on replies, false once the budget's time
   * is spent.
   */
  public Predicate<List<Req>> failsLike(List<Req> reqs, Failure f) {
    String verb = reqs.get(reqs.size() - 1).verb();
    ShrinkBudget.Clock clock = budget.start();
    AgentFactory quick = agents.withTimeout(budget.replyTimeoutMs());
    return candidate -> {
      if (candidate.isEmpty() || clock.spent()) {
        return false;
      }
      List<Exchange> steps = SuiteScenario.answers(candidate, profile, initialPidMax());
      Failure g = TraceRun.run(quick, steps);
      return g != null && g.step() > 0 && g.verdict() == f.verdict()
          && candidate.get(g.step() - 1).verb().equals(verb);
    };
  }

  /** The budget of each shrink. */
  public ShrinkBudget budget() {
    return budget;
  }
}
