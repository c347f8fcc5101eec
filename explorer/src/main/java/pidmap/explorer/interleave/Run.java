package pidmap.explorer.interleave;

import java.util.Arrays;
import pidmap.explorer.Access;

/**
 * One thread of an interleaving state: the operations it completed (kind, argument, answer, and
 * how many operations each thread had completed when it started each: the real-time order), the
 * pids it holds, and the operation it is in with what each of its accesses so far read (and
 * which access it was, as a short code, to check that a re-run retraces them). Immutable; the
 * arrays are never changed after construction.
 */
final class Run {
  static final int IDLE = -1;

  final int[] kinds;
  final int[] args;
  final int[] answers;
  /** For each completed operation, and for the current one at index done: the start clocks. */
  final int[][] clocks;
  final int[] held;
  final int kind;
  final int arg;
  /** What each access of the current operation read, and its {@link #code}. */
  final long[] values;
  final int[] codes;

  Run(int[] kinds, int[] args, int[] answers, int[][] clocks, int[] held, int kind, int arg,
      long[] values, int[] codes) {
    this.kinds = kinds;
    this.args = args;
    this.answers = answers;
    this.clocks = clocks;
    this.held = held;
    this.kind = kind;
    this.arg = arg;
    this.values = values;
    this.codes = codes;
  }

  static Run fresh() {
    return new Run(new int[0], new int[0], new int[0], new int[0][], new int[0], IDLE, 0,
        new long[0], new int[0]);
  }

  /** A short code of an access's kind, place and arguments (not what it read). */
  static int code(Access a) {
    int h = Long.hashCode(a.arg() * 31 + a.arg2());
    return (a.kind() << 27) | ((a.slot() + 1 & 0xF) << 23) | ((a.word() & 0x7) << 20)
        | (h & 0xFFFFF);
  }

  int done() {
    return kinds.length;
  }

  boolean idle() {
    return kind == IDLE;
  }

  /** The newest pid held, or -1. */
  int newest() {
    return held.length == 0 ? -1 : held[held.length - 1];
  }

  /** This run starting operation {@code k} on {@code a}, with the clocks of every thread now. */
  Run start(int k, int a, int[] clock) {
    int[][] c = Arrays.copyOf(clocks, clocks.length + 1);
    c[clocks.length] = clock;
    return new Run(kinds, args, answers, c, held, k, a, values, codes);
  }

  /** This run having made one more access in its operation. */
  Run made(Access a) {
    long[] v = Arrays.copyOf(values, values.length + 1);
    int[] c = Arrays.copyOf(codes, codes.length + 1);
    v[values.length] = a.value();
    c[codes.length] = code(a);
    return new Run(kinds, args, answers, clocks, held, kind, arg, v, c);
  }

  /** This run having finished its operation with {@code answer}, holding {@code nowHeld}. */
  Run finished(int answer, int[] nowHeld) {
    int n = kinds.length;
    int[] k = Arrays.copyOf(kinds, n + 1);
    int[] a = Arrays.copyOf(args, n + 1);
    int[] r = Arrays.copyOf(answers, n + 1);
    k[n] = kind;
    a[n] = arg;
    r[n] = answer;
    return new Run(k, a, r, clocks, nowHeld, IDLE, 0, new long[0], new int[0]);
  }
}
