package pidmap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine a measurement ran on, as a report names it: cores, Java, kernel, load averages.
 * Stateless.
 */
final class Machine {
  private Machine() {}

  /** The load averages over 1, 5 and 15 minutes, as /proc/loadavg gives them, or "unknown". */
  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown";
    }
  }

  /** Cores, Java, OS, and the load before and after a run. */
  static Map<String, Object> describe(String loadBefore) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("load_before", loadBefore);
    m.put("load_after", load());
    return m;
  }
}
