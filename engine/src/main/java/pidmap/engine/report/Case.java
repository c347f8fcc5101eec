package pidmap.engine.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One verdict: a row of a campaign or a step of a trace, as a test case. Immutable.
 *
 * @param name what was checked, e.g. {@code differential 4/2/16 pid_max 14 / linux-6}
 * @param classname the group it belongs to, e.g. {@code pidmap.verify.differential}
 * @param status how it ended
 * @param seconds how long it took
 * @param message one line: why it failed or was skipped; empty when it passed
 * @param detail further lines (a shrunk trace, a replay command); empty when none
 */
public record Case(String name, String classname, Status status, double seconds, String message,
    String detail) {

  /** How a case ended. */
  public enum Status {
    PASS, FAIL, SKIP, ERROR;

    /** {@code pass}, {@code fail}, {@code skip}, {@code error}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Case {
    Objects.requireNonNull(name);
    Objects.requireNonNull(classname);
    Objects.requireNonNull(status);
    message = message == null ? "" : message;
    detail = detail == null ? "" : detail;
  }

  public static Case pass(String name, String classname, double seconds) {
    return new Case(name, classname, Status.PASS, seconds, "", "");
  }

  /** The case as JSON fields, in a fixed order: name, status, seconds, message, detail. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("status", status.id());
    m.put("seconds", seconds);
    if (!message.isEmpty()) {
      m.put("message", message);
    }
    if (!detail.isEmpty()) {
      m.put("detail", detail);
    }
    return m;
  }
}
