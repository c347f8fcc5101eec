/*
 * The sequential scope of pidmap's explorer as a Promela model, for SPIN: one allocator, and
 * from every state every operation the explorer runs (alloc; free and next of every pid from -1
 * to pid_max_limit; set_last from -1 to pid_max+1; set_pid_max from pid_max_min-1 to
 * pid_max_limit+1), each one atomic step. The state is what the explorer's state is: the
 * allocated set, last_pid, pid_max, the installed pages and the pages' free counters.
 *
 * Alloc is computed twice, as the seed's loop over pages (kernel/pid.c of Linux 2.6.24, lines
 * 124-182) or today's cyclic search, and as the search rule's candidate ranges, and the two must
 * agree (assert); next likewise (seed lines 184-200 against "the smallest allocated cand above").
 *
 * Parameters (spin -D...): BPP bits per page, RES reserved pids, LIMIT pid_max_limit (a multiple
 * of BPP, at most 31), PIDMAX the default pid_max, LOW and HIGH the pid_max values whose states
 * are expanded (a set_pid_max to a value outside them is checked but leaves the state as it is),
 * LINUX6 for the linux-6 profile (default: linux-2.6.24).
 */
#ifndef BPP
#define BPP 4
#endif
#ifndef RES
#define RES 2
#endif
#ifndef LIMIT
#define LIMIT 16
#endif
#ifndef PIDMAX
#define PIDMAX 14
#endif
#ifndef LOW
#define LOW PIDMAX
#endif
#ifndef HIGH
#define HIGH PIDMAX
#endif
#define PAGES (LIMIT / BPP)
#define MASK (BPP - 1)

int bits = 1;          /* the allocated set: bit p is cand p; cand 0 from the start */
byte last = 0;         /* last_pid */
byte pidmax = PIDMAX;
byte inst = 1;         /* installed pages, bit m for page m; page 0 from the start */
byte used[PAGES];      /* page m's free counter is BPP - used[m] - (m == 0): cand 0 is not counted here */

hidden int cand, off, map, i, maxscan, lastmap, lst, res, want, k, floor, start, to, end;
hidden byte found;

#define NFREE(m) (BPP - used[m] - ((m) == 0 -> 1 : 0))
#define TAKEN(p) ((bits & (1 << (p))) != 0)

/* Seed: cand.c 124-182, the loop as the impl runs it. */
inline seed_alloc() {
  lst = last;
  cand = lst + 1;
  if
  :: cand >= pidmax -> cand = RES
  :: else -> skip
  fi;
  off = cand & MASK;
  map = cand / BPP;
  maxscan = (pidmax + BPP - 1) / BPP - (off == 0 -> 1 : 0);
  lastmap = (pidmax - 1) / BPP;
  res = -1;
  i = 0;
  found = 0;
  do
  :: found || i > maxscan -> break
  :: else ->
     inst = inst | (1 << map);
     if
     :: NFREE(map) != 0 ->
        do
        :: !TAKEN(cand) ->
           bits = bits | (1 << cand); used[map]++; last = cand; res = cand; found = 1; break
        :: else ->
           do
           :: off < BPP && TAKEN(map * BPP + off) -> off++
           :: else -> break
           od;
           cand = map * BPP + off;
           if
           :: off < BPP && cand < pidmax && (i != maxscan || cand < lst || ((lst + 1) & MASK) == 0) -> skip
           :: else -> break
           fi
        od
     :: else -> skip
     fi;
     if
     :: found -> skip
     :: !found && map < lastmap -> map++; off = 0; cand = map * BPP; i++
     :: !found && map >= lastmap ->
        map = 0; off = RES; cand = RES; i++;
        if
        :: lst == RES -> found = 1
        :: else -> skip
        fi
     fi
  od
}

