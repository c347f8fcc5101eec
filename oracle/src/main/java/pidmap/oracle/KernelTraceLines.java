package pidmap.oracle;

import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Expect;
import pidmap.trace.Op;

/** Trace lines in the JSON Lines format of docs/DESIGN.md, as the kernel oracle writes them. Stateless. */
final class KernelTraceLines {
  private KernelTraceLines() {}

  /** The geometry of a kernel trace: the kernel's own, starting at {@code pidMax}. */
  static Geometry geometry(int pidMax) {
    Geometry k = Geometry.KERNEL;
    return new Geometry(k.bitsPerPage(), k.reservedPids(), k.pidMaxLimit(), pidMax);
  }

  /** The config line: profile linux-6, the kernel's geometry, the scenario's pid_max. */
  static String config(int pidMax) {
    Geometry g = geometry(pidMax);
    return "{\"op\":\"config\",\"profile\":\"" + Profile.LINUX_6.id() + "\",\"pid_max\":" + pidMax
        + ",\"bits_per_page\":" + g.bitsPerPage() + ",\"reserved\":" + g.reservedPids()
        + ",\"pid_max_limit\":" + g.pidMaxLimit() + "}";
  }

  /** One operation with what the kernel answered as its {@code expect}. */
  static String step(Op op, Expect kernelAnswer) {
    String json = op.toJson();
    return json.substring(0, json.length() - 1) + ",\"expect\":" + kernelAnswer.toJson() + "}";
  }
}
