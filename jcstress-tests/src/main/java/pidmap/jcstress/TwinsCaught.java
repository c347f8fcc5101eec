package pidmap.jcstress;

import java.io.File;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.TestGrading;
import pidmap.spec.CatchesTwin;

/**
 * The build's check that the JCStress tests are seen to catch their broken twins: after a run,
 * reads JCStress's result file in the current directory and, for every twin test (a
 * {@code pidmap.jcstress.broken.Broken_*} class with a {@link CatchesTwin} mark), says whether an
 * outcome it grades ACCEPTABLE_INTERESTING (the bug showing) was seen, and how often. It exits 1
 * when a twin that must be caught in this run was not: with argument {@code default}, the twins
 * whose mark says {@link CatchesTwin.Run#DEFAULT} (the sanity run of {@code mvn verify}); with
 * {@code all}, every twin (the quick run of the {@code jcstress-twins} profile). A twin that only
 * the longer run must catch is listed by the default run with what it saw, so the default run
 * says which twins it leaves to the profile; a twin test without a mark claims no catch and is
 * only listed.
 *
 * <p>Usage: {@code java -cp jcstress.jar pidmap.jcstress.TwinsCaught default|all}. Stateless; one
 * run per process.
 */
public final class TwinsCaught {
  private TwinsCaught() {}

  public static void main(String[] args) throws Exception {
    boolean all = args.length > 0 && args[0].equals("all");
    File blob = newestResults(new File("."));
    InProcessCollector results = new InProcessCollector();
    DiskReadCollector reader = new DiskReadCollector(blob.getPath(), results);
    reader.dump();
    reader.close();
    Map<String, long[]> seen = new TreeMap<>(); // test -> {interesting samples, all samples}
    for (TestResult r : results.getTestResults()) {
      if (!r.getName().startsWith("pidmap.jcstress.broken.")) {
        continue;
      }
      long[] s = seen.computeIfAbsent(r.getName(), k -> new long[2]);
      for (GradingResult g : TestGrading.grade(r).gradingResults.values()) {
        s[1] += g.count;
        if (g.expect == org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING) {
          s[0] += g.count;
        }
      }
    }
    int missed = 0;
    System.out.println("jcstress twins in " + blob.getName() + " (required here: "
        + (all ? "every twin" : "the twins marked " + CatchesTwin.Run.DEFAULT) + "):");
    for (String name : twinTests()) {
      CatchesTwin[] marks = Class.forName(name).getAnnotationsByType(CatchesTwin.class);
      boolean claimed = marks.length > 0; // a twin without a mark claims no catch
      boolean required = claimed
          && (all || Arrays.stream(marks).anyMatch(m -> m.run() == CatchesTwin.Run.DEFAULT));
      long[] s = seen.get(name);
      String verdict = s == null ? "not run" : s[0] > 0 ? "caught" : "not seen";
      String checks = Arrays.stream(marks).map(m -> m.check().getSimpleName() + " on "
          + m.twin().getSimpleName()).reduce((a, b) -> a + ", " + b).orElse("unmarked");
      System.out.printf("  %-45s %-9s %s of %s samples; %s; %s%n",
          name.substring(name.lastIndexOf('.') + 1), verdict,
          s == null ? 0 : s[0], s == null ? 0 : s[1], checks,
          !claimed ? "no catch claimed (see its comment)"
              : required ? "required here" : "left to " + CatchesTwin.Run.JCSTRESS_TWINS.command());
      if (required && !verdict.equals("caught")) {
        missed++;
      }
    }
    if (missed > 0) {
      System.err.println("jcstress twins: " + missed + " twin(s) required in this run were not"
          + " caught (expected: every required twin's interesting outcome seen at least once)");
      System.exit(1);
    }
  }

  /** The twin tests in this jar, by class name. */
  static List<String> twinTests() throws Exception {
    org.openjdk.jcstress.Options opts =
        new org.openjdk.jcstress.Options(new String[] {"-t", "^pidmap\\.jcstress\\.broken\\."});
    opts.parse();
    return List.copyOf(new org.openjdk.jcstress.JCStress(opts).getTests());
  }

  private static File newestResults(File dir) {
    File[] blobs = dir.listFiles((d, n) -> n.startsWith("jcstress-results-") && n.endsWith(".bin.gz"));
    if (blobs == null || blobs.length == 0) {
      System.err.println("jcstress twins: no jcstress-results-*.bin.gz in " + dir.getAbsolutePath()
          + " (expected: the result file of the run just made)");
      System.exit(2);
    }
    return Arrays.stream(blobs).max(Comparator.comparingLong(File::lastModified)).orElseThrow();
  }
}
