package pidmap.engine;

import pidmap.spec.Geometry;
import pidmap.spec.PidAllocator;
import pidmap.spec.Profile;

/** Makes a fresh allocator: how the engine gets the model, the impl, or a variant under test. */
@FunctionalInterface
public interface AllocatorFactory {
  PidAllocator create(Geometry geometry, Profile profile);
}