/* The seed's rule as candidate ranges (the model's SeedSearchRule): the first free cand. */
inline seed_rule() {
  want = -1;
  if
  :: lst + 1 >= pidmax -> k = RES; to = pidmax
  :: else -> k = lst + 1; to = pidmax
  fi;
  do
  :: k < to && TAKEN(k) -> k++
  :: else -> break
  od;
  if
  :: k < to -> want = k
  :: else ->
     if
     :: lst + 1 < pidmax && lst > RES ->
        to = ((lst % BPP == 0 || (lst + 1) % BPP == 0) -> lst + 1 : lst);
        k = RES;
        do
        :: k < to && TAKEN(k) -> k++
        :: else -> break
        od;
        if
        :: k < to -> want = k
        :: else -> skip
        fi
     :: else -> skip
     fi
  fi
}

/* linux-6: the first free pid from last_pid+1 below pid_max, else from the floor, page by page. */
inline cyclic_claim(from, upto) {
  cand = from;
  do
  :: res >= 0 || cand >= upto -> break
  :: else ->
     map = cand / BPP;
     if
     :: NFREE(map) == 0 -> cand = (map + 1) * BPP
     :: else ->
        inst = inst | (1 << map);
        if
        :: upto - map * BPP < BPP -> end = upto - map * BPP
        :: else -> end = BPP
        fi;
        off = cand & MASK;
        do
        :: off < end && TAKEN(map * BPP + off) -> off++
        :: else -> break
        od;
        if
        :: off < end -> res = map * BPP + off; bits = bits | (1 << res); used[map]++
        :: else -> cand = (map + 1) * BPP
        fi
     fi
  od
}

inline linux6_alloc() {
  lst = last;
  if
  :: lst + 1 <= RES -> floor = 1
  :: else -> floor = RES
  fi;
  if
  :: lst + 1 > floor -> start = lst + 1
  :: else -> start = floor
  fi;
  res = -1;
  cyclic_claim(start, pidmax);
  if
  :: res < 0 && start > floor ->
     if
     :: start < pidmax -> to = start
     :: else -> to = pidmax
     fi;
     cyclic_claim(floor, to)
  :: else -> skip
  fi;
  if
  :: res >= 0 -> last = res
  :: else -> skip
  fi
}

inline linux6_rule() {
  if
  :: lst + 1 <= RES -> floor = 1
  :: else -> floor = RES
  fi;
  if
  :: lst + 1 > floor -> start = lst + 1
  :: else -> start = floor
  fi;
  want = -1;
  k = start;
  do
  :: k < pidmax && TAKEN(k) -> k++
  :: else -> break
  od;
  if
  :: k < pidmax -> want = k
  :: else ->
     if
     :: start > floor ->
        if
        :: start < pidmax -> to = start
        :: else -> to = pidmax
        fi;
        k = floor;
        do
        :: k < to && TAKEN(k) -> k++
        :: else -> break
        od;
        if
        :: k < to -> want = k
        :: else -> skip
        fi
     :: else -> skip
     fi
  fi
}

#ifdef LINUX6
#define ALLOC_IMPL linux6_alloc()
#define ALLOC_RULE linux6_rule()
#else
#define ALLOC_IMPL seed_alloc()
#define ALLOC_RULE seed_rule()
#endif

/* free_pidmap (seed 115-121), refusing cand 0, out-of-range and free pids. */
#define FREE(P) :: d_step { (P <= LIMIT) -> \
    if \
    :: P > 0 && P < LIMIT && TAKEN(P) -> bits = bits & ~(1 << P); used[P / BPP]-- \
    :: else -> skip \
    fi }

/* next_pidmap (seed 184-200) over installed pages, against the smallest allocated cand above. */
#define NEXT(P) :: d_step { (P <= LIMIT) -> \
    if \
    :: P >= 0 && P < LIMIT -> \
       res = -1; k = P + 1; \
       do \
       :: res < 0 && k < LIMIT -> \
          if \
          :: (inst & (1 << (k / BPP))) != 0 && TAKEN(k) -> res = k \
          :: (inst & (1 << (k / BPP))) == 0 -> k = (k / BPP + 1) * BPP \
          :: else -> k++ \
          fi \
       :: else -> break \
       od; \
       want = -1; k = P + 1; \
       do \
       :: k < LIMIT && !TAKEN(k) -> k++ \
       :: else -> break \
       od; \
       if \
       :: k < LIMIT -> want = k \
       :: else -> skip \
       fi; \
       assert(res == want) \
    :: else -> skip \
    fi }

