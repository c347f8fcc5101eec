package pidmap.spec.pid;

import java.util.List;
import java.util.Objects;
import pidmap.spec.Geometry;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;
import pidmap.spec.Require;

/**
 * What a pid layer is built from: the bitmap geometry and search rule every namespace's
 * allocator uses, the machine's memory (which sizes the pid hash), and each level's pid_max.
 *
 * <p>pid_max is one global in the seed (line 46); here each namespace's allocator has its own,
 * taken from {@code pidMaxByLevel} at the namespace's level (the last entry for deeper levels,
 * the geometry's default when the list is empty). A tiny pid_max at an outer level makes that
 * level run out first, which reaches the rollback of seed lines 282-285.
 *
 * <p>Immutable and thread-safe.
 *
 * @param geometry bitmap shape shared by every namespace
 * @param profile the search rule shared by every namespace
 * @param nrKernelPages the machine's memory in 4 KiB pages, for pidhash_init (seed 631-649)
 * @param pidMaxByLevel pid_max at level 0, 1, ...; each in [pid_max_min, pid_max_limit]
 */
public record LayerConfig(
    Geometry geometry, Profile profile, long nrKernelPages, List<Integer> pidMaxByLevel) {

  /** One gigabyte: the smallest memory that gets the largest hash (4096 chains). */
  public static final long ONE_GIGABYTE_PAGES = 1L << (30 - PidHashing.PAGE_SHIFT);

  public LayerConfig {
    Objects.requireNonNull(geometry, "geometry");
    Objects.requireNonNull(profile, "profile");
    if (nrKernelPages < 0) {
      throw new PidmapException("nr_kernel_pages", nrKernelPages, "0 <= nr_kernel_pages");
    }
    pidMaxByLevel = List.copyOf(pidMaxByLevel);
    for (int v : pidMaxByLevel) {
      Require.pidMax(v, geometry);
    }
  }

  /** The kernel's geometry and rule, a 1 GiB machine, the default pid_max everywhere. */
  public static LayerConfig kernel() {
    return new LayerConfig(Geometry.KERNEL, Profile.LINUX_2_6_24, ONE_GIGABYTE_PAGES, List.of());
  }

  /** The pid_max a namespace at {@code level} starts with. */
  public int pidMaxAt(int level) {
    if (pidMaxByLevel.isEmpty()) {
      return geometry.defaultPidMax();
    }
    return pidMaxByLevel.get(Math.min(level, pidMaxByLevel.size() - 1));
  }

  /** pidhash_shift for this machine (seed 636-637). */
  public int pidhashShift() {
    return PidHashing.pidhashShift(nrKernelPages);
  }

  /**
   * A short label, e.g. {@code 4/2/16 pid_max 14 mem=2MiB pid_max/level=[3, 14]
   * linux-6} (the profile is named when it is not the seed's).
   */
  public String label() {
    return geometry.label() + " mem=" + (nrKernelPages >> (20 - PidHashing.PAGE_SHIFT)) + "MiB"
        + (pidMaxByLevel.isEmpty() ? "" : " pid_max/level=" + pidMaxByLevel)
        + (profile == Profile.LINUX_2_6_24 ? "" : " " + profile.id());
  }
}
