package pidmap.verify;

import pidmap.engine.broken.ForwardingAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;

/** Broken on purpose: freeing the last pid of a page answers ok but leaves the pid allocated. */
final class ForgetsPageEndFree extends ForwardingAllocator {
  ForgetsPageEndFree(Geometry geometry, Profile profile) {
    super(geometry, profile);
  }

  @Override
  public void free(int pid) {
    int mask = geometry().pageMask();
    if ((pid & mask) == mask && isAllocated(pid)) {
      return; // the bug: a leak at every page end
    }
    impl.free(pid);
  }
}
