package pidmap.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.engine.edges.ModelAndImpl;
import pidmap.spec.Checks;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Invariant;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;

/**
 * Every refused input, on the model and on the impl: the exact message, and the state after the
 * refusal equal to the state before it [INPUT-1].
 */
@Checks(Invariant.INPUT_1)
class BadInputTest {

  private static final Geometry G = Geometry.small(8, 3, 21); // limit 24

  static Stream<Named<AllocatorFactory>> allocators() {
    return ModelAndImpl.modelAndImpl();
  }

  /** A used allocator: pids 1..6 taken, 4 freed again, last_pid 6. */
  private static InspectablePidAllocator used(AllocatorFactory f) {
    InspectablePidAllocator a = f.create(G, Profile.LINUX_2_6_24);
    for (int i = 0; i < 6; i++) {
      a.alloc();
    }
    a.free(4);
    return a;
  }

  private static void assertRefused(
      AllocatorFactory f, Consumer<InspectablePidAllocator> action, String message) {
    InspectablePidAllocator a = used(f);
    BitSet allocated = a.allocated();
    int last = a.lastPid();
    int max = a.pidMax();
    int[] counters = new int[G.pidmapEntries()];
    for (int p = 0; p < counters.length; p++) {
      counters[p] = a.pageFreeCounter(p);
    }
    assertThatThrownBy(() -> action.accept(a))
        .isInstanceOf(PidmapException.class)
        .hasMessage(message);
    assertThat(a.allocated()).as("allocated set").isEqualTo(allocated);
    assertThat(a.lastPid()).as("last_pid").isEqualTo(last);
    assertThat(a.pidMax()).as("pid_max").isEqualTo(max);
    for (int p = 0; p < counters.length; p++) {
      assertThat(a.pageFreeCounter(p)).as("free counter of page " + p).isEqualTo(counters[p]);
    }
    assertThat(a.alloc()).as("the next alloc is unaffected").isEqualTo(7);
  }

  @ParameterizedTest
  @MethodSource("allocators")
  @Checks(Invariant.PIDMAP_1)
  void freeingPidZeroIsRefused(AllocatorFactory f) {
    assertRefused(f, a -> a.free(0),
        "pid: 0 (expected: pid != 0; pid 0 belongs to the idle task and is never freed)");
  }

  @ParameterizedTest
  @MethodSource("allocators")
  void freeingAFreePidIsRefused(AllocatorFactory f) {
    assertRefused(f, a -> a.free(4), "pid: 4 (expected: an allocated pid; 4 is free)");
    assertRefused(f, a -> a.free(20), "pid: 20 (expected: an allocated pid; 20 is free)");
  }

  @ParameterizedTest
  @MethodSource("allocators")
  void pidsOutsideTheLimitAreRefused(AllocatorFactory f) {
    assertRefused(f, a -> a.free(24), "pid: 24 (expected: 0 <= pid < pid_max_limit = 24)");
    assertRefused(f, a -> a.free(-1), "pid: -1 (expected: 0 <= pid < pid_max_limit = 24)");
    assertRefused(f, a -> a.isAllocated(-5), "pid: -5 (expected: 0 <= pid < pid_max_limit = 24)");
    assertRefused(f, a -> a.next(-1), "after: -1 (expected: 0 <= after < pid_max_limit = 24)");
    assertRefused(f, a -> a.next(24), "after: 24 (expected: 0 <= after < pid_max_limit = 24)");
  }

  @ParameterizedTest
  @MethodSource("allocators")
  void pidMaxOutOfRangeIsRefused(AllocatorFactory f) {
    assertRefused(f, a -> a.setPidMax(3),
        "pid_max: 3 (expected: pid_max_min = 4 <= pid_max <= pid_max_limit = 24)");
    assertRefused(f, a -> a.setPidMax(25),
        "pid_max: 25 (expected: pid_max_min = 4 <= pid_max <= pid_max_limit = 24)");
  }

  @ParameterizedTest
  @MethodSource("allocators")
  void lastPidOutOfRangeIsRefused(AllocatorFactory f) {
    assertRefused(f, a -> a.setLastPid(-1), "last_pid: -1 (expected: 0 <= last_pid <= pid_max = 21)");
    assertRefused(f, a -> a.setLastPid(22), "last_pid: 22 (expected: 0 <= last_pid <= pid_max = 21)");
  }
}
