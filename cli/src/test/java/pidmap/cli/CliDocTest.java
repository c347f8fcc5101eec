package pidmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/CLI.md, {@code ./pidmap --help} and the code agree: the same commands, every flag of a
 * command named in its section, the same exit codes.
 */
class CliDocTest {

  private static String doc() throws IOException {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("docs/CLI.md")) && Files.isDirectory(d.resolve("cli"))) {
        return Files.readString(d.resolve("docs/CLI.md"));
      }
    }
    throw new IllegalStateException("no docs/CLI.md above " + Path.of("").toAbsolutePath());
  }

  /** The commands of CLI.md's first code block, {@code ./pidmap NAME ...}. */
  static Set<String> documentedCommands(String doc) {
    String block = doc.substring(doc.indexOf("```") + 3, doc.indexOf("```", doc.indexOf("```") + 3));
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\./pidmap ([a-z][a-z-]*)").matcher(block);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  void theDocumentListsExactlyTheCommandsTheHelpLists() throws IOException {
    CommandLine cl = Main.commandLine(System.in);
    Set<String> commands = new TreeSet<>(cl.getSubcommands().keySet());
    assertThat(documentedCommands(doc())).isEqualTo(commands);
    String help = CliRun.run("--help").out();
    for (String c : commands) {
      assertThat(help).contains("  " + c + "  ");
    }
  }

  @Test
  void everyFlagOfEveryCommandIsNamedInItsSection() throws IOException {
    String doc = doc();
    List<String> missing = new ArrayList<>();
    walk(Main.commandLine(System.in), "", doc, missing);
    assertThat(missing).as("flags missing from docs/CLI.md").isEmpty();
  }

  private static void walk(CommandLine cl, String path, String doc, List<String> missing) {
    if (!path.isEmpty()) {
      String section = section(doc, path);
      if (section == null) {
        missing.add("no section for `" + path + "`");
      } else {
        for (OptionSpec o : cl.getCommandSpec().options()) {
          String name = o.longestName();
          if (!o.usageHelp() && !o.versionHelp() && !section.contains(name)) {
            missing.add(path + " " + name);
          }
        }
      }
    }
    cl.getSubcommands().forEach((name, sub) ->
        walk(sub, path.isEmpty() ? name : path + " " + name, doc, missing));
  }

  /** The text under the heading {@code ## `path`} or {@code ### `path`}, up to the next heading of that level. */
  static String section(String doc, String path) {
    Matcher m = Pattern.compile("(?m)^(#{2,3}) `" + Pattern.quote(path) + "`$").matcher(doc);
    if (!m.find()) {
      return null;
    }
    int start = m.end();
    Matcher next = Pattern.compile("(?m)^#{2," + m.group(1).length() + "} ").matcher(doc);
    int end = next.find(start) ? next.start() : doc.length();
    return doc.substring(start, end);
  }

  @Test
  void theExitCodesOfTheHelpAreTheDocuments() throws IOException {
    String doc = doc();
    String table = doc.substring(doc.indexOf("## Exit codes"), doc.indexOf("## Files pidmap writes"));
    for (String line : Main.class.getAnnotation(CommandLine.Command.class).exitCodeList()) {
      String code = line.substring(0, line.indexOf(':'));
      assertThat(table).contains("| " + code + " |");
    }
    assertThat(table.lines().filter(l -> l.matches("\\| \\d \\|.*")).count())
        .isEqualTo(Main.class.getAnnotation(CommandLine.Command.class).exitCodeList().length);
  }

  /** The broken twin: a document that lacks a command or a flag is seen to fail the checks. */
  @Test
  void aDocumentMissingACommandOrAFlagIsCaught() throws IOException {
    String doc = doc();
    String noBench = doc.replace("./pidmap bench [flags] [REGEX...]", "");
    assertThat(documentedCommands(noBench))
        .isNotEqualTo(new TreeSet<>(Main.commandLine(System.in).getSubcommands().keySet()));
    String noFlag = doc.replace("--require-steps", "--require-stepz");
    List<String> missing = new ArrayList<>();
    walk(Main.commandLine(System.in), "", noFlag, missing);
    assertThat(missing).contains("replay --require-steps");
  }
}
