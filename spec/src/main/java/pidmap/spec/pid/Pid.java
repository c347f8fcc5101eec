package pidmap.spec.pid;

/**
 * A struct pid as callers see it: one number per level from the root namespace (level 0) down
 * to the namespace it was allocated in ({@link #level()}), and a reference count. Relations
 * (which tasks use it, whether it is hashed) are asked of the {@link PidLayer}.
 *
 * <p>A pid is released when its count drops to zero; after that every use is refused (use after
 * free), but these accessors still answer, for diagnostics: the numbers it had, count 0.
 *
 * <p>Seed: pid.c lines 241-288 (what alloc_pid fills in).
 */
public interface Pid {

  /** The level of the namespace it was allocated in; it has level + 1 numbers. */
  int level();

  /** Its number in the namespace at {@code level} (0..level()), root first. */
  int nr(int level);

  /** The namespace of its number at {@code level}: the allocating namespace's ancestors. */
  PidNs ns(int level);

  /** Its reference count; 0 once released. */
  int count();

  /** Whether its last reference was put and it went back to its cache. */
  boolean released();

  /** Its numbers, root first, e.g. {@code 7/1} for pid 7 in the root and 1 in a child. */
  default String numbers() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i <= level(); i++) {
      sb.append(i == 0 ? "" : "/").append(nr(i));
    }
    return sb.toString();
  }
}
