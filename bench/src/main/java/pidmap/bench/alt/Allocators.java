package pidmap.bench.alt;

import java.util.List;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;

/**
 * The implementations the benchmarks compare, by the name their {@code @Param} carries. Every one
 * follows the seed's rule (linux-2.6.24) on the kernel's geometry.
 *
 * <p>Stateless and thread-safe.
 */
public final class Allocators {
  private Allocators() {}

  /** The reference model: a TreeSet and the rule as ranges (not thread-safe). */
  public static final String MODEL = "model";
  /** The seed-shaped lock-free bitmap, with the seed's plain last_pid store. */
  public static final String IMPL = "impl";
  /** The same with the forward-only compare-and-swap of last_pid. */
  public static final String IMPL_CAS = "impl-cas";
  /** A synchronized BitSet allocator. */
  public static final String BITSET = "bitset-sync";
  /** A lock-free ConcurrentSkipListSet of free pids. */
  public static final String SKIPLIST = "skiplist";
  /** Only the atomic operations of the impl's fast path. */
  public static final String FLOOR = "floor";

  /** The floor plus the impl's volatile last_pid store: prices that one ordered write. */
  public static final String FLOOR_VSTORE = "floor+vstore";

  /** The floor's bitmap operations only, no counter (a diagnostic; not in the default suite). */
  public static final String FLOOR_BITS_ONLY = "floor-bits";

  /** Every name, in the order tables list them. */
  public static final List<String> ALL =
      List.of(MODEL, IMPL, IMPL_CAS, BITSET, SKIPLIST, FLOOR_VSTORE, FLOOR, FLOOR_BITS_ONLY);

  /** A fresh allocator {@code name} with pid_max {@code pidMax} on geometry {@code g}. */
  public static BenchAllocator create(String name, Geometry g, int pidMax) {
    switch (name) {
      case MODEL:
        return new SpecAllocator(name, withPidMax(new ModelPidAllocator(g, Profile.LINUX_2_6_24),
            pidMax));
      case IMPL:
        return new SpecAllocator(name, withPidMax(
            new BitmapPidAllocator(g, Profile.LINUX_2_6_24, LastPidUpdate.SEED_PLAIN_STORE),
            pidMax));
      case IMPL_CAS:
        return new SpecAllocator(name, withPidMax(
            new BitmapPidAllocator(g, Profile.LINUX_2_6_24, LastPidUpdate.FORWARD_CAS), pidMax));
      case BITSET:
        return new SynchronizedBitSetAllocator(g, pidMax);
      case SKIPLIST:
        return new SkipListAllocator(g, pidMax);
      case FLOOR:
        return new AtomicFloor(g, pidMax);
      case FLOOR_VSTORE:
        return new AtomicFloor(g, pidMax, true);
      case FLOOR_BITS_ONLY:
        return new AtomicFloor(g, pidMax, false, false);
      default:
        throw new PidmapException("impl", name, "one of " + String.join(", ", ALL));
    }
  }

  private static InspectablePidAllocator withPidMax(InspectablePidAllocator a, int pidMax) {
    a.setPidMax(pidMax);
    return a;
  }
}
