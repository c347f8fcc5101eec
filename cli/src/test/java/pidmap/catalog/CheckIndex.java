package pidmap.catalog;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Says whether a catalog entry's checks exist. A check is {@code Class}, {@code Class#method},
 * {@code Outer.Inner} or {@code Outer.Inner#method}, by simple name or qualified by its package
 * ({@code pidmap.model.BadInputTest#x}); a simple name that several modules use resolves when
 * any of them has the method. It resolves by reflection
 * when the class is compiled on this test's classpath or in any module's {@code target/classes}
 * or {@code target/test-classes}; a class that is not compiled (a module built later, a JCStress
 * test whose annotations this classpath lacks) resolves against the modules' source trees, where
 * the method must be declared. Not thread-safe.
 */
final class CheckIndex {
  private final Map<String, List<String>> compiled = new HashMap<>(); // Outer$Inner -> fqns
  private final Map<String, List<Path>> sources = new HashMap<>(); // Outer -> files
  private final URLClassLoader loader;

  CheckIndex(Path root) {
    Set<Path> classDirs = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) {
        classDirs.add(p.toAbsolutePath().normalize());
      }
    }
    List<Path> sourceDirs = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path m : (Iterable<Path>) modules.filter(Files::isDirectory)::iterator) {
        for (String t : List.of("target/classes", "target/test-classes")) {
          if (Files.isDirectory(m.resolve(t))) {
            classDirs.add(m.resolve(t).toAbsolutePath().normalize());
          }
        }
        for (String s : List.of("src/main/java", "src/test/java")) {
          if (Files.isDirectory(m.resolve(s))) {
            sourceDirs.add(m.resolve(s));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<URL> urls = new ArrayList<>();
    for (Path dir : classDirs) {
      index(dir, ".class", (name, file) -> compiled.computeIfAbsent(
          name.substring(name.lastIndexOf('.') + 1), k -> new ArrayList<>()).add(name));
      try {
        urls.add(dir.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
    for (Path dir : sourceDirs) {
      index(dir, ".java", (name, file) -> sources.computeIfAbsent(
          name.substring(name.lastIndexOf('.') + 1), k -> new ArrayList<>()).add(file));
    }
    loader = new URLClassLoader(urls.toArray(URL[]::new), CheckIndex.class.getClassLoader());
  }

  private interface Sink {
    void add(String binaryName, Path file);
  }

  private static void index(Path dir, String ext, Sink sink) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(f -> f.toString().endsWith(ext)).forEach(f -> {
        String rel = dir.relativize(f).toString();
        String name = rel.substring(0, rel.length() - ext.length())
            .replace(File.separatorChar, '.');
        sink.add(name, f);
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What is wrong with {@code inv}'s checks, one line each; empty when every check exists. */
  List<String> problems(CatalogWriter.Entry inv) {
    List<String> out = new ArrayList<>();
    if (inv.checkedBy().isEmpty()) {
      out.add(inv.id() + ": no check exercises it");
    }
    for (String check : inv.checkedBy()) {
      String p = problem(check);
      if (p != null) {
        out.add(inv.id() + ": " + check + ": " + p);
      }
    }
    return out;
  }

  /** Null when {@code check} exists; otherwise why it does not. */
  String problem(String check) {
    int hash = check.indexOf('#');
    String type = hash < 0 ? check : check.substring(0, hash);
    String method = hash < 0 ? null : check.substring(hash + 1);
    if (type.isEmpty() || (method != null && method.isEmpty())) {
      return "not of the form Class or Class#method";
    }
    // a.b.Outer.Inner -> package a.b, binary Outer$Inner; Outer.Inner -> Outer$Inner
    String pkg = "";
    String simple = type;
    int dot = -1;
    for (int i = 0; i < type.length(); i++) {
      if (type.charAt(i) == '.' && i + 1 < type.length()
          && Character.isUpperCase(type.charAt(i + 1))) {
        dot = i;
        break;
      }
    }
    if (dot >= 0 && Character.isLowerCase(type.charAt(0))) {
      pkg = type.substring(0, dot);
      simple = type.substring(dot + 1);
    }
    String binary = simple.replace('.', '$');
    String outer = binary.contains("$") ? binary.substring(0, binary.indexOf('$')) : binary;
    String prefix = pkg.isEmpty() ? "" : pkg + ".";
    String missing = null;
    boolean unloadable = false;
    for (String name : compiled.getOrDefault(binary, List.of())) {
      if (!name.startsWith(prefix)) {
        continue;
      }
      try {
        Class<?> c = Class.forName(name, false, loader);
        if (method == null || hasMethod(c, method)) {
          return null;
        }
        missing = "class " + c.getName() + " has no method " + method;
      } catch (ClassNotFoundException | LinkageError e) {
        unloadable = true; // built against a library this classpath lacks (JCStress): see source
      }
    }
    if (missing != null && !unloadable) {
      return missing;
    }
    String why = "no class " + type + " is compiled or has a source file in any module";
    for (Path file : sources.getOrDefault(outer, List.of())) {
      if (!file.toString().replace(File.separatorChar, '.').contains(prefix + outer + ".java")) {
        continue;
      }
      String src = read(file);
      if (!binary.equals(outer)) {
        String inner = binary.substring(binary.lastIndexOf('$') + 1);
        if (!Pattern.compile("\\b(class|record|interface|enum)\\s+" + inner + "\\b")
            .matcher(src).find()) {
          why = file + " declares no nested type " + inner;
          continue;
        }
      }
      if (method != null
          && !Pattern.compile("\\b" + Pattern.quote(method) + "\\s*\\(").matcher(src).find()) {
        why = file + " declares no method " + method;
        continue;
      }
      return null;
    }
    return missing != null ? missing : why;
  }

  private static boolean hasMethod(Class<?> c, String name) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      for (Method m : k.getDeclaredMethods()) {
        if (m.getName().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
