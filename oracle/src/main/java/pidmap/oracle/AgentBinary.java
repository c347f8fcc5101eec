package pidmap.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Finds the kernel agent's executable: {@code -Dpidmap.agent=PATH}, else {@code $PIDMAP_AGENT},
 * else the copy the build put on the classpath (extracted to a temporary file when it sits inside
 * a jar). Thread-safe: the extraction happens once, under the class lock.
 */
final class AgentBinary {
  static final String RESOURCE = "/pidmap/oracle/pidmap-agent";

  private static Path extracted;

  private AgentBinary() {}

  static synchronized Path locate() throws KernelUnavailableException {
    String os = System.getProperty("os.name", "");
    if (!os.toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      throw new KernelUnavailableException("the kernel oracle needs Linux; this is " + os);
    }
    String given = System.getProperty("pidmap.agent", System.getenv("PIDMAP_AGENT"));
    if (given != null && !given.isEmpty()) {
      Path p = Path.of(given);
      if (!Files.isExecutable(p)) {
        throw new KernelUnavailableException("the kernel agent " + p + " is not an executable file");
      }
      return p;
    }
    if (extracted != null) {
      return extracted;
    }
    URL url = AgentBinary.class.getResource(RESOURCE);
    if (url == null) {
      throw new KernelUnavailableException("the kernel agent was not built (no " + RESOURCE
          + " on the classpath; the conformance module's build makes it with gcc)");
    }
    try {
      if ("file".equals(url.getProtocol())) {
        Path p = Path.of(url.toURI());
        if (Files.isExecutable(p)) {
          extracted = p;
          return p;
        }
      }
      Path dir = Files.createTempDirectory("pidmap-agent");
      Path p = dir.resolve("pidmap-agent");
      try (InputStream in = url.openStream()) {
        Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
      }
      if (!p.toFile().setExecutable(true, true)) {
        throw new KernelUnavailableException("cannot make the kernel agent executable at " + p);
      }
      dir.toFile().deleteOnExit(); // registered first, so deleted after the file in it
      p.toFile().deleteOnExit();
      extracted = p;
      return p;
    } catch (IOException | URISyntaxException e) {
      throw new KernelUnavailableException("cannot extract the kernel agent: " + e.getMessage());
    }
  }
}
