package pidmap.explorer.interleave;

import java.util.Arrays;

/**
 * One state of an interleaving exploration: the shared memory's words and every thread's
 * {@link Run}, decoded for expanding it. {@link #bytes} packs it (small numbers, a byte or two
 * each) for the breadth-first queue; {@link #key} packs it with the threads in a canonical order
 * for the set of states seen: the threads run the same code with the same choices, so states that
 * differ only by a renaming of threads behave alike, and the checks do not look at thread
 * numbers (the real-time clocks are renamed with them). The key holds everything that decides
 * what happens next (the memory, and what each thread has read in its current operation, which
 * decides where its code stands) and everything the checks look at (held pids, answers, the
 * real-time order). Immutable.
 */
final class State {
  final int lastPid;
  final int pidMax;
  final int lockOwner;
  final int[] slot;
  final int[] nrFree;
  final long[] words;
  final int[] generation;
  final Run[] runs;

  State(ScheduledMemory m, Run[] runs) {
    this(m.lastPid, m.pidMax, m.lockOwner, m.slot.clone(), m.nrFree.clone(), m.words.clone(),
        m.generation.clone(), runs);
  }

  private State(int lastPid, int pidMax, int lockOwner, int[] slot, int[] nrFree, long[] words,
      int[] generation, Run[] runs) {
    this.lastPid = lastPid;
    this.pidMax = pidMax;
    this.lockOwner = lockOwner;
    this.slot = slot;
    this.nrFree = nrFree;
    this.words = words;
    this.generation = generation;
    this.runs = runs;
  }

  /** Puts the memory in this state. */
  void restore(ScheduledMemory m) {
    m.lastPid = lastPid;
    m.pidMax = pidMax;
    m.lockOwner = lockOwner;
    System.arraycopy(slot, 0, m.slot, 0, slot.length);
    System.arraycopy(nrFree, 0, m.nrFree, 0, nrFree.length);
    System.arraycopy(words, 0, m.words, 0, words.length);
    System.arraycopy(generation, 0, m.generation, 0, generation.length);
  }

  /** Whether no thread is inside an operation. */
  boolean quiescent() {
    for (Run r : runs) {
      if (!r.idle()) {
        return false;
      }
    }
    return true;
  }

  /** The state packed, threads in their own order. */
  byte[] bytes() {
    Packer p = new Packer();
    p.put(lockOwner);
    memory(p);
    int[] order = new int[runs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = 0; i < runs.length; i++) {
      run(p, runs[i]);
      clocks(p, runs[i], order);
    }
    return p.toBytes();
  }

  /** The state packed with the threads in a canonical order: equal for renamed states. */
  byte[] key() {
    Packer p = new Packer();
    memory(p);
    int t = runs.length;
    byte[][] own = new byte[t][];
    Integer[] order = new Integer[t];
    for (int i = 0; i < t; i++) {
      Packer q = new Packer();
      run(q, runs[i]);
      own[i] = q.toBytes();
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Arrays.compare(own[a], own[b]));
    int[] o = new int[t];
    for (int i = 0; i < t; i++) {
      o[i] = order[i];
    }
    int renamedOwner = -1;
    for (int i = 0; i < t; i++) {
      if (o[i] == lockOwner) {
        renamedOwner = i;
      }
    }
    p.put(renamedOwner);
    for (int i = 0; i < t; i++) {
      p.bytes(own[o[i]]);
      clocks(p, runs[o[i]], o);
    }
    return p.toBytes();
  }

  private void memory(Packer p) {
    p.put(lastPid);
    p.put(pidMax);
    for (int i = 0; i < slot.length; i++) {
      p.put(slot[i]);
      p.put(nrFree[i]);
      p.put(generation[i]);
    }
    for (int i = 0; i < slot.length; i++) {
      for (int g = 0; g < generation[i]; g++) {
        p.put(words[i + slot.length * g]);
      }
    }
  }

