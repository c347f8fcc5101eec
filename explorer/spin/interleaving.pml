/*
 * The interleaving scope of pidmap's explorer as a Promela model, for SPIN: THREADS threads on
 * one fresh allocator, each running OPS operations, each chosen among alloc, free of the newest
 * pid it holds (when it holds one) and, with NEXT, next from 0; every shared-memory access of
 * the impl's code (BitmapPidAllocator: SeedSearch, Pages, the last_pid update) is one atomic
 * step, in the impl's order: last_pid, pid_max, then per page the slot (and the install by
 * compare-and-swap), the free counter, each test-and-set and the word read of each
 * find-next-zero; the counter's decrement; last_pid's store (seed) or compare-and-swap loop
 * (CAS, the kernel's pid_before). Free: the slot, the test-and-clear, the counter's increment.
 * Next: each slot, and the word of each installed page from the point on.
 *
 * Properties (assert): [ALLOC-1] an alloc never hands out a pid a thread holds; [LAST-1] an
 * alloc's store never replaces a last_pid that comes after its pid in the walk from the
 * last_pid it read; at quiescence [PIDMAP-2] every counter matches its page and [PIDMAP-4] the
 * bitmap is pid 0 and the pids the threads hold.
 *
 * Parameters (spin -D...): BPP, RES, LIMIT (at most 16, a multiple of BPP), PIDMAX, THREADS,
 * OPS, CAS (1: the kernel's pid_before update), NEXT (1: next is an operation).
 */
#ifndef BPP
#define BPP 4
#endif
#ifndef RES
#define RES 1
#endif
#ifndef LIMIT
#define LIMIT 8
#endif
#ifndef PIDMAX
#define PIDMAX 8
#endif
#ifndef THREADS
#define THREADS 2
#endif
#ifndef OPS
#define OPS 3
#endif
#ifndef CAS
#define CAS 0
#endif
#ifndef NEXT
#define NEXT 0
#endif
#define PAGES (LIMIT / BPP)
#define MASK (BPP - 1)
#define PAGEBITS(m) ((bits >> ((m) * BPP)) & ((1 << BPP) - 1))

int bits = 1;            /* the bitmap: bit p is pid p, pid 0 from the start */
byte inst = 1;           /* installed pages, page 0 from the start */
short used[PAGES];       /* page m's nr_free is BPP - used[m] - (m == 0) */
byte last = 0;           /* last_pid */
byte holder[LIMIT];      /* the thread (1-based) holding each pid; 0 for none */
byte busy = 0;           /* threads inside an operation */

#define NFREE(m) (BPP - used[m] - ((m) == 0 -> 1 : 0))
#define TAKEN(p) ((bits & (1 << (p))) != 0)

/* At quiescence: every counter matches its page, and the bitmap is what the threads hold. */
inline quiescent_checks() {
  if
  :: busy == 0 ->
     q = 0;
     do
     :: q < PAGES ->
        assert(NFREE(q) == BPP - ((PAGEBITS(q) & 1) + ((PAGEBITS(q) >> 1) & 1) + ((PAGEBITS(q) >> 2) & 1) + ((PAGEBITS(q) >> 3) & 1)
#if BPP > 4
          + ((PAGEBITS(q) >> 4) & 1) + ((PAGEBITS(q) >> 5) & 1) + ((PAGEBITS(q) >> 6) & 1) + ((PAGEBITS(q) >> 7) & 1)
#endif
          ));
        q++
     :: else -> break
     od;
     q = 1;
     do
     :: q < LIMIT -> assert(TAKEN(q) == (holder[q] != 0)); q++
     :: else -> break
     od
  :: else -> skip
  fi
}

