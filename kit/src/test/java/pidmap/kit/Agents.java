package pidmap.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where the test agents and the example agents are. */
public final class Agents {
  private Agents() {}

  private static Path misbehaving;

  /**
   * The command line of the test agent that misbehaves as {@code how} says. The script is a
   * resource of this module's tests, copied to a temporary file when it sits in the test jar.
   */
  public static synchronized String misbehaving(String how) {
    if (misbehaving == null) {
      try (InputStream in = Agents.class.getResourceAsStream("/agents/misbehaving.py")) {
        Path p = Files.createTempFile("pidmap-misbehaving", ".py");
        Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
        p.toFile().deleteOnExit();
        misbehaving = p;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return "python3 " + misbehaving + " " + how;
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
