package pidmap.explorer;

/**
 * One access of an allocator's {@link pidmap.impl.PidmapMemory}, as {@link RecordingMemory}
 * logs it and {@link Replays} keeps it: what kind, where (page slot and word), its arguments, and
 * the value it read. Immutable.
 *
 * @param kind one of the constants below
 * @param slot the page slot, or -1 for last_pid and pid_max
 * @param word the word of the page, or 0
 * @param arg the bits, delta, expected value or stored value the access carries
 * @param arg2 the new value of a compare-and-exchange of last_pid
 * @param value what it read: a slot's presence (1 or 0), a counter, a word, last_pid, pid_max,
 *     a witness; 0 for a plain store
 */
record Access(int kind, int slot, int word, long arg, int arg2, long value) {
  static final int LOAD_SLOT = 0;
  static final int CAS_FRESH = 1;
  static final int STORE_FRESH = 2;
  static final int LOAD_FREE = 3;
  static final int ADD_FREE = 4;
  static final int LOAD_WORD = 5;
  static final int OR_WORD = 6;
  static final int AND_WORD = 7;
  static final int STORE_WORD = 8;
  static final int LOAD_LAST = 9;
  static final int STORE_LAST = 10;
  static final int SET_LAST = 11;
  static final int CAS_LAST = 12;
  static final int LOAD_MAX = 13;
  static final int STORE_MAX = 14;

  /** Whether {@code o} is the same access (kind, place, arguments), whatever it read. */
  boolean sameAccess(Access o) {
    return kind == o.kind && slot == o.slot && word == o.word && arg == o.arg && arg2 == o.arg2;
  }
}
