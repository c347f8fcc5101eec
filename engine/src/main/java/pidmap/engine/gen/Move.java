package pidmap.engine.gen;

/**
 * What the {@link TraceGenerator} may do next, and how often: the generator's mix. Each step
 * draws a move with probability weight / {@link #totalDefaultWeight()}; a move emits one
 * operation or a short burst. Write B = bits_per_page, R = RESERVED_PIDS, P = pid_max,
 * L = pid_max_limit.
 *
 * <pre>
 * move                  weight  emits
 * ALLOC                   25    alloc
 * FREE_HELD               18    free of a pid the model holds, drawn uniformly (never pid 0)
 * FREE_LAST_HANDED_OUT     6    free of the pid alloc last handed out, then alloc
 * NEXT                     6    next after a held pid, held-1, kB-1, kB, 0, P-1, P or L-1
 * SET_LAST_PAGE_EDGE       8    set_last to kB-2, kB-1, kB or kB+1 (raises P first if no edge fits)
 * SET_LAST_WRAP            6    set_last to P-3 .. P, so the next alloc wraps to R
 * SET_LAST_RANGE_EDGE      4    set_last to 0, R-1, R, R+1, P-1 or P
 * FILL_TO_EXHAUSTION       5    allocs until alloc fails, one more, then a few free+alloc rounds;
 *                               on a big P it first lowers P so the fill stays short
 * FILL_AT_A_PAGE_EDGE      3    P set just above a page edge kB (mostly k = 1: 32768 on the
 *                               kernel's pages), allocs across kB-1 to kB until alloc fails,
 *                               then set_last to kB-2 .. kB+1, free it and alloc (the freed
 *                               last_pid at an edge comes back); when the fill would take more
 *                               allocs than the generator's fill budget, a FILL_TO_EXHAUSTION
 * LOWER_PID_MAX            5    set_pid_max below a live pid (or to R+1, or a page edge)
 * RAISE_PID_MAX            4    set_pid_max to the default, to L, or to kB-1, kB, kB+1
 * BAD_INPUT                10   one input that must be refused: free of a free pid, free 0,
 *                               a pid out of [0, L), pid_max or last_pid out of range,
 *                               next out of range, a value past the int range
 * </pre>
 *
 * <p>Frees mostly draw from the held set (FREE_HELD, FREE_LAST_HANDED_OUT and the fill's
 * rounds), so they exercise real frees; BAD_INPUT's wrong ones check that refusals change
 * nothing.
 */
public enum Move {
  ALLOC(25),
  FREE_HELD(18),
  FREE_LAST_HANDED_OUT(6),
  NEXT(6),
  SET_LAST_PAGE_EDGE(8),
  SET_LAST_WRAP(6),
  SET_LAST_RANGE_EDGE(4),
  FILL_TO_EXHAUSTION(5),
  FILL_AT_A_PAGE_EDGE(3),
  LOWER_PID_MAX(5),
  RAISE_PID_MAX(4),
  BAD_INPUT(10);

  private final int defaultWeight;

  Move(int defaultWeight) {
    this.defaultWeight = defaultWeight;
  }

  /** The weight in the default mix. */
  public int defaultWeight() {
    return defaultWeight;
  }

  /** The sum of the default weights (100). */
  public static int totalDefaultWeight() {
    int sum = 0;
    for (Move m : values()) {
      sum += m.defaultWeight;
    }
    return sum;
  }
}
