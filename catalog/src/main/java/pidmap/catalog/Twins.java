package pidmap.catalog;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import pidmap.spec.CatchesTwin;
import pidmap.spec.Invariant;

/**
 * The checks of the code base and the broken twins each is seen to catch, read from compiled
 * classes: every invariant of the contract, every JCStress test (a top-level class of
 * {@code pidmap.jcstress} outside {@code broken} that is, or nests, a {@code @JCStressTest}),
 * every Lincheck test ({@code pidmap.explorer.lincheck.*LinearizabilityTest}) and every verify
 * row (an implementation of {@code pidmap.verify.Check}); and every {@link CatchesTwin} mark.
 * Immutable once built.
 */
public final class Twins {

  /** One mark: {@code catcher} shows {@code check} failing on {@code twin}, in {@code run}. */
  public record Twin(String check, String twin, Mark catcher, CatchesTwin.Run run)
      implements Comparable<Twin> {
    @Override
    public int compareTo(Twin o) {
      int c = check.compareTo(o.check);
      c = c != 0 ? c : twin.compareTo(o.twin);
      return c != 0 ? c : catcher.compareTo(o.catcher);
    }
  }

  static final String JCSTRESS_TEST = "org.openjdk.jcstress.annotations.JCStressTest";
  static final String VERIFY_CHECK = "pidmap.verify.Check";

  private final TreeSet<String> checks = new TreeSet<>();
  private final TreeSet<Twin> twins = new TreeSet<>();
  private final List<String> malformed = new ArrayList<>();

  private Twins() {}

  /** The checks and twin marks of the pidmap modules among {@code classes}. */
  public static Twins of(JavaClasses classes) {
    Twins t = new Twins();
    for (Invariant i : Invariant.values()) {
      t.checks.add(i.id());
    }
    for (JavaClass c : classes) {
      Optional<String[]> where = c.getSource().flatMap(s -> Mark.moduleOf(s.getUri()));
      if (where.isEmpty()) {
        continue;
      }
      String check = checkName(c);
      if (check != null) {
        t.checks.add(check);
      }
      t.read(c, new Mark(where.get()[0], where.get()[1], c.getName(), null));
      for (JavaCodeUnit u : c.getCodeUnits()) {
        t.read(u, new Mark(where.get()[0], where.get()[1], c.getName(), u.getName()));
      }
    }
    return t;
  }

  /** The name under which {@code c} is a check, or null when it is none. */
  static String checkName(JavaClass c) {
    String pkg = c.getPackageName();
    if (pkg.startsWith("pidmap.jcstress.") && !pkg.startsWith("pidmap.jcstress.broken")
        && c.isAnnotatedWith(JCSTRESS_TEST)) {
      return topLevel(c).getSimpleName();
    }
    if (pkg.equals("pidmap.explorer.lincheck")
        && c.getSimpleName().endsWith("LinearizabilityTest")) {
      return c.getSimpleName();
    }
    if (pkg.equals("pidmap.verify") && !c.isInterface() && c.getEnclosingClass().isEmpty()
        && c.getAllRawInterfaces().stream().anyMatch(i -> i.getName().equals(VERIFY_CHECK))) {
      return "verify row " + c.getSimpleName();
    }
    return null;
  }

  /** A JCStress test named by its file's class, or by one of its nested variants. */
  private static JavaClass topLevel(JavaClass c) {
    JavaClass t = c;
    while (t.getEnclosingClass().isPresent()) {
      t = t.getEnclosingClass().get();
    }
    return t;
  }

  private void read(HasAnnotations<?> element, Mark at) {
    for (JavaAnnotation<?> a : element.getAnnotations()) {
      String type = a.getRawType().getName();
      if (type.equals(CatchesTwin.class.getName())) {
        add(a, at);
      } else if (type.equals(CatchesTwin.List.class.getName())) {
        for (Object one : (Object[]) a.get("value").orElseThrow()) {
          add((JavaAnnotation<?>) one, at);
        }
      }
    }
  }

  private void add(JavaAnnotation<?> a, Mark at) {
    JavaClass twin = (JavaClass) a.get("twin").orElseThrow();
    JavaClass check = (JavaClass) a.get("check").orElse(null);
    Object[] invariants = (Object[]) a.get("invariant").orElse(new Object[0]);
    Object run = a.get("run").orElse(null);
    CatchesTwin.Run r = run == null ? CatchesTwin.Run.DEFAULT
        : CatchesTwin.Run.valueOf(run.toString().substring(run.toString().lastIndexOf('.') + 1));
    boolean hasCheck = check != null && !check.getName().equals("void");
    if (hasCheck == (invariants.length > 0)) {
      malformed.add(at.label() + ": names " + (hasCheck ? "both a check and an invariant"
          : "neither a check nor an invariant"));
      return;
    }
    if (hasCheck) {
      String name = check.getPackageName().startsWith("pidmap.jcstress.")
          && !check.getPackageName().startsWith("pidmap.jcstress.broken")
          ? topLevel(check).getSimpleName() : checkName(check);
      if (name == null) {
        malformed.add(at.label() + ": " + check.getName() + " is not a check");
        return;
      }
      twins.add(new Twin(name, twinName(twin), at, r));
    } else {
      for (Object i : invariants) {
        String id = Invariant.valueOf(i.toString().substring(i.toString().lastIndexOf('.') + 1))
            .id();
        twins.add(new Twin(id, twinName(twin), at, r));
      }
    }
  }

  private static String twinName(JavaClass twin) {
    String full = twin.getName();
    return full.substring(full.lastIndexOf('.') + 1).replace('$', '.');
  }

  /** Every check, by name: invariant ids, JCStress and Lincheck test classes, verify rows. */
  public List<String> checks() {
    return List.copyOf(checks);
  }

  /** Every twin mark, by check, twin and catcher. */
  public List<Twin> twins() {
    return List.copyOf(twins);
  }

  /** The twins of one check. */
  public List<Twin> twinsOf(String check) {
    return twins.stream().filter(t -> t.check().equals(check)).toList();
  }

  /** What is wrong: a check without a twin, a mark that names no check or two. */
  public List<String> problems() {
    List<String> out = new ArrayList<>(malformed);
    for (String c : checks) {
      if (twinsOf(c).isEmpty()) {
        out.add(c + ": no test is marked @CatchesTwin for it");
      }
    }
    return out;
  }
}
