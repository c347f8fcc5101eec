package pidmap.kit.agent;

/**
 * One running agent: a fresh PID namespace in the protocol's terms (init is pid 1, last_pid 1).
 * Not thread-safe: one caller drives one agent.
 */
public interface Agent extends AutoCloseable {

  Hello hello();

  /**
   * Sends one request and returns its reply, an answer of the grammar ({@link Reply}).
   *
   * @throws AgentException when no answer came: a hang, a crash, garbage or {@code error ...}
   */
  String call(String request) throws AgentException;

  /** Ends the agent; never throws, idempotent. */
  @Override
  void close();
}
