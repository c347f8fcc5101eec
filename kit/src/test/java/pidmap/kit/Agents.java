package pidmap.kit;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the test agents and the example agents are. */
public final class Agents {
  private Agents() {}

  /** The command line of the test agent that misbehaves as {@code how} says. */
  public static String misbehaving(String how) {
    try {
      Path p = Path.of(Agents.class.getResource("/agents/misbehaving.py").toURI());
      return "python3 " + p + " " + how;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The command line of an example agent of examples/agents. */
  public static String example(String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("examples/agents"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no examples/agents above " + Path.of("").toAbsolutePath());
    }
    return "python3 " + dir.resolve("examples/agents/" + name + ".py");
  }
}
