package pidmap.trace;


/**
 * The {@code expect} of a trace line: what the trace's author saw. A pid (an alloc's result, or
 * next's, where -1 means none), an errno name for a failed alloc ({@code ENOMEM}, {@code EAGAIN}),
 * {@code EINVAL} for a refused input, or {@code ok} for a free or set that took effect.
 *
 * @param pid the expected pid, when {@code name} is null
 * @param name the expected errno name or {@code ok}, or null when a pid is expected
 */
public record Expect(int pid, String name) {

  /** The word for a refused input, as the kernel's sysctl writes and kill answer. */
  public static final String REFUSED = "EINVAL";

  public static Expect pid(int pid) {
    return new Expect(pid, null);
  }

  public static Expect named(String name) {
    return new Expect(0, name);
  }

  /** The expect that {@code outcome} would satisfy: what a recorder writes. */
  public static Expect of(Outcome outcome) {
    switch (outcome.kind()) {
      case PID:
        return pid(outcome.pid());
      case ERRNO:
        return named(outcome.text());
      case OK:
        return named("ok");
      default:
        return named(REFUSED);
    }
  }

  public boolean matches(Outcome o) {
    if (name == null) {
      return o.kind() == Outcome.Kind.PID && o.pid() == pid;
    }
    switch (o.kind()) {
      case ERRNO:
        return name.equals(o.text());
      case OK:
        return name.equals("ok");
      case REFUSED:
        return name.equals(REFUSED);
      default:
        return false;
    }
  }

  /** The JSON value as it appears after {@code "expect":}. */
  public String toJson() {
    return name == null ? Integer.toString(pid) : "\"" + name + "\"";
  }

  @Override
  public String toString() {
    return name == null ? Integer.toString(pid) : name;
  }
}
