package pidmap.cli;

import pidmap.spec.Geometry;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;
import pidmap.trace.TraceConfig;
import pidmap.trace.TraceReader;

/**
 * The profile and geometry a trace runs with: its config line, overridden field by field by the
 * command line's flags. A refusal says where the bad value came from: {@code line N:} for the
 * trace's config line, the flag's words otherwise, and "the default" for a value nobody gave.
 * Immutable.
 */
record TraceSettings(Profile profile, Geometry geometry) {

  static TraceSettings of(TraceReader reader, GeometryOptions flags) {
    TraceConfig own = reader.config();
    if (reader.configLine() > 0) {
      try {
        own.resolvedProfile();
        own.geometry();
      } catch (PidmapException e) {
        throw new BadInputException("line " + reader.configLine() + ": " + e.getMessage());
      }
    }
    TraceConfig flagged = flags.asConfig();
    TraceConfig merged = own.overriddenBy(flagged);
    try {
      return new TraceSettings(merged.resolvedProfile(), merged.geometry());
    } catch (PidmapException e) {
      if (e.parameter().equals("pid_max") && merged.pidMax() == null) {
        throw new BadInputException("pid_max: " + e.value() + ", the default, does not fit (expected: "
            + e.expected() + "); give a smaller one with --pid-max");
      }
      throw e;
    }
  }

  /** The settings as a config line that says every field. */
  TraceConfig asConfig() {
    return TraceConfig.of(profile, geometry);
  }
}
