package pidmap.kit.suite;

import java.util.ArrayList;
import java.util.List;
import pidmap.kit.agent.Reply;

/**
 * A saved trace, as the reports print it: one {@code request => Linux's reply} per line; blank
 * lines and text after {@code #} are ignored. Stateless.
 */
public final class Transcript {
  private Transcript() {}

  /**
   * The steps of a saved trace.
   *
   * @throws IllegalArgumentException naming the line and what is wrong with it
   */
  public static List<Exchange> parse(List<String> lines) {
    List<Exchange> steps = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (body.isEmpty()) {
        continue;
      }
      int at = body.indexOf("=>");
      if (at <= 0) {
        throw new IllegalArgumentException("line " + (i + 1) + ": expected 'request => reply',"
            + " got " + Reply.quote(body));
      }
      String expected = body.substring(at + 2).strip();
      if (!Reply.isAnswer(expected)) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + Reply.quote(expected)
            + " is not a reply of the protocol (ok, pid N, pids A/B, value N, errno NAME)");
      }
      steps.add(new Exchange(body.substring(0, at).strip(), expected, null));
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("the trace has no steps");
    }
    return steps;
  }
}
