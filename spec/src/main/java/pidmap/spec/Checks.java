package pidmap.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test (a method, or a whole class) as a check that exercises these invariants. The
 * compiler checks the ids; docs/INVARIANTS.md lists, for each invariant, every check marked with
 * it, collected from the compiled tests of every module, and the build fails when an invariant
 * has none.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Checks {

  /** The invariants this check exercises. */
  Invariant[] value();
}
