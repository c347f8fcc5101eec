package pidmap.model;

import pidmap.impl.BitmapPidAllocator;

/**
 * Test scope only: a class in the model's package that uses the impl, the back edge that
 * DependencyArrowsTest must catch (it is never part of the model module).
 */
public final class ModelUsingImplTwin {
  private ModelUsingImplTwin() {}

  public static String usesTheImpl(BitmapPidAllocator impl) {
    return impl.toString();
  }
}
