package pidmap.spec.pid;

import java.util.List;
import java.util.Objects;
import pidmap.spec.Geometry;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;
import pidmap.spec.Require;

/**
 * What a pid layer is built from: the bitmap geometry and search rule every namespace's
 * allocator uses, the machine's memory (which sizes the pid hash), and the pid_max it boots with.
 *
 * <p>pid_max follows the profile. linux-2.6.24: one global (seed line 46) that every level's
 * alloc reads; the root namespace holds a number for every pid, so it fills first, and the next
 * fork in a child fails at level 0 after the child took a number (the rollback of seed lines
 * 282-285). linux-6 (6.14 and later): each namespace has its own; init_pid_ns boots with
 * {@code pidMaxByLevel}'s first entry and every new namespace starts at PID_MAX_LIMIT (the
 * running kernel 6.18 answers 4194304 in a fresh namespace whatever its parent's is). So the
 * list holds the boot value only; a linux-6 list may also name PID_MAX_LIMIT for the deeper
 * levels, which is what they get anyway. Anything else is refused.
 *
 * <p>Immutable and thread-safe.
 *
 * @param geometry bitmap shape shared by every namespace
 * @param profile the search rule shared by every namespace
 * @param nrKernelPages the machine's memory in 4 KiB pages, for pidhash_init (seed 631-649)
 * @param pidMaxByLevel pid_max at level 0, 1, ...; each in [pid_max_min, pid_max_limit]
 * @param maxNsLevel the deepest namespace level copy_pid_ns makes (linux-6; deeper is ENOSPC):
 *     {@link SetTid#MAX_PID_NS_LEVEL} when the layer's root is the machine's initial namespace;
 *     less when the root stands for a namespace deeper in a machine, as an agent's namespace does
 *     (the kernel counts the 32 levels from the top); in [0, MAX_PID_NS_LEVEL]
 */
public record LayerConfig(Geometry geometry, Profile profile, long nrKernelPages,
    List<Integer> pidMaxByLevel, int maxNsLevel) {

  /** One gigabyte: the smallest memory that gets the largest hash (4096 chains). */
  public static final long ONE_GIGABYTE_PAGES = 1L << (30 - PidHashing.PAGE_SHIFT);

  /** A layer whose root is the machine's initial namespace (nesting up to MAX_PID_NS_LEVEL). */
  public LayerConfig(Geometry geometry, Profile profile, long nrKernelPages,
      List<Integer> pidMaxByLevel) {
    this(geometry, profile, nrKernelPages, pidMaxByLevel, SetTid.MAX_PID_NS_LEVEL);
  }

  public LayerConfig {
    Objects.requireNonNull(geometry, "geometry");
    if (maxNsLevel < 0 || maxNsLevel > SetTid.MAX_PID_NS_LEVEL) {
      throw new PidmapException("max_ns_level", maxNsLevel,
          "0 <= max_ns_level <= MAX_PID_NS_LEVEL " + SetTid.MAX_PID_NS_LEVEL);
    }
    Objects.requireNonNull(profile, "profile");
    if (nrKernelPages < 0) {
      throw new PidmapException("nr_kernel_pages", nrKernelPages, "0 <= nr_kernel_pages");
    }
    pidMaxByLevel = List.copyOf(pidMaxByLevel);
    for (int v : pidMaxByLevel) {
      Require.pidMax(v, geometry);
    }
    for (int level = 1; level < pidMaxByLevel.size(); level++) {
      int v = pidMaxByLevel.get(level);
      if (profile == Profile.LINUX_2_6_24 && v != pidMaxByLevel.get(0)) {
        throw new PidmapException("pid_max/level", pidMaxByLevel.toString(),
            "one value: linux-2.6.24's pid_max is one global (seed line 46)");
      }
      if (profile != Profile.LINUX_2_6_24 && v != geometry.pidMaxLimit()) {
        throw new PidmapException("pid_max/level", pidMaxByLevel.toString(),
            "init_pid_ns's value, then only pid_max_limit " + geometry.pidMaxLimit()
                + ": under linux-6 a new namespace starts at PID_MAX_LIMIT");
      }
    }
  }

  /** The kernel's geometry and rule, a 1 GiB machine, the default pid_max everywhere. */
  public static LayerConfig kernel() {
    return new LayerConfig(Geometry.KERNEL, Profile.LINUX_2_6_24, ONE_GIGABYTE_PAGES, List.of());
  }

  /**
   * The pid_max the layer boots with: linux-2.6.24's global, linux-6's init_pid_ns's (the
   * geometry's default when the list is empty).
   */
  public int bootPidMax() {
    return pidMaxByLevel.isEmpty() ? geometry.defaultPidMax() : pidMaxByLevel.get(0);
  }

  /**
   * The pid_max a namespace created at {@code level} starts with, before any write: the boot
   * value at level 0; deeper, the global's current value under linux-2.6.24 (the caller knows
   * it) and PID_MAX_LIMIT under linux-6.
   */
  public int pidMaxAt(int level, int global) {
    if (level == 0) {
      return bootPidMax();
    }
    return profile == Profile.LINUX_2_6_24 ? global : geometry.pidMaxLimit();
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
        + (pidMaxByLevel.isEmpty() ? "" : " boot_pid_max=" + bootPidMax())
        + (maxNsLevel == SetTid.MAX_PID_NS_LEVEL ? "" : " max_ns_level=" + maxNsLevel)
        + (profile == Profile.LINUX_2_6_24 ? "" : " " + profile.id());
  }
}
