package pidmap.kit.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import pidmap.kit.agent.AgentException;
import pidmap.kit.agent.AgentFactory;
import pidmap.kit.agent.AllocatorAgent;
import pidmap.kit.agent.Hello;
import pidmap.kit.campaign.CampaignResult;
import pidmap.kit.campaign.LockstepCampaign;
import pidmap.kit.suite.Failure;
import pidmap.kit.suite.SuiteScenario;
import pidmap.kit.suite.ScenarioResult;
import pidmap.kit.suite.ScenarioRunner;
import pidmap.kit.suite.ShrinkBudget;
import pidmap.kit.suite.Suite;
import pidmap.kit.suite.Suites;
import pidmap.kit.suite.Verdict;
import pidmap.spec.PidAllocator;
import pidmap.spec.Profile;

/**
 * Checks a JVM {@link PidAllocator} against Linux, as JUnit 5 dynamic tests: one container per
 * suite, one test per scenario (a scenario the allocator level cannot run, such as a fork, is
 * skipped), and one test for the generated lockstep campaign. A failing test's message is the
 * first failure and its shrunk trace. Each scenario runs on a fresh allocator from the supplier;
 * its first alloc is the namespace's init and must answer 1.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> conformsToLinux() {
 *   return PidAllocatorConformance.of(MyAllocator::new).tests();
 * }
 * }</pre>
 *
 * <p>If the allocator also implements {@link pidmap.spec.PidmapInspection}, every pid an alloc
 * hands out must then read as allocated, and every freed one as free. Immutable; the tests it
 * makes run one at a time.
 */
public final class PidAllocatorConformance {
  private final Supplier<? extends PidAllocator> fresh;
  private final Profile profile;
  private final long timeoutMs;
  private final long campaignSteps;
  private final long seed;
  private final List<String> suites;

  private PidAllocatorConformance(Supplier<? extends PidAllocator> fresh, Profile profile,
      long timeoutMs, long campaignSteps, long seed, List<String> suites) {
    this.fresh = fresh;
    this.profile = profile;
    this.timeoutMs = timeoutMs;
    this.campaignSteps = campaignSteps;
    this.seed = seed;
    this.suites = List.copyOf(suites);
  }

  /** Checks fresh allocators from {@code fresh} against linux-6, every suite, 2000 steps. */
  public static PidAllocatorConformance of(Supplier<? extends PidAllocator> fresh) {
    return new PidAllocatorConformance(fresh, Profile.LINUX_6, 1000, 2000, 1, List.of());
  }

  /** Against another profile (linux-2.6.24: exhaustion is ENOMEM, the seed's wrap). */
  public PidAllocatorConformance profile(Profile p) {
    return new PidAllocatorConformance(fresh, p, timeoutMs, campaignSteps, seed, suites);
  }

  /** The bound on one call; a call that does not return in time is a hang. */
  public PidAllocatorConformance timeoutMs(long ms) {
    return new PidAllocatorConformance(fresh, profile, ms, campaignSteps, seed, suites);
  }

  /** Steps of the lockstep campaign (0: none) and its seed. */
  public PidAllocatorConformance campaign(long steps, long campaignSeed) {
    return new PidAllocatorConformance(fresh, profile, timeoutMs, steps, campaignSeed, suites);
  }

  /** Only these suites. */
  public PidAllocatorConformance suites(String... ids) {
    return new PidAllocatorConformance(fresh, profile, timeoutMs, campaignSteps, seed,
        List.of(ids));
  }

  /** The dynamic tests: a container per suite, then the campaign. */
  public Stream<DynamicNode> tests() {
    AgentFactory agents = AllocatorAgent.factory(fresh, profile.exhaustionErrno(), timeoutMs);
    List<DynamicNode> nodes = new ArrayList<>();
    for (Suite s : Suites.select(suites)) {
      List<DynamicTest> tests = new ArrayList<>();
      for (SuiteScenario sc : s.scenarios()) {
        tests.add(DynamicTest.dynamicTest(sc.name(), () -> check(runner(agents).run(sc))));
      }
      nodes.add(DynamicContainer.dynamicContainer(s.id() + ": " + s.rule(), tests));
    }
    if (campaignSteps > 0) {
      nodes.add(DynamicTest.dynamicTest("lockstep campaign, " + campaignSteps + " steps, seed "
          + seed, () -> {
            ScenarioRunner r = runner(agents);
            CampaignResult c = LockstepCampaign.run(agents, r, op -> true, profile,
                campaignSteps, seed);
            if (c.verdict().failed()) {
              Assertions.fail(message(c.failure(), c.trace(), "the campaign (" + c.kind()
                  + ", seed " + seed + ")"));
            }
          }));
    }
    return nodes.stream();
  }

  private ScenarioRunner runner(AgentFactory agents) throws AgentException {
    Hello hello;
    try (var first = agents.start()) {
      hello = first.hello();
    }
    return new ScenarioRunner(agents, hello, profile, ShrinkBudget.DEFAULT);
  }

  private static void check(ScenarioResult r) {
    if (r.verdict() == Verdict.NOT_TESTED) {
      Assumptions.abort("not tested: " + r.note());
    }
    if (r.verdict().failed()) {
      Assertions.fail(message(r.failure(), r.trace(), r.scenario().suite()));
    }
  }

  private static String message(Failure f, List<String> trace, String where) {
    return where + ": " + f.oneLine() + "\n  " + f.message() + "\n  shrunk trace (=> is"
        + " Linux's answer):\n    " + String.join("\n    ", trace);
  }
}
