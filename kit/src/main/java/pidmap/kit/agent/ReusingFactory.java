package pidmap.kit.agent;

/**
 * Reuses one agent process across scenarios when it offers {@code reset} (back to a fresh
 * namespace: init is pid 1, last_pid 1, nothing else taken): a closed agent is kept, and the
 * next start sends it {@code reset} instead of starting a process. An agent that hung, crashed
 * or answered anything but {@code ok} to {@code reset} is killed and replaced by a fresh one, so
 * a scenario never inherits a broken agent. Not thread-safe: one run uses it.
 */
public final class ReusingFactory implements AgentFactory, AutoCloseable {
  private final AgentFactory fresh;
  private ProcessAgent idle;

  public ReusingFactory(AgentFactory fresh) {
    this.fresh = fresh;
  }

  @Override
  public Agent start() throws AgentException {
    ProcessAgent a = idle;
    idle = null;
    if (a != null) {
      try {
        if (a.call("reset").equals("ok")) {
          return new Lease(a);
        }
      } catch (AgentException e) {
        // not reusable: a fresh one below
      }
      a.close();
    }
    Agent started = fresh.start();
    if (started instanceof ProcessAgent p && p.hello().supports("reset")) {
      return new Lease(p);
    }
    return started;
  }

  @Override
  public AgentFactory withTimeout(long timeoutMs) {
    return new ReusingFactory(fresh.withTimeout(timeoutMs));
  }

  /** Ends the kept agent, if any. */
  @Override
  public void close() {
    if (idle != null) {
      idle.close();
      idle = null;
    }
  }

  /** An agent handed out; closing it keeps it for the next start while it is alive. */
  private final class Lease implements Agent {
    private final ProcessAgent agent;
    private boolean failed;

    Lease(ProcessAgent agent) {
      this.agent = agent;
    }

    @Override
    public Hello hello() {
      return agent.hello();
    }

    @Override
    public String call(String request) throws AgentException {
      try {
        return agent.call(request);
      } catch (AgentException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public void close() {
      if (failed || idle != null) {
        agent.close();
      } else {
        idle = agent;
      }
    }
  }
}
