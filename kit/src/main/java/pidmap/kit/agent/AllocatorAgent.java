package pidmap.kit.agent;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import pidmap.spec.PidAllocator;
import pidmap.spec.PidmapException;
import pidmap.spec.PidmapInspection;

/**
 * A JVM {@link PidAllocator} as an agent of the allocator level, in process: each request is one
 * call on a thread of its own, bounded by the timeout (a call that does not return is a hang and
 * its thread is abandoned); {@link PidmapException} is the refusal {@code errno EINVAL}; any other
 * exception is a crash. The allocator's first alloc is the namespace's init and must answer 1.
 *
 * <p>Not thread-safe: one caller drives one agent.
 */
public final class AllocatorAgent implements Agent {
  private static final Set<String> OPS =
      Set.of("alloc", "free", "next", "set_last", "set_pid_max", "get_last", "get_pid_max");

  private final PidAllocator allocator;
  private final String exhaustionErrno;
  private final long timeoutMs;
  private final ExecutorService thread;
  private final Hello hello;
  private boolean dead;

  private AllocatorAgent(PidAllocator allocator, String exhaustionErrno, long timeoutMs)
      throws AgentException {
    this.allocator = allocator;
    this.exhaustionErrno = exhaustionErrno;
    this.timeoutMs = timeoutMs;
    this.thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "pidmap-kit-allocator");
      t.setDaemon(true);
      return t;
    });
    String init = call("alloc");
    if (!init.equals("pid 1")) {
      close();
      throw new AgentException(AgentException.Kind.UNAVAILABLE, "the first alloc of a fresh "
          + allocator.getClass().getSimpleName() + " answered '" + init
          + "', but a namespace's init is pid 1");
    }
    int pidMax = (int) Long.parseLong(call("get_pid_max").substring(6));
    this.hello = new Hello(Hello.PROTOCOL, OPS, Set.of(), Map.of("agent",
        allocator.getClass().getName(), "pid_max", Integer.toString(pidMax)));
  }

  /**
   * A factory of agents around fresh allocators.
   *
   * @param exhaustionErrno what an alloc that returns {@link PidAllocator#NO_PID} answers (the
   *     profile's errno: EAGAIN for linux-6)
   */
  public static AgentFactory factory(Supplier<? extends PidAllocator> fresh,
      String exhaustionErrno, long timeoutMs) {
    return () -> {
      PidAllocator a;
      try {
        a = fresh.get();
      } catch (RuntimeException e) {
        throw new AgentException(AgentException.Kind.UNAVAILABLE,
            "the allocator's constructor threw " + e);
      }
      return new AllocatorAgent(a, exhaustionErrno, timeoutMs);
    };
  }

  @Override
  public Hello hello() {
    return hello;
  }

  @Override
  public String call(String request) throws AgentException {
    if (dead) {
      throw new AgentException(AgentException.Kind.CRASH, "the allocator hung or threw before");
    }
    String[] w = request.split(" ");
    if (!OPS.contains(w[0])) {
      throw new AgentException(AgentException.Kind.AGENT_ERROR,
          "a PidAllocator has no '" + w[0] + "'");
    }
    Future<String> f = thread.submit(() -> answer(w));
    try {
      return f.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      dead = true;
      throw new AgentException(AgentException.Kind.HANG,
          "no answer to '" + request + "' within " + timeoutMs + " ms");
    } catch (ExecutionException e) {
      dead = true;
      Throwable c = e.getCause();
      StackTraceElement at = c.getStackTrace().length > 0 ? c.getStackTrace()[0] : null;
      throw new AgentException(AgentException.Kind.CRASH, "'" + request + "' threw " + c
          + (at == null ? "" : " at " + at));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      dead = true;
      throw new AgentException(AgentException.Kind.CRASH, "interrupted");
    }
  }

  private String answer(String[] w) {
    try {
      switch (w[0]) {
        case "alloc": {
          int pid = allocator.alloc();
          inspect(pid, true);
          return pid == PidAllocator.NO_PID ? "errno " + exhaustionErrno : "pid " + pid;
        }
        case "free":
          allocator.free(arg(w));
          inspect(arg(w), false);
          return "ok";
        case "next":
          return "pid " + allocator.next(arg(w));
        case "set_last":
          allocator.setLastPid(arg(w));
          return "ok";
        case "set_pid_max":
          allocator.setPidMax(arg(w));
          return "ok";
        case "get_last":
          return "value " + allocator.lastPid();
        default:
          return "value " + allocator.pidMax();
      }
    } catch (PidmapException e) {
      return "errno EINVAL";
    }
  }

  /** With {@link PidmapInspection}: the allocator's own view must agree with what it did. */
  private void inspect(int pid, boolean allocated) {
    if (pid != PidAllocator.NO_PID && allocator instanceof PidmapInspection view
        && view.isAllocated(pid) != allocated) {
      throw new IllegalStateException("its PidmapInspection says pid " + pid + " is "
          + (allocated ? "free right after alloc handed it out" : "allocated right after free"));
    }
  }

  /** The argument; one that no int holds is out of every range, so the allocator refuses it. */
  private static int arg(String[] w) {
    long v = Long.parseLong(w[1]);
    if (v != (int) v) {
      throw new PidmapException("value", v, "an int");
    }
    return (int) v;
  }

  @Override
  public void close() {
    dead = true;
    thread.shutdownNow();
  }
}
