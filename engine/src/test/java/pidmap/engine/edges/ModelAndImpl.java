package pidmap.engine.edges;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import pidmap.engine.AllocatorFactory;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.model.ModelPidAllocator;

/**
 * The allocators the contract tests run against: the model, and the impl with either last_pid
 * update. Stateless.
 */
public final class ModelAndImpl {
  private ModelAndImpl() {}

  public static Stream<Named<AllocatorFactory>> modelAndImpl() {
    return Stream.of(
        Named.of("model", ModelPidAllocator::new),
        Named.of("impl", BitmapPidAllocator::new),
        Named.of("impl, forward CAS",
            (g, p) -> new BitmapPidAllocator(g, p, LastPidUpdate.FORWARD_CAS)));
  }
}
