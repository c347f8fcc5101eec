package pidmap.spec.pid;

/**
 * The two clone flags copy_pid_ns looks at, with the kernel's values, and how to print a flag
 * word. Every other bit is ignored, as the seed ignores it.
 *
 * <p>Seed: pid.c lines 553-574.
 */
public final class CloneFlags {
  private CloneFlags() {}

  /** CLONE_THREAD: the child joins the caller's thread group. */
  public static final long CLONE_THREAD = 0x00010000L;
  /** CLONE_NEWPID: the child is the first task of a new pid namespace. */
  public static final long CLONE_NEWPID = 0x20000000L;

  /** The flags by name, e.g. {@code CLONE_NEWPID|CLONE_THREAD}, or {@code 0}. */
  public static String describe(long flags) {
    StringBuilder sb = new StringBuilder();
    if ((flags & CLONE_NEWPID) != 0) {
      sb.append("CLONE_NEWPID");
    }
    if ((flags & CLONE_THREAD) != 0) {
      sb.append(sb.length() == 0 ? "" : "|").append("CLONE_THREAD");
    }
    long rest = flags & ~(CLONE_NEWPID | CLONE_THREAD);
    if (rest != 0) {
      sb.append(sb.length() == 0 ? "" : "|").append("0x").append(Long.toHexString(rest));
    }
    return sb.length() == 0 ? "0" : sb.toString();
  }
}
