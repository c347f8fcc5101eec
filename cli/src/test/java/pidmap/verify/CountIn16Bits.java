package pidmap.verify;

import pidmap.engine.broken.ForwardingAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.PidAllocator;
import pidmap.spec.Profile;

/**
 * Broken on purpose: the allocator keeps its number of live pids in a signed 16-bit counter and
 * refuses an alloc that would overflow it, so it answers "no pid" once 32767 pids are taken
 * although pid_max leaves room. Only a run that holds 32767 pids at once can see it: pid_max
 * above the seed's default 32768 (seed line 46) and a page filled to its edge.
 */
final class CountIn16Bits extends ForwardingAllocator {
  CountIn16Bits(Geometry geometry, Profile profile) {
    super(geometry, profile);
  }

  @Override
  public int alloc() {
    if (impl.allocatedCount() >= Short.MAX_VALUE) {
      return PidAllocator.NO_PID; // the bug: the 16-bit count would wrap to negative
    }
    return impl.alloc();
  }
}
