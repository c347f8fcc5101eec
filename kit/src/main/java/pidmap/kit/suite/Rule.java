package pidmap.kit.suite;

import java.util.function.Predicate;

/**
 * What a step's reply must satisfy when the suite judges one rule there rather than the exact
 * answer (another suite judges that): e.g. "not pid_max". Immutable.
 *
 * @param sentence the rule, said as a requirement on the reply
 * @param accepts whether a reply satisfies it
 */
public record Rule(String sentence, Predicate<String> accepts) {

  /** A pid below {@code bound}, or an errno: never {@code bound} itself or above. */
  public static Rule pidBelow(long bound) {
    return new Rule("a pid below " + bound + " (or an errno), never " + bound + " itself",
        r -> r.startsWith("errno ")
            || r.startsWith("pid ") && Long.parseLong(r.substring(4)) < bound);
  }
}
