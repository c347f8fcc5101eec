package pidmap.verify;

import pidmap.engine.broken.SeedLoopAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;

/** Broken on purpose: freeing the last pid of a page answers ok but leaves the pid allocated. */
final class ForgetsPageEndFree extends SeedLoopAllocator {
  ForgetsPageEndFree(Geometry geometry, Profile profile) {
    super(geometry, profile);
  }

  @Override
  public void free(int pid) {
    int mask = geometry().pageMask();
    if ((pid & mask) == mask && isAllocated(pid)) {
      return; // the bug: a leak at every page end
    }
    super.free(pid);
  }
}
