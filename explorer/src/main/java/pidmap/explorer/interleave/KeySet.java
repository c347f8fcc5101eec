package pidmap.explorer.interleave;

import java.util.Arrays;

/**
 * A set of byte strings (the states' keys), packed end to end in large chunks and found through
 * an open-addressing table of their offsets: some 10 bytes of overhead per key, against about 100
 * for a hash set of arrays. Not thread-safe.
 */
final class KeySet {
  private static final int CHUNK_BITS = 26;
  private static final int CHUNK = 1 << CHUNK_BITS;

  private byte[][] chunks = new byte[1][CHUNK];
  private long used;
  /** Per entry: offset + 1 (0 for empty); the key's length is stored before it. */
  private long[] table = new long[1 << 16];
  private int size;

  int size() {
    return size;
  }

  /** Adds {@code key}; whether it was new. */
  boolean add(byte[] key) {
    if (size * 2 >= table.length) {
      grow();
    }
    int mask = table.length - 1;
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      long e = table[i];
      if (e == 0) {
        table[i] = store(key) + 1;
        size++;
        return true;
      }
      if (equal(e - 1, key)) {
        return false;
      }
    }
  }

  private static int hash(byte[] key) {
    int h = Arrays.hashCode(key);
    return h ^ (h >>> 16);
  }

  private long store(byte[] key) {
    int need = key.length + 2;
    if ((used & (CHUNK - 1)) + need > CHUNK) {
      used = (used | (CHUNK - 1)) + 1; // next chunk
    }
    int c = (int) (used >>> CHUNK_BITS);
    if (c == chunks.length) {
      chunks = Arrays.copyOf(chunks, c + 1);
      chunks[c] = new byte[CHUNK];
    }
    int at = (int) (used & (CHUNK - 1));
    byte[] chunk = chunks[c];
    chunk[at] = (byte) (key.length >>> 8);
    chunk[at + 1] = (byte) key.length;
    System.arraycopy(key, 0, chunk, at + 2, key.length);
    long offset = used;
    used += need;
    return offset;
  }

  private boolean equal(long offset, byte[] key) {
    byte[] chunk = chunks[(int) (offset >>> CHUNK_BITS)];
    int at = (int) (offset & (CHUNK - 1));
    int length = ((chunk[at] & 0xFF) << 8) | (chunk[at + 1] & 0xFF);
    return length == key.length
        && Arrays.equals(chunk, at + 2, at + 2 + length, key, 0, length);
  }

  private byte[] keyAt(long offset) {
    byte[] chunk = chunks[(int) (offset >>> CHUNK_BITS)];
    int at = (int) (offset & (CHUNK - 1));
    int length = ((chunk[at] & 0xFF) << 8) | (chunk[at + 1] & 0xFF);
    return Arrays.copyOfRange(chunk, at + 2, at + 2 + length);
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length - 1;
    for (long e : old) {
      if (e != 0) {
        int i = hash(keyAt(e - 1)) & mask;
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = e;
      }
    }
  }
}
