package pidmap.kit.suite;

import java.util.ArrayList;
import java.util.List;
import pidmap.kit.agent.Agent;
import pidmap.kit.agent.AgentException;
import pidmap.kit.agent.AgentFactory;

/**
 * Runs a list of steps on a fresh agent and stops at the first that does not conform.
 * Stateless.
 */
public final class TraceRun {
  private TraceRun() {}

  /** The first failing step, or null when every step conforms. */
  public static Failure run(AgentFactory agents, List<Exchange> steps) {
    Agent agent;
    try {
      agent = agents.start();
    } catch (AgentException e) {
      return new Failure(0, "(start)", "a hello line", null, Verdict.of(e.kind()),
          e.getMessage());
    }
    try {
      return run(agent, steps);
    } finally {
      agent.close();
    }
  }

  /** The same on a running agent. */
  public static Failure run(Agent agent, List<Exchange> steps) {
    for (int i = 0; i < steps.size(); i++) {
      Exchange s = steps.get(i);
      String got;
      try {
        got = agent.call(s.request());
      } catch (AgentException e) {
        return new Failure(i + 1, s.request(), s.expected(), null, Verdict.of(e.kind()),
            e.getMessage());
      }
      if (!s.accepts(got)) {
        String why = !s.ruled() ? "Linux answers " + s.expected()
            : "the reply must be " + s.rule().sentence() + " (Linux answers " + s.expected() + ")";
        return new Failure(i + 1, s.request(), s.expected(), got, Verdict.FAIL,
            "the agent answers " + got + "; " + why);
      }
    }
    return null;
  }

  /** The transcript of {@code steps} up to the failing one, which carries the agent's reply. */
  public static List<String> transcript(List<Exchange> steps, Failure f) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < f.step() && i < steps.size(); i++) {
      lines.add(steps.get(i).line());
    }
    if (!lines.isEmpty()) {
      int last = lines.size() - 1;
      lines.set(last, lines.get(last) + "   # the agent: "
          + (f.got() != null ? f.got() : f.verdict().label() + ", " + f.message()));
    }
    return lines;
  }
}