#define SET_LAST(V) :: d_step { (V <= pidmax + 1) -> \
    if \
    :: V >= 0 && V <= pidmax -> last = V \
    :: else -> skip \
    fi }

#define SET_PID_MAX(V) :: d_step { (V >= RES && V <= LIMIT + 1) -> \
    if \
    :: V >= RES + 1 && V <= LIMIT && V >= LOW && V <= HIGH -> pidmax = V \
    :: else -> skip \
    fi }

active proctype allocator() {
  do
  :: d_step {
       lst = last;
       ALLOC_RULE;
       ALLOC_IMPL;
       assert(res == want);
       k = 0;
       do
       :: k < PAGES -> assert(NFREE(k) >= 0); k++
       :: else -> break
       od
     }
  FREE(-1) FREE(0) FREE(1) FREE(2) FREE(3) FREE(4) FREE(5) FREE(6) FREE(7) FREE(8) FREE(9)
  FREE(10) FREE(11) FREE(12) FREE(13) FREE(14) FREE(15) FREE(16) FREE(17) FREE(18) FREE(19)
  FREE(20) FREE(21) FREE(22) FREE(23) FREE(24) FREE(25) FREE(26) FREE(27) FREE(28) FREE(29)
  FREE(30) FREE(31)
  NEXT(-1) NEXT(0) NEXT(1) NEXT(2) NEXT(3) NEXT(4) NEXT(5) NEXT(6) NEXT(7) NEXT(8) NEXT(9)
  NEXT(10) NEXT(11) NEXT(12) NEXT(13) NEXT(14) NEXT(15) NEXT(16) NEXT(17) NEXT(18) NEXT(19)
  NEXT(20) NEXT(21) NEXT(22) NEXT(23) NEXT(24) NEXT(25) NEXT(26) NEXT(27) NEXT(28) NEXT(29)
  NEXT(30) NEXT(31)
  SET_LAST(-1) SET_LAST(0) SET_LAST(1) SET_LAST(2) SET_LAST(3) SET_LAST(4) SET_LAST(5)
  SET_LAST(6) SET_LAST(7) SET_LAST(8) SET_LAST(9) SET_LAST(10) SET_LAST(11) SET_LAST(12)
  SET_LAST(13) SET_LAST(14) SET_LAST(15) SET_LAST(16) SET_LAST(17) SET_LAST(18) SET_LAST(19)
  SET_LAST(20) SET_LAST(21) SET_LAST(22) SET_LAST(23) SET_LAST(24) SET_LAST(25) SET_LAST(26)
  SET_LAST(27) SET_LAST(28) SET_LAST(29) SET_LAST(30) SET_LAST(31) SET_LAST(32)
  SET_PID_MAX(1) SET_PID_MAX(2) SET_PID_MAX(3) SET_PID_MAX(4) SET_PID_MAX(5) SET_PID_MAX(6)
  SET_PID_MAX(7) SET_PID_MAX(8) SET_PID_MAX(9) SET_PID_MAX(10) SET_PID_MAX(11)
  SET_PID_MAX(12) SET_PID_MAX(13) SET_PID_MAX(14) SET_PID_MAX(15) SET_PID_MAX(16)
  SET_PID_MAX(17) SET_PID_MAX(18) SET_PID_MAX(19) SET_PID_MAX(20) SET_PID_MAX(21)
  SET_PID_MAX(22) SET_PID_MAX(23) SET_PID_MAX(24) SET_PID_MAX(25) SET_PID_MAX(26)
  SET_PID_MAX(27) SET_PID_MAX(28) SET_PID_MAX(29) SET_PID_MAX(30) SET_PID_MAX(31)
  SET_PID_MAX(32)
  od
}
