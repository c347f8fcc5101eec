package pidmap.trace;

import pidmap.spec.PidAllocator;

/**
 * What one operation answered. Two allocators conform on a step when their outcomes are equal.
 *
 * @param kind the shape of the answer
 * @param pid the pid for {@link Kind#PID} ({@link PidAllocator#NO_PID} when next finds none)
 * @param text the errno name for {@link Kind#ERRNO}, the message for {@link Kind#REFUSED}
 */
public record Outcome(Kind kind, int pid, String text) {

  public enum Kind {
    /** alloc handed out a pid, or next answered (a pid or -1). */
    PID,
    /** alloc found no free pid; text is the errno name. */
    ERRNO,
    /** free, set_last or set_pid_max took effect. */
    OK,
    /** the input was refused; text is the message; state unchanged. */
    REFUSED
  }

  public static Outcome pid(int pid) {
    return new Outcome(Kind.PID, pid, "");
  }

  public static Outcome errno(String name) {
    return new Outcome(Kind.ERRNO, PidAllocator.NO_PID, name);
  }

  public static Outcome ok() {
    return new Outcome(Kind.OK, PidAllocator.NO_PID, "");
  }

  public static Outcome refused(String message) {
    return new Outcome(Kind.REFUSED, PidAllocator.NO_PID, message);
  }

  @Override
  public String toString() {
    switch (kind) {
      case PID:
        return Integer.toString(pid);
      case ERRNO:
        return text;
      case OK:
        return "ok";
      default:
        return Expect.REFUSED + " (refused: " + text + ")"; // what a trace's expect says
    }
  }
}
