package pidmap.explorer.interleave;

/**
 * What the interleaving explorer checks, in every state it reaches. Immutable.
 */
public enum Property {
  /**
   * [ALLOC-1] No pid is held by two threads: an alloc never hands out a pid a thread holds (a
   * free releases its pid when it clears the bit), and a free of a pid the thread holds is never
   * refused.
   */
  OWNERSHIP("ALLOC-1", "no pid held by two threads"),
  /** [ALLOC-4] An alloc hands out a pid in [1, pid_max). */
  RANGE("ALLOC-4", "alloc answers in [1, pid_max)"),
  /** [PIDMAP-2] With no operation in flight, every page's counter equals its zero bits. */
  COUNTERS("PIDMAP-2", "counters match their pages at quiescence"),
  /**
   * [PIDMAP-4] With no operation in flight, the allocated set is pid 0 and the pids the threads
   * hold (what the answers say).
   */
  ALLOCATED("PIDMAP-4", "the allocated set is what the answers say at quiescence"),
  /**
   * [LAST-1] last_pid never moves backward: an alloc that read last_pid b and stores its pid p
   * never replaces a value that comes after p in the walk from b (the kernel's pid_before, Linux
   * 2.6.35). The seed's plain store breaks it, and then a pid can be handed out again at once
   * (commit 5fdee8c4a5e1).
   */
  LAST_PID("LAST-1", "last_pid never moves backward");

  private final String id;
  private final String sentence;

  Property(String id, String sentence) {
    this.id = id;
    this.sentence = sentence;
  }

  public String id() {
    return id;
  }

  public String sentence() {
    return sentence;
  }

  /** How a violation's message starts, e.g. {@code "ALLOC-1: "}. */
  String prefix() {
    return id + ": ";
  }

  /** The property a violation message names. */
  static Property of(String message) {
    for (Property p : values()) {
      if (message.startsWith(p.prefix())) {
        return p;
      }
    }
    throw new IllegalArgumentException("no property for " + message);
  }
}
