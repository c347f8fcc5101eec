package pidmap.explorer;

import java.util.Arrays;
import java.util.List;
import pidmap.spec.PidmapException;

/**
 * A node of one operation's decision tree in {@link Replays}: an access the real code made and
 * its branches by the value it read, or a leaf with the operation's answer. Not thread-safe: one
 * tree per worker thread.
 */
final class ReplayNode {
  final Access access;
  final boolean leaf;
  int answer;
  PidmapException refusal;
  private boolean filled;
  private long[] keys = new long[2];
  private ReplayNode[] kids = new ReplayNode[2];
  private int n;

  private ReplayNode(Access access, boolean leaf) {
    this.access = access;
    this.leaf = leaf;
  }

  static ReplayNode of(Access first) {
    return first == null ? new ReplayNode(null, true) : new ReplayNode(first, false);
  }

  ReplayNode child(long value) {
    if (hashed != null) {
      int mask = hashed.length - 1;
      for (int i = hash(value) & mask; hashed[i] != null; i = (i + 1) & mask) {
        if (hashedKeys[i] == value) {
          return hashed[i];
        }
      }
      return null;
    }
    for (int i = 0; i < n; i++) {
      if (keys[i] == value) {
        return kids[i];
      }
    }
    return null;
  }

  /** Above {@value #LINEAR} branches, an open-addressing table. */
  private static final int LINEAR = 8;
  private long[] hashedKeys;
  private ReplayNode[] hashed;

  private static int hash(long v) {
    long h = v * 0x9E37_79B9_7F4A_7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private void rehash() {
    int cap = Integer.highestOneBit(n * 4);
    hashedKeys = new long[cap];
    hashed = new ReplayNode[cap];
    for (int i = 0; i < n; i++) {
      int j = hash(keys[i]) & (cap - 1);
      while (hashed[j] != null) {
        j = (j + 1) & (cap - 1);
      }
      hashedKeys[j] = keys[i];
      hashed[j] = kids[i];
    }
  }

  /** Adds the path of {@code log} below this node (this node is the log's first access). */
  ReplayNode add(List<Access> log, int answer, PidmapException refusal, int code) {
    ReplayNode at = this;
    for (int i = 0; i < log.size(); i++) {
      Access a = log.get(i);
      if (at.leaf || !at.access.sameAccess(a)) {
        throw new IllegalStateException("two runs of " + Ops.op(code) + " that read the same"
            + " values made different accesses (" + at.access + ", " + a + "): the allocator"
            + " is not deterministic in its memory");
      }
      ReplayNode next = at.child(a.value());
      if (next == null) {
        next = ReplayNode.of(i + 1 < log.size() ? log.get(i + 1) : null);
        at.put(a.value(), next);
      }
      at = next;
    }
    if (!at.leaf) {
      throw new IllegalStateException("a run of " + Ops.op(code) + " ended where another went"
          + " on: the allocator is not deterministic in its memory");
    }
    if (!at.filled) {
      at.answer = answer;
      at.refusal = refusal;
      at.filled = true;
    } else if (at.answer != answer || (refusal != null) != (at.refusal != null)
        || (refusal != null && !refusal.sameRefusal(at.refusal))) {
      throw new IllegalStateException("two runs of " + Ops.op(code) + " that read the same"
          + " values answered differently (" + at.answer + ", " + answer + "): the allocator"
          + " keeps state outside its memory");
    }
    return at;
  }

  private void put(long value, ReplayNode kid) {
    if (n == keys.length) {
      keys = Arrays.copyOf(keys, n * 2);
      kids = Arrays.copyOf(kids, n * 2);
    }
    keys[n] = value;
    kids[n] = kid;
    n++;
    if (n > LINEAR && (hashed == null || n * 2 > hashed.length)) {
      rehash();
    } else if (hashed != null) {
      int mask = hashed.length - 1;
      int j = hash(value) & mask;
      while (hashed[j] != null) {
        j = (j + 1) & mask;
      }
      hashedKeys[j] = value;
      hashed[j] = kid;
    }
  }
}
