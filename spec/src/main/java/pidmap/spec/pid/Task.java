package pidmap.spec.pid;

/**
 * The smallest task that pid.c needs: an identity, one link per {@link PidType} (asked of the
 * {@link PidLayer}), and a usage count for get_pid_task's reference.
 *
 * <p>Tasks are made by {@link PidLayer#newTask()}; the idle task ({@link PidLayer#initTask()},
 * serial 0) is linked to init_struct_pid in all three types from the start.
 */
public interface Task {

  /** Creation order: 0 for the idle task, then 1, 2, ... */
  int serial();

  /** Its usage count: 1 for its own reference, plus one per get_pid_task not yet put. */
  int usage();

  /** {@code task#<serial>}, as error messages name it. */
  default String describe() {
    return "task#" + serial();
  }
}
