package pidmap.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** One in-process run of the command line, with its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

  static CliRun withStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out), new PrintWriter(err));
    return new CliRun(exit, out.toString(), err.toString());
  }

  static CliRun withBytes(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new ByteArrayInputStream(stdin), new PrintWriter(out),
        new PrintWriter(err));
    return new CliRun(exit, out.toString(), err.toString());
  }

  static CliRun run(String... args) {
    return withStdin("", args);
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  /** A trace under src/test/resources/traces. */
  static Path trace(String name) {
    try {
      return Path.of(CliRun.class.getResource("/traces/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
