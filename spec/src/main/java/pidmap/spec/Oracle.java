package pidmap.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an invariant's predicate with what it judges by: whether that shares code with what it
 * checks. docs/INVARIANTS.md's "oracle" column is generated from these marks, and the catalog
 * fails when an invariant has none.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface Oracle {

  /** The invariants this predicate decides. */
  Invariant[] value();

  /** What it is on the impl (the candidate). */
  Kind impl();

  /** What it is on the model. */
  Kind model();

  /** One sentence: what the verdict is computed from, and for a definitional one, what else checks it. */
  String basis();

  /** How a predicate relates to the code it checks. */
  enum Kind {
    /** Computed from something the checked code does not use: the checker's ledger, a brute-force or separate rendition, the running kernel. */
    INDEPENDENT,
    /** True by the checked code's own definition; the basis says what checks it instead. */
    DEFINITIONAL
  }
}
