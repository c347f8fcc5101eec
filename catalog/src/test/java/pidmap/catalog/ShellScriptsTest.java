package pidmap.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shell script of the repository passes shellcheck, and none pipes into a reader that may
 * stop early (head, grep -q) under pipefail, where the writer can die of SIGPIPE and fail the
 * script at random (the fault that made .ci/run fail about half the time).
 *
 * <p>shellcheck is a Debian package; .ci/run installs it. Where it is missing the shellcheck test
 * is skipped with the reason, unless PIDMAP_REQUIRE_TOOLS=1 (CI) makes that a failure.
 */
class ShellScriptsTest {

  /** A pipe into head or into grep -q/--quiet. */
  static final Pattern EARLY_READER =
      Pattern.compile("\\|\\s*(head\\b|grep\\s+(-[a-zA-Z]*q|--quiet|--silent))");

  /** The repository's shell scripts: *.sh files and files whose first line names sh or bash. */
  static List<Path> scripts(Path root) {
    List<Path> out = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
          String name = d.getFileName() == null ? "" : d.getFileName().toString();
          return !d.equals(root) && PRUNED.contains(name)
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
          if (a.isRegularFile() && isShellScript(f)) {
            out.add(f);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(null);
    return out;
  }

  private static final Set<String> PRUNED = Set.of("target", ".git", "node_modules");

  private static boolean isShellScript(Path p) {
    if (p.getFileName().toString().endsWith(".sh")) {
      return true;
    }
    try (var in = Files.newInputStream(p)) {
      byte[] head = in.readNBytes(64);
      String first = new String(head, StandardCharsets.ISO_8859_1).split("\n", 2)[0];
      return first.startsWith("#!") && first.matches("#!.*\\b(ba)?sh\\b.*");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines of a pipefail script that pipe into an early reader, as {@code file:line: text}. */
  static List<String> earlyReaderPipes(Path script) throws IOException {
    List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
    List<String> bad = new ArrayList<>();
    if (lines.stream().noneMatch(l -> l.contains("pipefail"))) {
      return bad;
    }
    for (int i = 0; i < lines.size(); i++) {
      String code = lines.get(i).replaceFirst("^\\s*#.*", "");
      if (EARLY_READER.matcher(code).find()) {
        bad.add(script.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
      }
    }
    return bad;
  }

  /** shellcheck's exit code and output for these files; null when shellcheck is missing. */
  static Result shellcheck(List<Path> files) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("shellcheck", "-f", "gcc"));
    files.forEach(f -> cmd.add(f.toString()));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      return null;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      Assertions.fail("shellcheck did not finish within 60 s");
    }
    return new Result(p.exitValue(), out);
  }

  record Result(int exit, String output) {}

  private static Result requireShellcheck(List<Path> files) throws Exception {
    Result r = shellcheck(files);
    if (r == null) {
      if ("1".equals(System.getenv("PIDMAP_REQUIRE_TOOLS"))) {
        Assertions.fail("PIDMAP_REQUIRE_TOOLS=1 but shellcheck is not installed");
      }
      Assumptions.abort("shellcheck is not installed (apt-get install shellcheck); "
          + "set PIDMAP_REQUIRE_TOOLS=1 to make this a failure");
    }
    return r;
  }

  @Test
  void theRepositoryHasTheScriptsThisTestIsAbout() {
    List<String> names = scripts(RepoRoot.find()).stream()
        .map(p -> RepoRoot.find().relativize(p).toString()).toList();
    assertThat(names).contains(".ci/run", "pidmap");
  }

  @Test
  void everyShellScriptIsShellcheckClean() throws Exception {
    List<Path> files = scripts(RepoRoot.find());
    Result r = requireShellcheck(files);
    assertThat(r.exit()).as("shellcheck on %s:%n%s", files, r.output()).isZero();
  }

  @Test
  void noPipefailScriptPipesIntoAReaderThatStopsEarly() throws IOException {
    List<String> bad = new ArrayList<>();
    for (Path f : scripts(RepoRoot.find())) {
      bad.addAll(earlyReaderPipes(f));
    }
    assertThat(bad).isEmpty();
  }

  // ---- the broken twins: each check is seen to catch its fault ----

  @Test
  void shellcheckCatchesAnUnquotedExpansion(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.sh");
    Files.writeString(bad, "#!/bin/sh\nf=$1\nrm $f\n");
    Result r = requireShellcheck(List.of(bad));
    assertThat(r.exit()).isNotZero();
    assertThat(r.output()).contains("SC2086");
  }

  @Test
  void theBannerThatFailedCiHalfTheTimeIsCaught(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("run");
    Files.writeString(bad, "#!/usr/bin/env bash\nset -euo pipefail\n"
        + "java -version 2>&1 | head -1\nls | grep -q pom\n# ok | head in a comment\n");
    assertThat(scripts(dir)).containsExactly(bad);
    assertThat(earlyReaderPipes(bad)).containsExactly(
        "run:3: java -version 2>&1 | head -1", "run:4: ls | grep -q pom");
  }
}
