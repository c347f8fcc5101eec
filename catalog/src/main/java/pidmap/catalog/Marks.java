package pidmap.catalog;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import pidmap.spec.Checks;
import pidmap.spec.Implements;
import pidmap.spec.Invariant;
import pidmap.spec.SeedFunction;

/**
 * The marks found in a set of compiled classes (read from their bytecode, so nothing is loaded or
 * run): for each invariant the checks marked {@link Checks} with it, and for each seed function
 * the code marked {@link Implements} with it. Immutable once built.
 */
public final class Marks {
  private final Map<Invariant, TreeSet<Mark>> checks = new EnumMap<>(Invariant.class);
  private final Map<SeedFunction, TreeSet<Mark>> renderings = new EnumMap<>(SeedFunction.class);

  private Marks() {
    for (Invariant i : Invariant.values()) {
      checks.put(i, new TreeSet<>());
    }
    for (SeedFunction f : SeedFunction.values()) {
      renderings.put(f, new TreeSet<>());
    }
  }

  /** Every mark on the classes (and their methods and constructors) of a pidmap module. */
  public static Marks of(JavaClasses classes) {
    Marks m = new Marks();
    for (JavaClass c : classes) {
      Optional<String[]> where = c.getSource().flatMap(s -> Mark.moduleOf(s.getUri()));
      if (where.isEmpty()) {
        continue;
      }
      String module = where.get()[0];
      String scope = where.get()[1];
      m.add(c.tryGetAnnotationOfType(Checks.class).map(Checks::value).orElse(null),
          c.tryGetAnnotationOfType(Implements.class).map(Implements::value).orElse(null),
          new Mark(module, scope, c.getName(), null));
      for (JavaCodeUnit u : c.getCodeUnits()) {
        if (u.getModifiers().contains(JavaModifier.BRIDGE)
            || u.getModifiers().contains(JavaModifier.SYNTHETIC)) {
          continue; // javac's copy of an inherited method keeps its marks; the original counts
        }
        m.add(u.tryGetAnnotationOfType(Checks.class).map(Checks::value).orElse(null),
            u.tryGetAnnotationOfType(Implements.class).map(Implements::value).orElse(null),
            new Mark(module, scope, c.getName(), u.getName()));
      }
    }
    return m;
  }

  private void add(Invariant[] invariants, SeedFunction[] functions, Mark mark) {
    if (invariants != null) {
      for (Invariant i : invariants) {
        checks.get(i).add(mark);
      }
    }
    if (functions != null) {
      for (SeedFunction f : functions) {
        renderings.get(f).add(mark);
      }
    }
  }

  /** The checks marked with {@code i}, by label. */
  public List<Mark> checksOf(Invariant i) {
    return List.copyOf(checks.get(i));
  }

  /** The code marked as rendering {@code f}, by label. */
  public List<Mark> renderingsOf(SeedFunction f) {
    return List.copyOf(renderings.get(f));
  }

  /** The renderings of {@code f} in one module (the contract's, in spec, serves every side). */
  public List<Mark> renderingsOf(SeedFunction f, String module) {
    List<Mark> out = new ArrayList<>();
    for (Mark r : renderings.get(f)) {
      if (r.module().equals(module) || r.module().equals("spec")) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * What is missing: an invariant no check exercises, a seed function without a model or an impl
   * rendering. Empty when the catalog is complete.
   */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    for (Invariant i : Invariant.values()) {
      if (checks.get(i).isEmpty()) {
        out.add(i.id() + ": no check is marked @Checks(Invariant." + i.name() + ")");
      }
    }
    for (SeedFunction f : SeedFunction.values()) {
      for (String side : List.of("model", "impl")) {
        if (renderingsOf(f, side).isEmpty()) {
          out.add(f.cName() + ": nothing in " + side + " is marked @Implements(SeedFunction."
              + f.name() + ")");
        }
      }
    }
    return out;
  }
}
