package pidmap.kit.suite;

import java.util.List;

/**
 * The process-level scenarios (linux-6), each reply as the running kernel gives it:
 * {@code KernelAgentSuitesTest} runs every one on the kernel agent. Tasks are named by the
 * scenario ({@code t1} is the root namespace's init); numbers are listed from the root namespace
 * down to the task's own. Stateless.
 */
final class ProcessScenarios {
  private ProcessScenarios() {}

  static List<SuiteScenario> firstPid() {
    return List.of(
        SuiteScenario.process("first-pid", "a child forked into a new PID namespace is 1 there, and"
            + " the namespace's next task is 2", """
            fork t2 t1 flags=CLONE_NEWPID => pids 2/1
            fork t3 t2 => pids 3/2
            """),
        SuiteScenario.process("first-pid", "at every depth a new namespace's first task is 1"
            + " (namespaces nested 4 deep)", """
            fork t2 t1 flags=CLONE_NEWPID => pids 2/1
            fork t3 t2 flags=CLONE_NEWPID => pids 3/2/1
            fork t4 t3 flags=CLONE_NEWPID => pids 4/3/2/1
            fork t5 t4 flags=CLONE_NEWPID => pids 5/4/3/2/1
            fork t6 t5 => pids 6/5/4/3/2
            """),
        SuiteScenario.process("first-pid", "after unshare, a task's first child is 1 in the new"
            + " namespace and the task keeps its own number", """
            fork t2 t1 => pids 2
            unshare t2 => ok
            fork t3 t2 => pids 3/1
            fork t4 t2 => pids 4/2
            """));
  }

  static List<SuiteScenario> heldNumbers() {
    return List.of(
        SuiteScenario.process("held-numbers", "a zombie keeps its number until it is reaped", """
            fork t2 t1 => pids 2
            exit t2 => ok
            set_last 1 => ok
            fork t3 t1 => pids 3
            reap t1 t2 => pid 2
            set_last 1 => ok
            fork t4 t1 => pids 2
            """),
        SuiteScenario.process("held-numbers", "a process group keeps its number while a member"
            + " lives, after its leader is reaped", """
            fork t2 t1 => pids 2
            setpgid t2 0 0 => ok
            fork t3 t2 => pids 3
            exit t2 => ok
            reap t1 t2 => pid 2
            set_last 1 => ok
            fork t4 t1 => pids 4
            """),
        SuiteScenario.process("held-numbers", "a session keeps its number while a member lives,"
            + " after its leader is reaped", """
            fork t2 t1 => pids 2
            setsid t2 => pid 2
            fork t3 t2 => pids 3
            setpgid t3 0 0 => ok
            exit t2 => ok
            reap t1 t2 => pid 2
            set_last 1 => ok
            fork t4 t1 => pids 4
            """),
        SuiteScenario.process("held-numbers", "once its group is gone the number is free again"
            + " (the orphan was reaped by init)", """
            fork t2 t1 => pids 2
            setpgid t2 0 0 => ok
            fork t3 t2 => pids 3
            exit t2 => ok
            reap t1 t2 => pid 2
            exit t3 => ok
            reap t1 t3 => pid 3
            set_last 1 => ok
            fork t4 t1 => pids 2
            """));
  }

