package pidmap.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the code that renders a seed function: in the model, its obvious version; in the impl,
 * its seed-shaped one. README's seed map is generated from these marks (a reader goes from a
 * kernel name to both renderings and to the checks that cover it), and a test fails when a seed
 * function lacks either.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
public @interface Implements {

  /** The seed functions this code renders. */
  SeedFunction[] value();
}
