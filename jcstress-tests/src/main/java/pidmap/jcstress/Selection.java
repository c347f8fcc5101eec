package pidmap.jcstress;

import java.util.SortedSet;
import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;

/**
 * The build's guard against a run that tests nothing: JCStress 0.16 prints "FATAL: No matching
 * tests." for a {@code -t} that selects no test and still exits 0, so {@code mvn verify} would
 * pass. This asks JCStress itself (its own {@code -t} parsing and selection, so the two cannot
 * disagree) which tests the arguments select, lists them, and exits 2 when there are none.
 *
 * <p>Usage: {@code java -cp jcstress.jar pidmap.jcstress.Selection -t REGEX}. Stateless; one
 * run per process.
 */
public final class Selection {
  private Selection() {}

  public static void main(String[] args) throws Exception {
    Options opts = new Options(args);
    if (!opts.parse()) {
      System.exit(1);
    }
    SortedSet<String> selected = new JCStress(opts).getTests();
    Options all = new Options(new String[0]);
    all.parse();
    int total = new JCStress(all).getTests().size();
    if (selected.isEmpty()) {
      System.err.println("jcstress.tests: " + opts.getTestFilter()
          + " (expected: a regex that selects at least one of the " + total
          + " tests in jcstress.jar; list them with java -jar jcstress.jar -l)");
      System.exit(2);
    }
    System.out.println("jcstress: " + selected.size() + " of " + total + " tests selected by "
        + opts.getTestFilter() + ":");
    selected.forEach(t -> System.out.println("  " + t));
  }
}
