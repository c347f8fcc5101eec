package pidmap.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pidmap.engine.broken.SeedLoopAllocator;
import pidmap.explorer.lincheck.AllocFreeOps;
import pidmap.explorer.lincheck.Lincheck;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.Geometry;

/**
 * Every bug of the zoo fails the conformance kit: the check named for it catches it, for the
 * reason named for it. Each check's work and time until the catch are printed (the numbers of
 * docs/BUGS.md), and the slowest catch last. The controls show that the same checks pass the
 * code the variants are made from, so it is the bug that is caught.
 */
class BugZooIsCaughtTest {

  private static final List<String> SLOWEST = new ArrayList<>();
  private static final List<Catch> CATCHES = new ArrayList<>();

  @ParameterizedTest(name = "{0}")
  @EnumSource(ZooBug.class)
  void eachBugFailsTheKit(ZooBug bug) {
    List<Catch> catches = bug.run();
    System.out.printf("%s: %s (%s; %s)%n", bug, bug.bug(), bug.origin(), bug.variant());
    catches.forEach(c -> System.out.println("  " + c));
    Catch caught = catches.stream().filter(c -> c.check().startsWith(bug.catcher()))
        .findFirst().orElseThrow();
    assertThat(caught.caught()).as("%s: %s did not catch it", bug, bug.catcher()).isTrue();
    assertThat(caught.why()).as("why %s caught %s", bug.catcher(), bug).contains(bug.why());
    synchronized (CATCHES) {
      CATCHES.add(caught);
      SLOWEST.add(bug.name());
    }
  }

  @AfterAll
  static void printTheSlowestCatch() {
    int slowest = -1;
    for (int i = 0; i < CATCHES.size(); i++) {
      if (slowest < 0 || CATCHES.get(i).nanos() > CATCHES.get(slowest).nanos()) {
        slowest = i;
      }
    }
    if (slowest >= 0) {
      System.out.println("slowest catch: " + SLOWEST.get(slowest) + ": " + CATCHES.get(slowest));
    }
  }

  /** The forward-only last_pid update passes the scenario that catches the plain store. */
  @Test
  void theForwardCasPassesTheLastPidRace() {
    Catch c = ZooBug.lastPidRace(AllocFreeOps.ForwardCas.class, Lincheck.TO_PASS);
    System.out.println("control FORWARD_CAS: " + c);
    assertThat(c.caught()).as(c.why()).isFalse();
  }

  /** The impl's compare-and-swap install passes the scenario that catches the blind install. */
  @Test
  void theImplsInstallPassesTheInstallRace() {
    Catch c = ZooBug.installRace(AllocFreeOps.PlainStore.class, Lincheck.TO_PASS);
    System.out.println("control impl install: " + c);
    assertThat(c.caught()).as(c.why()).isFalse();
  }

  /** The copy the sequential variants are made from passes the direct-call check. */
  @Test
  void theUnbrokenCopyPassesTheDirectCalls() {
    Catch c = ZooChecks.directCalls(ZooChecks.GEOMETRIES.get(0), SeedLoopAllocator::new);
    assertThat(c.caught()).as(c.why()).isFalse();
  }

  /** The unwrapped layer passes the layer property on the seeds the layer bugs get. */
  @Test
  void theImplLayerPassesTheLayerProperty() {
    Catch c = ZooChecks.layer(ImplPidLayer::new, 200);
    assertThat(c.caught()).as(c.why()).isFalse();
  }

  /** The CVE's own trigger: next_pidmap(INT_MAX) computes a negative page index. */
  @Test
  void nextPidmapFromIntMaxIndexesBeforeThePageArray() {
    var a = ZooAllocators.nextWithoutBound(Geometry.small(4, 2, 14), ZooChecks.SEED);
    assertThat(DirectCalls.answer(a, pidmap.trace.Op.next(Integer.MAX_VALUE)))
        .startsWith("crash (java.lang.ArrayIndexOutOfBoundsException");
  }
}
