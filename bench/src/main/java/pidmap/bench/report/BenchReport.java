package pidmap.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Regenerates docs/measured/performance.md's generated blocks from one run: the results table, the
 * targets, the memory table and the run's conditions, each between its markers, and the PNG
 * plots beside the document.
 *
 * <p>Usage: {@code BenchReport RESULT.json MEMORY.tsv RUN-INFO.txt DOC.md}; the plots go into the
 * document's folder. Not thread-safe; a command-line tool.
 */
public final class BenchReport {
  private BenchReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: BenchReport RESULT.json MEMORY.tsv RUN-INFO.txt DOC.md");
      System.exit(2);
    }
    System.setProperty("java.awt.headless", "true");
    List<BenchResult> results = BenchResult.read(Path.of(args[0]));
    Path doc = Path.of(args[3]);
    String text = Files.readString(doc);
    text = Markers.replace(text, "run", Files.readString(Path.of(args[2])));
    text = Markers.replace(text, "targets", Targets.markdown(results));
    text = Markers.replace(text, "results", Table.markdown(results));
    text = Markers.replace(text, "memory", MemoryTable.markdown(Files.readString(Path.of(args[1]))));
    Files.writeString(doc, text);
    Path dir = doc.toAbsolutePath().getParent();
    List<String> plots = Plots.write(results, dir);
    System.out.println("report: " + results.size() + " results into " + doc + "; plots " + plots);
  }
}
