package pidmap.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the relative links of a markdown file: each must name an existing file; an anchor
 * must exist in it (an {@code id="..."} or a heading); a link whose text names a Java member
 * ({@code Class.method}, {@code Class#method}, {@code Class()}) must land in a file that declares
 * it.
 */
final class Links {
  private Links() {}

  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");
  private static final Pattern MEMBER = Pattern.compile("[\\w.]+[.#](\\w+)|([\\w.]+)\\(\\)");

  /** What does not resolve in {@code doc}, one line each; empty when every link does. */
  static List<String> problems(Path doc) {
    String text = read(doc);
    List<String> out = new ArrayList<>();
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      String label = m.group(1);
      String target = m.group(2);
      if (target.matches("[a-z]+:.*")) {
        continue; // http(s), mailto: not followed here
      }
      String where = doc.getFileName() + ": [" + label + "](" + target + ")";
      int hash = target.indexOf('#');
      String file = hash < 0 ? target : target.substring(0, hash);
      Path p = file.isEmpty() ? doc : doc.toAbsolutePath().getParent().resolve(file).normalize();
      if (!Files.exists(p)) {
        out.add(where + ": no file " + p);
        continue;
      }
      if (hash >= 0 && !hasAnchor(read(p), target.substring(hash + 1))) {
        out.add(where + ": no anchor " + target.substring(hash + 1) + " in " + p.getFileName());
      }
      Matcher mm = MEMBER.matcher(label.replace("`", ""));
      if (p.toString().endsWith(".java") && mm.matches()) {
        String member = mm.group(1) != null ? mm.group(1)
            : mm.group(2).substring(mm.group(2).lastIndexOf('.') + 1);
        if (!Pattern.compile("\\b" + Pattern.quote(member) + "\\s*\\(").matcher(read(p)).find()) {
          out.add(where + ": " + p.getFileName() + " declares no " + member);
        }
      }
    }
    return out;
  }

  private static boolean hasAnchor(String text, String anchor) {
    if (text.contains("id=\"" + anchor + "\"")) {
      return true;
    }
    return text.lines().filter(l -> l.startsWith("#"))
        .map(l -> l.replaceFirst("^#+\\s*", "").toLowerCase().replaceAll("[^a-z0-9 _-]", "")
            .replace(' ', '-'))
        .anyMatch(anchor::equals);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
