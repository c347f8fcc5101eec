package pidmap.kit.suite;

/**
 * One allocator-level request of a scenario, whose expected reply the model computes: {@code
 * alloc}, {@code free P}, {@code next P}, {@code set_last V}, {@code set_pid_max V}, {@code
 * get_last}, {@code get_pid_max}. Immutable.
 *
 * @param verb the operation
 * @param arg its argument (ignored for alloc and the two reads)
 * @param rule null: the reply must equal the model's; else only this rule is judged
 */
public record Req(String verb, long arg, Rule rule) {

  public static Req alloc() {
    return new Req("alloc", 0, null);
  }

  public static Req free(long pid) {
    return new Req("free", pid, null);
  }

  public static Req next(long after) {
    return new Req("next", after, null);
  }

  public static Req setLast(long v) {
    return new Req("set_last", v, null);
  }

  public static Req setPidMax(long v) {
    return new Req("set_pid_max", v, null);
  }

  public static Req getLast() {
    return new Req("get_last", 0, null);
  }

  public static Req getPidMax() {
    return new Req("get_pid_max", 0, null);
  }

  /** The same request judged by {@code r} only. */
  public Req judgedBy(Rule r) {
    return new Req(verb, arg, r);
  }

  /** The protocol line. */
  public String request() {
    return verb.equals("alloc") || verb.startsWith("get_") ? verb : verb + " " + arg;
  }

  @Override
  public String toString() {
    return request();
  }
}