proctype worker(byte me) {
  byte k = 0, nheld = 0, q = 0;
  byte held[OPS];
  /* alloc's locals, the impl's SeedSearch.take and BitmapPidAllocator.alloc */
  short cand, off, map, i, maxscan, lastmap, base, max, res, seen, prev, w;
  bit won, go;
  do
  :: k == OPS -> break
  :: k < OPS ->
     if
     :: d_step { busy++; res = -1 };
        /* alloc: last_pid, then pid_max */
        base = last;
        max = PIDMAX;
        d_step {
          cand = base + 1;
          if :: cand >= max -> cand = RES :: else -> skip fi;
          off = cand & MASK; map = cand / BPP;
          maxscan = (max + BPP - 1) / BPP - (off == 0 -> 1 : 0);
          lastmap = (max - 1) / BPP; i = 0; go = 1
        };
        do
        :: !go || i > maxscan -> break
        :: else ->
           /* the slot, then the install by compare-and-swap */
           if
           :: (inst & (1 << map)) != 0
           :: else -> inst = inst | (1 << map)   /* compare-and-swap of a fresh page */
           fi;
           if
           :: NFREE(map) != 0 ->
              do
              :: atomic {   /* the test-and-set */
                   won = !TAKEN(map * BPP + off);
                   bits = bits | (1 << (map * BPP + off))
                 };
                 if
                 :: won ->
                    used[map]++;   /* the counter's decrement */
                    d_step {
                      res = map * BPP + off;
                      assert(holder[res] == 0);   /* ALLOC-1 */
                      holder[res] = me;
                      held[nheld] = res; nheld++;
                      go = 0
                    };
                    break
                 :: else ->
                    d_step {   /* find_next_zero_bit: one read of the word */
                      w = PAGEBITS(map);
                      do
                      :: off < BPP && (w & (1 << off)) != 0 -> off++
                      :: else -> break
                      od;
                      cand = map * BPP + off
                    };
                    if
                    :: off < BPP && cand < max && (i != maxscan || cand < base || ((base + 1) & MASK) == 0) -> skip
                    :: else -> break
                    fi
                 fi
              od
           :: else -> skip
           fi;
           atomic {
             if
             :: !go -> skip
             :: else ->
                if
                :: map < lastmap -> map++; off = 0
                :: else ->
                   map = 0; off = RES;
                   if :: base == off -> go = 0 :: else -> skip fi
                fi;
                cand = map * BPP + off; i++
             fi
           }
        od;
        /* last_pid */
        if
        :: res >= 0 ->
#if CAS
           prev = base; seen = base;
           do
           :: atomic {
                prev = seen;
                seen = last;
                if
                :: seen == prev ->
                   /* LAST-1: what it replaces does not come after res in the walk from base */
                   assert(seen == res || !(((res - base + 256) % 256) < ((seen - base + 256) % 256)));
                   last = res
                :: else -> skip
                fi
              };
              if
              :: seen != prev && ((seen - base + 256) % 256) < ((res - base + 256) % 256) -> skip
              :: else -> break
              fi
           od
#else
           d_step {
             assert(last == res || !(((res - base + 256) % 256) < ((last - base + 256) % 256)));
             last = res
           }
#endif
        :: else -> skip
        fi;
        atomic { busy--; quiescent_checks() }
     :: nheld > 0 ->
        /* free of the newest pid held: the slot (installed), the test-and-clear, the counter */
        d_step { busy++; nheld--; res = held[nheld] };
        skip;
        d_step {
          assert(TAKEN(res));
          bits = bits & ~(1 << res);
          holder[res] = 0
        };
        used[res / BPP]--;
        atomic { busy--; quiescent_checks() }
#if NEXT
     :: d_step { busy++; map = 0; off = 1; res = -1 };
        do
        :: res >= 0 || map >= PAGES -> break
        :: else ->
           if
           :: (inst & (1 << map)) == 0 -> map++; off = 0
           :: else ->
              d_step {
                w = PAGEBITS(map);
                do
                :: off < BPP && (w & (1 << off)) == 0 -> off++
                :: else -> break
                od;
                if :: off < BPP -> res = map * BPP + off :: else -> map++; off = 0 fi
              }
           fi
        od;
        atomic { busy--; quiescent_checks() }
#endif
     fi;
     k++
  od
}

init {
  byte t = 1;
  atomic {
    do
    :: t <= THREADS -> run worker(t); t++
    :: else -> break
    od
  }
}
