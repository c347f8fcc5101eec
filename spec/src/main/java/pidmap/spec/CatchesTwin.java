package pidmap.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test (a method, or a whole class, or a JCStress test) that shows a check failing on a
 * deliberately broken twin of the code it guards: the check is named either by class literal
 * ({@link #check}: a JCStress test, a Lincheck test class, a verify row's {@code Check}) or by
 * invariant ({@link #invariant}), and the twin by class literal, so the compiler checks both
 * names. The catalog collects these marks into docs/VERIFICATION.md's table (check, twin, the
 * test that catches it, the run it is caught in) and fails the build when a check has no twin.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(CatchesTwin.List.class)
public @interface CatchesTwin {

  /** The check, when it is a class: a JCStress test, a Lincheck test, a verify row. */
  Class<?> check() default void.class;

  /** The check, when it is an invariant's predicate (exactly one of this and {@link #check}). */
  Invariant[] invariant() default {};

  /** The broken twin: the variant of the guarded code, named for its bug. */
  Class<?> twin();

  /** The run that is seen to catch it. */
  Run run() default Run.DEFAULT;

  /** Where a twin is caught. */
  enum Run {
    /** The default build: {@code mvn -B verify}. */
    DEFAULT("mvn -B verify"),
    /**
     * The JCStress twins in JCStress's quick mode, beyond the default run's sanity mode:
     * {@code mvn -B verify -Pjcstress-twins} (docs/JCSTRESS.md).
     */
    JCSTRESS_TWINS("mvn -B verify -Pjcstress-twins");

    private final String command;

    Run(String command) {
      this.command = command;
    }

    /** The command that runs it. */
    public String command() {
      return command;
    }
  }

  /** The container of repeated marks. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @interface List {
    CatchesTwin[] value();
  }
}
