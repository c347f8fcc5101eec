package pidmap.kit.agent;

/** Starts a fresh agent: every scenario runs on its own. Implementations are thread-safe. */
@FunctionalInterface
public interface AgentFactory {

  /**
   * @throws AgentException of kind {@link AgentException.Kind#UNAVAILABLE} when it cannot start,
   *     or of another kind when its hello line is not one
   */
  Agent start() throws AgentException;
}