  private static void run(Packer p, Run r) {
    p.put(r.kind);
    p.put(r.arg);
    p.put(r.kinds.length);
    p.put(r.held.length);
    p.put(r.values.length);
    for (int h : r.held) {
      p.put(h);
    }
    for (int i = 0; i < r.kinds.length; i++) {
      p.put(r.kinds[i]);
      p.put(r.args[i]);
      p.put(r.answers[i]);
    }
    for (int i = 0; i < r.values.length; i++) {
      p.put(r.codes[i]);
      p.put(r.values[i]);
    }
  }

  /** The run's clocks, the entry of each thread in {@code order}'s order. */
  private static void clocks(Packer p, Run r, int[] order) {
    for (int[] c : r.clocks) {
      for (int u : order) {
        p.put(c[u]);
      }
    }
  }

  /** Unpacks {@link #bytes}. */
  static State of(byte[] b, int threads, int slots, int pages) {
    Unpacker u = new Unpacker(b);
    int lockOwner = (int) u.get();
    int lastPid = (int) u.get();
    int pidMax = (int) u.get();
    int[] slot = new int[slots];
    int[] nrFree = new int[slots];
    int[] generation = new int[slots];
    for (int i = 0; i < slots; i++) {
      slot[i] = (int) u.get();
      nrFree[i] = (int) u.get();
      generation[i] = (int) u.get();
    }
    long[] words = new long[pages];
    for (int i = 0; i < slots; i++) {
      for (int g = 0; g < generation[i]; g++) {
        words[i + slots * g] = u.get();
      }
    }
    Run[] runs = new Run[threads];
    for (int t = 0; t < threads; t++) {
      int kind = (int) u.get();
      int arg = (int) u.get();
      int done = (int) u.get();
      int heldLength = (int) u.get();
      int logLength = (int) u.get();
      int[] held = new int[heldLength];
      for (int i = 0; i < heldLength; i++) {
        held[i] = (int) u.get();
      }
      int[] kinds = new int[done];
      int[] args = new int[done];
      int[] answers = new int[done];
      for (int i = 0; i < done; i++) {
        kinds[i] = (int) u.get();
        args[i] = (int) u.get();
        answers[i] = (int) u.get();
      }
      long[] values = new long[logLength];
      int[] codes = new int[logLength];
      for (int i = 0; i < logLength; i++) {
        codes[i] = (int) u.get();
        values[i] = u.get();
      }
      int[][] clocks = new int[done + (kind == Run.IDLE ? 0 : 1)][threads];
      for (int[] c : clocks) {
        for (int v = 0; v < threads; v++) {
          c[v] = (int) u.get();
        }
      }
      runs[t] = new Run(kinds, args, answers, clocks, held, kind, arg, values, codes);
    }
    return new State(lastPid, pidMax, lockOwner, slot, nrFree, words, generation, runs);
  }

  /** Zig-zag variable-length numbers, seven bits a byte. Not thread-safe. */
  static final class Packer {
    private byte[] b = new byte[64];
    private int n;

    void put(long v) {
      long z = (v << 1) ^ (v >> 63);
      while ((z & ~0x7FL) != 0) {
        add((int) ((z & 0x7F) | 0x80));
        z >>>= 7;
      }
      add((int) z);
    }

    void bytes(byte[] more) {
      for (byte x : more) {
        add(x);
      }
    }

    private void add(int x) {
      if (n == b.length) {
        b = Arrays.copyOf(b, n * 2);
      }
      b[n++] = (byte) x;
    }

    byte[] toBytes() {
      return Arrays.copyOf(b, n);
    }
  }

  /** Reads what a {@link Packer} wrote. Not thread-safe. */
  static final class Unpacker {
    private final byte[] b;
    private int at;

    Unpacker(byte[] b) {
      this.b = b;
    }

    long get() {
      long z = 0;
      int shift = 0;
      while (true) {
        int x = b[at++];
        z |= (long) (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          break;
        }
        shift += 7;
      }
      return (z >>> 1) ^ -(z & 1);
    }
  }
}
