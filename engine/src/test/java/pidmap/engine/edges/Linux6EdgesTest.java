package pidmap.engine.edges;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.engine.AllocatorFactory;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Profile;

/**
 * Two edges of the linux-6 rule, on the model and the impl: the floor is 1 while last_pid+1 is
 * RESERVED_PIDS, and a search that finds its first page full goes on to the next page.
 */
class Linux6EdgesTest {

  /** Four pids per page, RESERVED_PIDS 2, pid_max 14. */
  private static final Geometry G = new Geometry(4, 2, 16, 14);

  private static InspectablePidAllocator allocated(AllocatorFactory f, int n) {
    InspectablePidAllocator a = f.create(G, Profile.LINUX_6);
    for (int i = 1; i <= n; i++) {
      assertThat(a.alloc()).isEqualTo(i);
    }
    return a;
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.edges.ModelAndImpl#modelAndImpl")
  void atLastPidJustBelowReservedTheWrapGoesBackToOne(AllocatorFactory f) {
    InspectablePidAllocator a = allocated(f, 13);
    a.free(1);
    a.setLastPid(1); // last_pid+1 = RESERVED_PIDS: the floor is still 1
    assertThat(a.alloc()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.edges.ModelAndImpl#modelAndImpl")
  void aFullStartPageIsLeftForTheNextOne(AllocatorFactory f) {
    InspectablePidAllocator a = allocated(f, 5);
    a.setLastPid(1); // 2 and 3 are taken: page 0 has nothing after last_pid
    assertThat(a.alloc()).isEqualTo(6);
  }
}
