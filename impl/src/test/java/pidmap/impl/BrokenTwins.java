package pidmap.impl;

import java.util.function.BiFunction;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;

/**
 * The impl's broken twins for the checks of other modules: the real {@link BitmapPidAllocator}
 * with one step of its {@link Pages} broken, on the production memory or on one the caller
 * provides (an explorer's). Each is named for its bug; each is sequentially correct and wrong
 * only when allocs race. Test scope; stateless.
 */
public enum BrokenTwins {
  /** {@link NonAtomicTestAndSet}: the test-and-set is a load and a store. */
  NON_ATOMIC_TEST_AND_SET(NonAtomicTestAndSet::new),
  /** {@link CounterTakenBeforeTheBitIsWon}: nr_free is decremented before the bit is won. */
  COUNTER_TAKEN_BEFORE_THE_BIT_IS_WON(CounterTakenBeforeTheBitIsWon::new),
  /** {@link InstallWithoutRecheck}: a missing page is stored over whatever a racer installed. */
  INSTALL_WITHOUT_RECHECK(InstallWithoutRecheck::new);

  private final BiFunction<Geometry, PidmapMemory, Pages> pages;

  BrokenTwins(BiFunction<Geometry, PidmapMemory, Pages> pages) {
    this.pages = pages;
  }

  /** The twin on {@code memory}, which must be fresh. */
  public BitmapPidAllocator on(
      PidmapMemory memory, Geometry g, Profile p, LastPidUpdate update) {
    return new BitmapPidAllocator(g, p, update, pages.apply(g, memory));
  }

  /** The twin on the production memory. */
  public BitmapPidAllocator create(Geometry g, Profile p, LastPidUpdate update) {
    return on(PidmapMemory.atomic(g), g, p, update);
  }

  /** The twin on the production memory with the seed's last_pid store. */
  public BitmapPidAllocator create(Geometry g, Profile p) {
    return create(g, p, LastPidUpdate.SEED_PLAIN_STORE);
  }
}
