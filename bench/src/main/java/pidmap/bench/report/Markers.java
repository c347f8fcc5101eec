package pidmap.bench.report;

/**
 * Replaces the text between a pair of markers in a document, {@code <!-- bench:NAME -->} and
 * {@code <!-- /bench:NAME -->}, leaving everything outside them as it was.
 *
 * <p>Stateless and thread-safe.
 */
public final class Markers {
  private Markers() {}

  public static String open(String name) {
    return "<!-- bench:" + name + " -->";
  }

  public static String close(String name) {
    return "<!-- /bench:" + name + " -->";
  }

  /** {@code doc} with the block named {@code name} set to {@code body}; refuses a missing marker. */
  public static String replace(String doc, String name, String body) {
    int start = doc.indexOf(open(name));
    int end = doc.indexOf(close(name));
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("marker: " + open(name) + " ... " + close(name)
          + " (expected: both in the document, in that order)");
    }
    String text = body.endsWith("\n") ? body : body + "\n";
    return doc.substring(0, start + open(name).length()) + "\n" + text + doc.substring(end);
  }
}
