package pidmap.catalog;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One marked piece of code: a check ({@code @Checks}) or a rendering of a seed function
 * ({@code @Implements}), found in a compiled class, with the module and source tree it comes from.
 *
 * @param module the module's folder, e.g. {@code engine}, {@code jcstress-tests}
 * @param scope {@code main} or {@code test}
 * @param className the binary name, e.g. {@code pidmap.engine.DifferentialPropertiesTest}
 * @param member the method's name ({@code <init>} for a constructor), or null for a whole class
 */
public record Mark(String module, String scope, String className, String member)
    implements Comparable<Mark> {

  private static final Pattern JAR =
      Pattern.compile("/pidmap-([a-z][a-z-]*?)-\\d[^/]*?(-tests)?\\.jar");
  private static final Pattern DIR = Pattern.compile("/([a-z][a-z-]*)/target/(test-)?classes/");

  /** The module and scope of a class file's location, or empty when it is not a pidmap module's. */
  static Optional<String[]> moduleOf(URI location) {
    String s = location.toString();
    Matcher j = JAR.matcher(s);
    if (j.find()) {
      return Optional.of(new String[] {j.group(1), j.group(2) != null ? "test" : "main"});
    }
    Matcher d = DIR.matcher(s);
    if (d.find()) {
      return Optional.of(new String[] {d.group(1), d.group(2) != null ? "test" : "main"});
    }
    return Optional.empty();
  }

  /** The simple name of the top-level class, whose file holds the source. */
  public String outerSimpleName() {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    int dollar = simple.indexOf('$');
    return dollar < 0 ? simple : simple.substring(0, dollar);
  }

  /** The source file, relative to the repository's root. */
  public String sourcePath() {
    String pkg = className.substring(0, className.lastIndexOf('.'));
    return module + "/src/" + scope + "/java/" + pkg.replace('.', '/') + "/" + outerSimpleName()
        + ".java";
  }

  /** {@code Class#method}, {@code Outer.Inner#method}, {@code Class()} or {@code Class}. */
  public String label() {
    String simple = className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    if (member == null) {
      return simple;
    }
    if (member.equals("<init>")) {
      return simple + "()";
    }
    return simple + (scope.equals("test") ? "#" : ".") + member;
  }

  @Override
  public int compareTo(Mark o) {
    return label().compareTo(o.label());
  }
}