  static List<SuiteScenario> setTid() {
    return List.of(
        SuiteScenario.process("set-tid", "clone3's set_tid names the new task's pid", """
            fork t2 t1 set_tid=500 => pids 500
            """),
        SuiteScenario.process("set-tid", "a set_tid that is taken fails with EEXIST", """
            fork t2 t1 set_tid=500 => pids 500
            fork t3 t1 set_tid=500 => errno EEXIST
            """),
        SuiteScenario.process("set-tid", "a set_tid below 1, or at pid_max or above, fails with"
            + " EINVAL", """
            set_pid_max 1000 => ok
            fork t2 t1 set_tid=1000 => errno EINVAL
            fork t2 t1 set_tid=0 => errno EINVAL
            fork t2 t1 set_tid=999 => pids 999
            """),
        SuiteScenario.process("set-tid", "in a new namespace without init only set_tid 1 is"
            + " accepted (set_tid lists the innermost level first)", """
            fork t2 t1 flags=CLONE_NEWPID set_tid=5 => errno EINVAL
            fork t2 t1 flags=CLONE_NEWPID set_tid=1,700 => pids 700/1
            """),
        SuiteScenario.process("set-tid", "set_tid does not move ns_last_pid", """
            fork t2 t1 set_tid=500 => pids 500
            get_last => value 1
            fork t3 t1 => pids 2
            """));
  }

  static List<SuiteScenario> threadIds() {
    return List.of(
        SuiteScenario.process("thread-ids", "a thread's id comes from the same numbers as pids", """
            fork t2 t1 => pids 2
            fork t3 t2 flags=CLONE_THREAD => pids 3
            fork t4 t1 => pids 4
            """),
        SuiteScenario.process("thread-ids", "a live thread's id is never given to another task", """
            fork t2 t1 => pids 2
            fork t3 t2 flags=CLONE_THREAD => pids 3
            set_last 2 => ok
            fork t4 t1 => pids 4
            """),
        SuiteScenario.process("thread-ids", "a thread's id is free as soon as it exits (no zombie)",
            """
            fork t2 t1 => pids 2
            fork t3 t2 flags=CLONE_THREAD => pids 3
            exit t3 => ok
            set_last 2 => ok
            fork t4 t1 => pids 3
            """));
  }

  static List<SuiteScenario> exhaustion() {
    // 2..299 taken first, so that the root runs out for every wrap rule, not only Linux's
    StringBuilder t = new StringBuilder("set_pid_max 302 => ok\n");
    for (int i = 2; i <= 299; i++) {
      t.append("fork t").append(i).append(" t1 => pids ").append(i).append('\n');
    }
    t.append("""
        fork t300 t1 => pids 300
        fork t301 t1 => pids 301
        set_pid_max 301 => ok
        unshare t2 => ok
        fork t302 t2 => errno EAGAIN
        set_pid_max 303 => ok
        fork t302 t2 => pids 302/1
        """);
    return List.of(
        SuiteScenario.process("exhaustion", "a fork that runs out at an outer level fails with"
            + " EAGAIN, and a namespace whose first pid failed starts over at 1", t.toString()));
  }

  static List<SuiteScenario> namespaces() {
    return List.of(
        SuiteScenario.process("pid-namespaces", "pid_max is per namespace", """
            set_pid_max 5000 => ok
            fork t2 t1 flags=CLONE_NEWPID => pids 2/1
            set_pid_max 1000 in=t2 => ok
            get_pid_max => value 5000
            get_pid_max in=t2 => value 1000
            """),
        SuiteScenario.process("pid-namespaces", "ns_last_pid is per namespace", """
            fork t2 t1 flags=CLONE_NEWPID => pids 2/1
            set_last 99 in=t2 => ok
            fork t3 t2 => pids 3/100
            get_last => value 3
            get_last in=t2 => value 100
            """),
        SuiteScenario.process("pid-namespaces", "a fork into a namespace whose init has exited"
            + " fails with ENOMEM", """
            fork t2 t1 => pids 2
            unshare t2 => ok
            fork t3 t2 => pids 3/1
            exit t3 => ok
            fork t4 t2 => errno ENOMEM
            """),
        SuiteScenario.process("pid-namespaces", "setns changes where a task's children are born,"
            + " not its own numbers", """
            fork t2 t1 flags=CLONE_NEWPID => pids 2/1
            fork t3 t1 => pids 3
            setns t3 t2 => ok
            fork t4 t3 => pids 4/2
            fork t5 t1 => pids 5
            """));
  }
}
