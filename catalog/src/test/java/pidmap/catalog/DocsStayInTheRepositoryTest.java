package pidmap.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a clone can follow: no document, source or script points outside the repository (a
 * {@code ../shared} path, the seed's file on the development machine, a DESIGN.md that is not
 * docs/DESIGN.md); every document that cites seed lines says once which file they are lines of,
 * with the link to it at the v2.6.24 tag; and the normative documents carry no lab notes (load
 * averages, UTC times), which belong in docs/measured/.
 */
class DocsStayInTheRepositoryTest {

  static final String SEED_URL = CatalogWriter.SEED_URL;

  /** A path out of the repository, or a design document other than docs/DESIGN.md. */
  static final Pattern OUTSIDE = Pattern.compile(
      "\\.\\./shared|/work/shared|shared/seed|pid\\.c-2\\.6\\.24\\.txt|(?<![/\\w])DESIGN\\.md");

  /** docs/DESIGN.md itself, or a relative link to it from inside docs/. */
  static final Pattern DESIGN_OK = Pattern.compile("docs/DESIGN\\.md|\\(DESIGN\\.md\\)|\\[DESIGN\\.md\\]");

  /**
   * A citation of seed lines ("seed lines 136-149", "(seed 155)", "seed 136-149", a "| seed lines |"
   * column), not a random seed ("--seed 20080124", "seed 1").
   */
  static final Pattern CITES = Pattern.compile(
      "(?i)seed lines? \\d|seed: pid\\.c|\\| seed lines \\||(?<![-\\w])seed \\d+-\\d+|\\(seed \\d{2,}");

  static List<Path> files() throws IOException {
    Path root = RepoRoot.find();
    List<Path> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> !root.relativize(p).toString().matches("(.*/)?(target|\\.git)/.*"))
          .filter(p -> !p.getFileName().toString().equals("DocsStayInTheRepositoryTest.java"))
          .filter(p -> p.toString().matches(".*\\.(md|java|c|sh|xml)$")
              || p.getFileName().toString().equals("pidmap")
              || p.getFileName().toString().equals("run")
              || p.getFileName().toString().equals("regenerate"))
          .forEach(out::add);
    }
    return out;
  }

  /** The lines of {@code text} that point outside the repository, as {@code file:line: text}. */
  static List<String> outsidePaths(String name, String text) {
    List<String> bad = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String rest = DESIGN_OK.matcher(lines[i]).replaceAll("");
      if (OUTSIDE.matcher(rest).find()) {
        bad.add(name + ":" + (i + 1) + ": " + lines[i].strip());
      }
    }
    return bad;
  }

  @Test
  void nothingPointsOutsideTheRepository() throws IOException {
    List<String> bad = new ArrayList<>();
    Path root = RepoRoot.find();
    for (Path f : files()) {
      bad.addAll(outsidePaths(root.relativize(f).toString(), Files.readString(f)));
    }
    assertThat(bad).isEmpty();
    assertThat(root.resolve("docs/DESIGN.md")).exists();
  }

  @Test
  void everyDocumentThatCitesSeedLinesLinksTheSeed() throws IOException {
    Path root = RepoRoot.find();
    List<String> bad = new ArrayList<>();
    for (Path f : files()) {
      String name = root.relativize(f).toString();
      if (name.endsWith(".md") && CITES.matcher(Files.readString(f)).find()
          && !Files.readString(f).contains(SEED_URL)) {
        bad.add(name);
      }
    }
    assertThat(bad).as("documents that cite seed lines without " + SEED_URL).isEmpty();
  }

  @Test
  void normativeDocumentsCarryNoLabNotes() throws IOException {
    Path root = RepoRoot.find();
    Pattern notes = Pattern.compile("(?i)load average|\\d\\d:\\d\\d UTC|\\buptime\\b");
    List<String> bad = new ArrayList<>();
    for (Path f : files()) {
      String name = root.relativize(f).toString();
      boolean normative = name.endsWith(".md") && !name.startsWith("docs/measured/");
      if (normative) {
        Matcher m = notes.matcher(Files.readString(f));
        if (m.find()) {
          bad.add(name + ": " + m.group());
        }
      }
    }
    assertThat(bad).as("measured notes belong in docs/measured/").isEmpty();
  }

  /** The broken twins: each rule is seen to catch what it names. */
  @Test
  void eachRuleCatchesWhatItNames() {
    assertThat(outsidePaths("x.md", "the seed is `../shared/seed/pid.c-2.6.24.txt`")).hasSize(1);
    assertThat(outsidePaths("x.md", "see DESIGN.md for the format")).hasSize(1);
    assertThat(outsidePaths("X.java", " * the format of DESIGN.md")).hasSize(1);
    assertThat(outsidePaths("x.md", "see docs/DESIGN.md and [DESIGN.md](DESIGN.md)")).isEmpty();
    for (String citation : List.of("seed lines 136-149", "seed line 155", "(seed 155)",
        "the loop (seed 136-149)", "| op | seed lines |", "Seed: pid.c lines 16-20")) {
      assertThat(CITES.matcher(citation).find()).as(citation).isTrue();
    }
    for (String randomSeed : List.of("./pidmap verify --seed 20080124", "5 agents, seed 1",
        "(tiny-exhaustion, seed 1)", "--seed 7-")) {
      assertThat(CITES.matcher(randomSeed).find()).as(randomSeed).isFalse();
    }
  }
}
