package pidmap.kit.agent;

/** Starts a fresh agent: every scenario runs on its own. Implementations are thread-safe. */
@FunctionalInterface
public interface AgentFactory {

  /**
   * @throws AgentException of kind {@link AgentException.Kind#UNAVAILABLE} when it cannot start,
   *     or of another kind when its hello line is not one
   */
  Agent start() throws AgentException;

  /**
   * The same agents with another bound on every reply, for shrinking: a shrink re-runs a hang
   * many times, and a candidate judged a hang too early is caught by the final re-run at the
   * full bound. The default keeps this factory's bound.
   */
  default AgentFactory withTimeout(long timeoutMs) {
    return this;
  }
}
