package pidmap.kit.agent;

import java.util.regex.Pattern;

/**
 * The reply grammar of docs/AGENT-PROTOCOL.md. A reply is one line: {@code ok}, {@code pid N},
 * {@code pids A/B/...}, {@code value N}, {@code errno NAME}, or {@code error TEXT} (the agent
 * could not do what was asked: not an answer). Anything else is garbage. Stateless.
 */
public final class Reply {
  private static final Pattern ANSWER = Pattern.compile(
      "ok|pid -?[0-9]{1,10}|pids [0-9]{1,10}(/[0-9]{1,10}){0,32}|value -?[0-9]{1,19}"
          + "|errno E[A-Z0-9]{1,20}");
  /** The longest line read; a longer one is garbage. */
  public static final int MAX_LINE = 4096;

  private Reply() {}

  /** Whether {@code line} is an answer (not {@code error ...}, not garbage). */
  public static boolean isAnswer(String line) {
    return line != null && ANSWER.matcher(line).matches();
  }

  /** Whether the agent said it could not do it. */
  public static boolean isError(String line) {
    return line != null && line.startsWith("error ") && line.length() <= MAX_LINE;
  }

  /** A line for a report: quoted, control characters escaped, at most 120 characters. */
  public static String quote(String line) {
    if (line == null) {
      return "nothing";
    }
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < line.length() && b.length() < 120; i++) {
      char c = line.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        b.append(String.format("\\x%02x", (int) c & 0xff));
      } else {
        b.append(c == '"' ? "\\\"" : String.valueOf(c));
      }
    }
    return b.append(line.length() > 110 ? "...\"" : "\"").toString();
  }
}
