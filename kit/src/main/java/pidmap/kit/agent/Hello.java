package pidmap.kit.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An agent's first line: {@code hello protocol=1 ops=alloc,free,... [features=...] [key=value
 * ...]}. It names the protocol version, the operations and the features (fork flags, {@code in=})
 * the agent supports; everything else is kept for the report. Immutable.
 *
 * @param protocol the protocol version the agent speaks
 * @param ops the operations it supports (requests with another verb are never sent)
 * @param features the optional parts of operations it supports ({@code CLONE_NEWPID},
 *     {@code CLONE_THREAD}, {@code set_tid}, {@code in})
 * @param fields every key=value of the line, in order
 */
public record Hello(int protocol, Set<String> ops, Set<String> features,
    Map<String, String> fields) {

  /** The protocol version this kit speaks. */
  public static final int PROTOCOL = 1;

  public Hello {
    ops = Collections.unmodifiableSet(new LinkedHashSet<>(ops));
    features = Collections.unmodifiableSet(new LinkedHashSet<>(features));
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * Reads a hello line.
   *
   * @throws IllegalArgumentException saying what is wrong with it, in one line
   */
  public static Hello parse(String line) {
    if (line == null || !line.startsWith("hello ")) {
      throw new IllegalArgumentException("the first line must start with \"hello \", got "
          + Reply.quote(line));
    }
    Map<String, String> f = new LinkedHashMap<>();
    for (String word : line.substring(6).trim().split("\\s+")) {
      int eq = word.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("hello: \"" + word + "\" is not key=value");
      }
      f.put(word.substring(0, eq), word.substring(eq + 1));
    }
    String version = f.get("protocol");
    if (version == null) {
      throw new IllegalArgumentException("hello: no protocol=N (this kit speaks protocol="
          + PROTOCOL + ")");
    }
    int protocol;
    try {
      protocol = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("hello: protocol=" + version + " is not a number");
    }
    if (protocol != PROTOCOL) {
      throw new IllegalArgumentException("hello: protocol=" + protocol + " (expected: "
          + PROTOCOL + ", the only version this kit speaks)");
    }
    if (!f.containsKey("ops")) {
      throw new IllegalArgumentException("hello: no ops=... (the operations the agent supports)");
    }
    return new Hello(protocol, words(f.get("ops")), words(f.getOrDefault("features", "")), f);
  }

  private static Set<String> words(String list) {
    Set<String> s = new LinkedHashSet<>();
    for (String w : list.split(",")) {
      if (!w.isEmpty()) {
        s.add(w);
      }
    }
    return s;
  }

  /** Whether the agent supports an operation or a feature of one. */
  public boolean supports(String opOrFeature) {
    return ops.contains(opOrFeature) || features.contains(opOrFeature);
  }

  /** The pid_max the agent starts with ({@code pid_max=N}), or null when it did not say. */
  public Integer pidMax() {
    String v = fields.get("pid_max");
    try {
      return v == null ? null : Integer.valueOf(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The agent's name for itself ({@code agent=NAME}), or "?". */
  public String name() {
    return fields.getOrDefault("agent", "?");
  }
}
