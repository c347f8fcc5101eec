package pidmap.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a JVM of its own, for what an in-process run cannot show: JVM flags
 * ({@code -Djava.io.tmpdir}), signals, {@code System.exit}.
 */
record Subprocess(int exit, String out, String err) {

  /** Runs {@code pidmap args} with the test classpath, {@code jvmFlags} and {@code stdin}. */
  static Subprocess run(List<String> jvmFlags, byte[] stdin, Path cwd, String... args)
      throws IOException, InterruptedException {
    Process p = start(jvmFlags, cwd, args);
    p.getOutputStream().write(stdin);
    p.getOutputStream().close();
    return finish(p);
  }

  static Process start(List<String> jvmFlags, Path cwd, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).directory(cwd.toFile()).start();
  }

  static Subprocess finish(Process p) throws IOException, InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread e = new Thread(() -> copy(p.getErrorStream(), err));
    e.start();
    copy(p.getInputStream(), out);
    e.join();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("pidmap did not end");
    }
    return new Subprocess(p.exitValue(), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private static void copy(InputStream in, ByteArrayOutputStream to) {
    try {
      in.transferTo(to);
    } catch (IOException ignored) {
      // the process ended
    }
  }
}
