package pidmap.impl.pid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;

/**
 * A namespace's kref on its own: get and put on a released namespace are refused and leave the
 * count at zero [NS-2]. The layer refuses a released handle before it gets here, so only a race
 * (or this direct call) reaches these refusals.
 */
class ImplPidNsCountTest {

  private static ImplPidNs child() {
    PidCaches caches = new PidCaches();
    BitmapPidAllocator a = new BitmapPidAllocator(Geometry.small(4, 2, 14), Profile.LINUX_2_6_24);
    ImplPidNs init = new ImplPidNs(0, null, a, caches.cacheFor(1), 2);
    return new ImplPidNs(1, init, a, caches.cacheFor(2), 1);
  }

  @Test
  void aLiveNamespaceCountsGetsAndPuts() {
    ImplPidNs ns = child();
    ns.get();
    assertThat(ns.refcount()).isEqualTo(2);
    assertThat(ns.put()).isFalse();
    assertThat(ns.put()).as("the last put releases it").isTrue();
    assertThat(ns.released()).isTrue();
  }

  @Test
  void getAndPutOfAReleasedNamespaceAreRefused() {
    ImplPidNs ns = child();
    assertThat(ns.put()).isTrue();
    assertThatThrownBy(ns::get).isInstanceOf(PidmapException.class);
    assertThatThrownBy(ns::put).isInstanceOf(PidmapException.class);
    assertThat(ns.refcount()).isZero();
  }
}
