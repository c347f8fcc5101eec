package pidmap.oracle;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import pidmap.spec.Profile;

/**
 * Runs scenarios of every kind in turn, each in a fresh namespace, until a step budget is spent
 * or the first divergence. Deterministic for a seed (the kernel's answers aside). Thread-safe:
 * each call runs its own agents.
 */
public final class KernelCampaign {
  /** Steps per scenario: long enough to exhaust a tiny pid_max several times over. */
  public static final int DEFAULT_EPISODE_STEPS = 2500;

  private KernelCampaign() {}

  /** Every kind, {@link #DEFAULT_EPISODE_STEPS} steps per scenario. */
  public static KernelReport run(long totalSteps, long seed)
      throws KernelUnavailableException, IOException {
    return run(totalSteps, seed, List.of(ScenarioKind.values()), DEFAULT_EPISODE_STEPS, null);
  }

  /**
   * @param kinds the kinds to run, in turn
   * @param episodeSteps steps per scenario (the last one may be shorter, to meet the budget)
   * @param pidMax a starting pid_max for every scenario, or null for each kind's own choice
   */
  public static KernelReport run(long totalSteps, long seed, List<ScenarioKind> kinds,
      int episodeSteps, Integer pidMax) throws KernelUnavailableException, IOException {
    return run(totalSteps, seed, kinds, episodeSteps, pidMax, Profile.LINUX_6);
  }

  /**
   * As above, with another profile's model and impl against the kernel: only a test uses it, to
   * show that the campaign catches a rule the kernel does not follow.
   */
  public static KernelReport run(long totalSteps, long seed, List<ScenarioKind> kinds,
      int episodeSteps, Integer pidMax, Profile profile)
      throws KernelUnavailableException, IOException {
    SplittableRandom seeds = new SplittableRandom(seed);
    Map<ScenarioKind, Long> steps = new EnumMap<>(ScenarioKind.class);
    Map<KernelEvent, Long> events = new EnumMap<>(KernelEvent.class);
    long done = 0;
    Map<ScenarioKind, Long> nanos = new EnumMap<>(ScenarioKind.class);
    int episodes = 0;
    String release = release();
    KernelDivergence divergence = null;
    while (done < totalSteps && divergence == null) {
      ScenarioKind kind = kinds.get(episodes % kinds.size());
      int n = (int) Math.min(episodeSteps, totalSteps - done);
      KernelLockstep.Episode e =
          KernelLockstep.run(kind, seeds.nextLong(), pidMax, n, false, profile);
      episodes++;
      done += e.steps();
      nanos.merge(kind, e.nanos(), Long::sum);
      steps.merge(kind, e.steps(), Long::sum);
      e.events().forEach((k, v) -> events.merge(k, v, Long::sum));
      divergence = e.divergence();
    }
    return new KernelReport(release, episodes, steps, nanos, events, divergence);
  }

  /** The kernel's release, as an agent sees it; also proves that an agent can start. */
  static String release() throws KernelUnavailableException {
    try (KernelAgent agent = KernelAgent.start(10)) {
      return agent.hello().release();
    }
  }
}
