package pidmap.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's root folder (the one whose pom.xml is pidmap-parent) from the test's. */
public final class RepoRoot {
  private RepoRoot() {}

  public static Path find() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path pom = d.resolve("pom.xml");
      try {
        if (Files.isRegularFile(pom)
            && Files.readString(pom).contains("<artifactId>pidmap-parent</artifactId>")
            && Files.isDirectory(d.resolve("spec"))) {
          return d;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no pidmap-parent pom.xml above " + dir);
  }
}
