package pidmap.engine;

import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Profile;

/** Makes a fresh allocator: how the engine gets the model, the impl, or a variant under test. */
@FunctionalInterface
public interface AllocatorFactory {
  InspectablePidAllocator create(Geometry geometry, Profile profile);
}
