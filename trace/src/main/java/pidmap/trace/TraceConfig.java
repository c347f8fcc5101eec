package pidmap.trace;

import pidmap.spec.Geometry;
import pidmap.spec.Profile;

/**
 * The {@code config} line of a trace, or the command line's geometry flags: each field is
 * optional (null when absent), and an absent field takes the kernel's value ({@link
 * Geometry#KERNEL}, {@link Profile#LINUX_2_6_24}). Flags override the trace's config field by
 * field ({@link #overriddenBy}). Immutable.
 *
 * @param profile the profile id, e.g. {@code linux-2.6.24}
 * @param pidMax the pid_max a fresh namespace starts with (kernel: 32768)
 * @param bitsPerPage bits per bitmap page (kernel: 32768)
 * @param reserved RESERVED_PIDS (kernel: 300)
 * @param pidMaxLimit PID_MAX_LIMIT (kernel: 4194304)
 */
public record TraceConfig(
    String profile, Integer pidMax, Integer bitsPerPage, Integer reserved, Integer pidMaxLimit) {

  /** No field given: the kernel's geometry and the seed's profile. */
  public static final TraceConfig EMPTY = new TraceConfig(null, null, null, null, null);

  /** Every field given, as a writer records a run. */
  public static TraceConfig of(Profile profile, Geometry g) {
    return new TraceConfig(profile.id(), g.defaultPidMax(), g.bitsPerPage(), g.reservedPids(),
        g.pidMaxLimit());
  }

  /** This config with every field that {@code flags} gives replaced by the flag's value. */
  public TraceConfig overriddenBy(TraceConfig flags) {
    return new TraceConfig(
        flags.profile != null ? flags.profile : profile,
        flags.pidMax != null ? flags.pidMax : pidMax,
        flags.bitsPerPage != null ? flags.bitsPerPage : bitsPerPage,
        flags.reserved != null ? flags.reserved : reserved,
        flags.pidMaxLimit != null ? flags.pidMaxLimit : pidMaxLimit);
  }

  /**
   * The geometry, absent fields at the kernel's values.
   *
   * @throws pidmap.spec.PidmapException naming the field and bound when they do not fit together
   */
  public Geometry geometry() {
    Geometry k = Geometry.KERNEL;
    return new Geometry(
        bitsPerPage != null ? bitsPerPage : k.bitsPerPage(),
        reserved != null ? reserved : k.reservedPids(),
        pidMaxLimit != null ? pidMaxLimit : k.pidMaxLimit(),
        pidMax != null ? pidMax : k.defaultPidMax());
  }

  /** The profile, {@code linux-2.6.24} when absent. @throws pidmap.spec.PidmapException if unknown */
  public Profile resolvedProfile() {
    return profile != null ? Profile.byId(profile) : Profile.LINUX_2_6_24;
  }

  /** The config line with the fields that are present, in the order of docs/DESIGN.md. */
  public String toJson() {
    StringBuilder b = new StringBuilder("{\"op\":\"config\"");
    if (profile != null) {
      b.append(",\"profile\":\"").append(profile).append('"');
    }
    append(b, "pid_max", pidMax);
    append(b, "bits_per_page", bitsPerPage);
    append(b, "reserved", reserved);
    append(b, "pid_max_limit", pidMaxLimit);
    return b.append('}').toString();
  }

  private static void append(StringBuilder b, String name, Integer value) {
    if (value != null) {
      b.append(",\"").append(name).append("\":").append(value);
    }
  }
}
