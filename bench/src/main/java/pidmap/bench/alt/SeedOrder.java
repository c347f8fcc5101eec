package pidmap.bench.alt;

/**
 * The seed's search order as a user would restate it for their own data structure: first
 * [L+1, P), then the wrapped range from R. The exact bounds (which make a freed last_pid come
 * back only at page edges) are the ones {@code pidmap.model.SeedSearchRule} states and argues;
 * the alternatives follow them so that they hand out the same pids as the model
 * (AlternativesAgreeWithModelTest), which is what makes the timing comparison fair.
 *
 * <p>Immutable and thread-safe. Seed: pid.c lines 124-182.
 */
final class SeedOrder {
  final int reserved;
  final int bitsPerPage;
  final int pidMax;

  SeedOrder(int reserved, int bitsPerPage, int pidMax) {
    this.reserved = reserved;
    this.bitsPerPage = bitsPerPage;
    this.pidMax = pidMax;
  }

  /** Where the first range starts: L+1, or R when L+1 is at or past pid_max. */
  int firstFrom(int last) {
    return last + 1 >= pidMax ? reserved : last + 1;
  }

  /** Where the wrapped range [R, end) ends; R (empty) when there is no wrapped range. */
  int wrappedTo(int last) {
    if (last + 1 >= pidMax || last <= reserved) {
      return reserved;
    }
    boolean pageEdge = last % bitsPerPage == 0 || (last + 1) % bitsPerPage == 0;
    return pageEdge ? last + 1 : last;
  }
}
