/*
 * pidmap-agent: the live-kernel oracle of pidmap, and an agent of docs/AGENT-PROTOCOL.md
 * (protocol 1): the running kernel is just another agent for `./pidmap conform --agent kernel`.
 *
 * Becomes pid 1 of a fresh PID namespace (with a private mount namespace and its own /proc) and
 * answers a line protocol on stdin/stdout, one reply line per request line. The allocator level:
 *
 *   alloc            -> "pid N"  | "errno NAME"   create a holder; N is its pid in the namespace
 *   free P           -> "ok"     | "errno EINVAL" SIGKILL holder P and reap it (free once reaped);
 *                                                  EINVAL when P is not a holder
 *   set_last V       -> "ok"     | "errno NAME"   write V to /proc/sys/kernel/ns_last_pid
 *   set_pid_max V    -> "ok"     | "errno NAME"   write V to /proc/sys/kernel/pid_max
 *   next V           -> "pid N"                   smallest pid above V in this /proc, or -1
 *   get_last         -> "value N"                 read ns_last_pid
 *   get_pid_max      -> "value N"                 read pid_max
 *   check            -> "ok count=N" | "mismatch ..."  /proc equals {1} + the live holders
 *   nest             -> "pids O/I" | "errno NAME"  a child PID namespace and its init: a holder
 *                                                  whose pid is O here and I (= 1) inside it
 *   alloc_at L       -> "pids O[/I]" | "errno NAME" a holder in namespace level L (0: the agent's,
 *                                                  1: the nested one); its NSpid numbers
 *   free P           -> "ok killed P..."           when P is the nested namespace's init
 *   quit             -> exits; the kernel then kills every holder (pid 1 of the namespace died)
 *
 * The process level (fork with flags and set_tid, exit, reap, setsid, setpgid, unshare, setns,
 * and the sysctls of any task's namespace with in=TASK) is pidmap-tasks.c; t1 is this process.
 *
 * Before the first request it prints one line:
 *   "hello protocol=1 agent=linux-kernel ops=... features=... pid=1 pid_max=M last=L
 *    pid_max_per_ns=yes|no pid_max_writable=yes|no:ERRNO release=R"
 * (pid_max is per namespace since Linux 6.14; before that the agent refuses set_pid_max with
 * EPERM rather than change the whole machine's pid_max)
 * or, when the machine refuses the namespaces, "unavailable <what>: <why>" and exits 3.
 *
 * Holders are clone() children that share the agent's memory, files and fs (CLONE_VM, not
 * CLONE_THREAD: each is its own process with its own pid, none is a thread), run on a tiny
 * private stack and only wait in pause(). Nothing else in the namespace takes a pid: the agent
 * has no threads and runs no program. A holder is freed by SIGKILL and waitpid: the kernel
 * releases its pid when the zombie is reaped, so "ok" means the pid is free.
 *
 * Lifetime: the outer process (in the caller's namespaces) forks pid 1 and waits for it. pid 1
 * has PR_SET_PDEATHSIG(SIGKILL), exits at "quit" or end of input, and the outer process exits
 * after --max-seconds (default 600) at the latest. When pid 1 exits, the kernel kills every
 * process left in the namespace, so no holder outlives a run.
 *
 * Nesting: "nest" unshares a PID namespace once more (the agent stays where it is; its later
 * children are born one level down) and creates the child namespace's init. "alloc_at" switches
 * the namespace of the agent's next children with setns, so holders of both levels can be mixed.
 * Freeing the child namespace's init ends that namespace: the kernel kills every other process
 * in it, the agent reaps them all, answers "ok killed P..." (their pids here, in the order they
 * were reaped), and its next children are born at level 0 again, ready for another "nest".
 *
 * Built by the Maven build of the conformance module with the machine's gcc (Linux only).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pidmap-agent.h"

#define OPS "alloc,free,next,set_last,set_pid_max,get_last,get_pid_max,check,nest,alloc_at," \
            "fork,exit,reap,setsid,setpgid,unshare,setns,kill,getpgid,getsid"
#if defined(__x86_64__)
#define FEATURES "CLONE_NEWPID,CLONE_THREAD,set_tid,in,setns_children"
#else
#define FEATURES "CLONE_NEWPID,set_tid,in,setns_children"
#endif
#define PID_LIMIT (4 * 1024 * 1024) /* PID_MAX_LIMIT on 64-bit: no pid is at or above it */
#define SLOTS_PER_CHUNK 4096
#define MAX_CHUNKS 1024             /* at most 4M holders, as many as there are pids */

static const char *NS_LAST_PID = "/proc/sys/kernel/ns_last_pid";
static const char *PID_MAX = "/proc/sys/kernel/pid_max";

/* ---- holders ---------------------------------------------------------------------------- */

static int *slot_of_pid;             /* slot + 1 of each live holder, 0 when not held */
static char *chunks[MAX_CHUNKS];     /* stack memory, SLOTS_PER_CHUNK slots per chunk */
static int nchunks;
static int *free_slots;              /* stack of unused slot numbers */
static int nfree_slots, cap_free_slots;
static long live_holders;

/* The holder's whole life: wait until SIGKILL. It shares the agent's memory, so it must touch no
 * libc state (errno, the lazy-binding resolver, whose register save area alone would overflow a
 * tiny stack): a raw system call, written out where the architecture is known. */
#if defined(__x86_64__)
#define STACK_SLOT 512
static int holder_main(void *arg) {
  (void)arg;
  for (;;) {
    long ret;
    __asm__ volatile("syscall" : "=a"(ret) : "0"((long)SYS_pause) : "rcx", "r11", "memory");
  }
  return 0;
}
#elif defined(__aarch64__)
#define STACK_SLOT 512
static int holder_main(void *arg) {
  (void)arg;
  for (;;) { /* ppoll(NULL, 0, NULL, NULL, 0): no fds, no timeout, waits for a signal */
    register long x8 __asm__("x8") = SYS_ppoll;
    register long x0 __asm__("x0") = 0;
    register long x1 __asm__("x1") = 0;
    register long x2 __asm__("x2") = 0;
    register long x3 __asm__("x3") = 0;
    register long x4 __asm__("x4") = 0;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4) : "memory");
  }
  return 0;
}
#else
#define STACK_SLOT 16384 /* libc's syscall(); the build links with -z now, so no resolver runs */
static int holder_main(void *arg) {
  (void)arg;
  for (;;) {
    syscall(SYS_ppoll, NULL, 0, NULL, NULL, 0);
  }
  return 0;
}
#endif

static int take_slot(void) {
  if (nfree_slots == 0) {
    if (nchunks == MAX_CHUNKS) {
      return -1;
    }
    void *mem = mmap(NULL, (size_t)SLOTS_PER_CHUNK * STACK_SLOT, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) {
      return -1;
    }
    if (cap_free_slots < (nchunks + 1) * SLOTS_PER_CHUNK) { /* room for every slot there is */
      int *grown = realloc(free_slots, sizeof(int) * (size_t)(cap_free_slots + SLOTS_PER_CHUNK));
      if (grown == NULL) {
        munmap(mem, (size_t)SLOTS_PER_CHUNK * STACK_SLOT);
        return -1;
      }
      free_slots = grown;
      cap_free_slots += SLOTS_PER_CHUNK;
    }
    chunks[nchunks] = mem;
    for (int i = SLOTS_PER_CHUNK - 1; i >= 0; i--) {
      free_slots[nfree_slots++] = nchunks * SLOTS_PER_CHUNK + i;
    }
    nchunks++;
  }
  return free_slots[--nfree_slots];
}

static void give_slot(int slot) {
  free_slots[nfree_slots++] = slot; /* fits: every slot came from a chunk that made room */
}

static char *slot_stack_top(int slot) {
  char *base = chunks[slot / SLOTS_PER_CHUNK] + (size_t)(slot % SLOTS_PER_CHUNK) * STACK_SLOT;
  return base + STACK_SLOT; /* stacks grow down on every architecture Linux runs pidmap on */
}

/* ---- output ----------------------------------------------------------------------------- */

static char out_buf[1 << 16];
static size_t out_len;

static void flush_out(void) {
  size_t done = 0;
  while (done < out_len) {
    ssize_t n = write(STDOUT_FILENO, out_buf + done, out_len - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      _exit(4); /* the caller is gone */
    }
    done += (size_t)n;
  }
  out_len = 0;
}

void reply(const char *fmt, ...) {
  char line[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof line - 1, fmt, ap);
  va_end(ap);
  if (n < 0) {
    n = 0;
  }
  if (n > (int)sizeof line - 2) {
    n = (int)sizeof line - 2;
  }
  line[n++] = '\n';
  if (out_len + (size_t)n > sizeof out_buf) {
    flush_out();
  }
  memcpy(out_buf + out_len, line, (size_t)n);
  out_len += (size_t)n;
}

const char *errno_name(int e) {
  switch (e) {
    case EAGAIN: return "EAGAIN";
    case ENOMEM: return "ENOMEM";
    case EINVAL: return "EINVAL";
    case EPERM: return "EPERM";
    case EACCES: return "EACCES";
    case ENOENT: return "ENOENT";
    case EROFS: return "EROFS";
    case ENOSPC: return "ENOSPC";
    case EBUSY: return "EBUSY";
    case ESRCH: return "ESRCH";
    case ECHILD: return "ECHILD";
    case EINTR: return "EINTR";
    case EEXIST: return "EEXIST";
    case ETIMEDOUT: return "ETIMEDOUT";
    case ENOSYS: return "ENOSYS";
    default: return "EUNKNOWN";
  }
}

/* ---- sysctl files ----------------------------------------------------------------------- */

static int write_sysctl(const char *path, long value) {
  char text[32];
  int len = snprintf(text, sizeof text, "%ld\n", value);
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    return errno;
  }
  ssize_t n = write(fd, text, (size_t)len);
  int err = n == len ? 0 : (n < 0 ? errno : EIO);
  close(fd);
  return err;
}

static long read_sysctl(const char *path) {
  char text[32];
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return -1;
  }
  ssize_t n = read(fd, text, sizeof text - 1);
  close(fd);
  if (n <= 0) {
    return -1;
  }
  text[n] = '\0';
  return strtol(text, NULL, 10);
}

/* ---- requests --------------------------------------------------------------------------- */

/* Creates one holder; answers its pid here, -errno when the kernel refused, or 0 when the agent
 * has no stack left for it. */
static long new_holder(void) {
  int slot = take_slot();
  if (slot < 0) {
    return 0;
  }
  /* No CLONE_THREAD: a process of its own. CLONE_VM/FS/FILES: nothing to copy, so it is cheap. */
  pid_t pid = clone(holder_main, slot_stack_top(slot), CLONE_VM | CLONE_FS | CLONE_FILES | SIGCHLD,
                    NULL);
  if (pid < 0) {
    int e = errno;
    give_slot(slot);
    return -e;
  }
  slot_of_pid[pid] = slot + 1;
  live_holders++;
  return pid;
}

static void do_alloc(void) {
  long pid = new_holder();
  if (pid == 0) {
    reply("error agent out of holder stacks");
  } else if (pid < 0) {
    reply("errno %s", errno_name((int)-pid));
  } else {
    reply("pid %ld", pid);
  }
}

/* ---- nesting ---------------------------------------------------------------------------- */

static int own_ns_fd = -1;    /* the agent's PID namespace */
static int nested_ns_fd = -1; /* the child namespace, once "nest" made it */
static long nested_init;      /* its init's pid here; never freed by request */
static int children_level;    /* where the agent's next children are born: 0 or 1 */
static int nest_pending;      /* unshared, but the namespace's init could not be created */

/* Replies "pids O/I..." from the holder's NSpid line: its numbers from here down. */
static void reply_nspid(long pid) {
  char path[64], text[2048];
  snprintf(path, sizeof path, "/proc/%ld/status", pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  ssize_t n = fd < 0 ? -1 : read(fd, text, sizeof text - 1);
  if (fd >= 0) {
    close(fd);
  }
  char *line = n > 0 ? (text[n] = '\0', strstr(text, "\nNSpid:")) : NULL;
  if (line == NULL) {
    reply("error no NSpid line for %ld", pid);
    return;
  }
  char out[256];
  size_t len = 0;
  char *end;
  for (char *at = line + 7; len < sizeof out - 16; at = end) {
    long nr = strtol(at, &end, 10);
    if (end == at) {
      break;
    }
    len += (size_t)snprintf(out + len, sizeof out - len, "%s%ld", len == 0 ? "" : "/", nr);
  }
  reply("pids %s", out);
}

static int born_at(int level) {
  if (level == children_level) {
    return 0;
  }
  int fd = level == 0 ? own_ns_fd : nested_ns_fd;
  if (fd < 0 || setns(fd, CLONE_NEWPID) != 0) {
    return fd < 0 ? EINVAL : errno;
  }
  children_level = level;
  nest_pending = 0; /* an unused namespace left behind is gone with its last reference */
  return 0;
}

static void reply_holder(long pid) {
  if (pid == 0) {
    reply("error agent out of holder stacks");
  } else if (pid < 0) {
    reply("errno %s", errno_name((int)-pid));
  } else {
    reply_nspid(pid);
  }
}

static void do_nest(void) {
  if (nested_ns_fd >= 0) {
    reply("error already nested");
    return;
  }
  int err = own_ns_fd < 0 ? ENOENT : 0;
  /* After a nest whose init could not be created, the agent's children are still born in that
   * unused namespace: try again there, as a process that unshared and failed to fork would. */
  if (err == 0 && !nest_pending && unshare(CLONE_NEWPID) != 0) {
    err = errno;
  }
  if (err != 0) {
    reply("errno %s", errno_name(err));
    return;
  }
  children_level = 1;
  long pid = new_holder();
  nest_pending = pid <= 0;
  if (pid > 0) {
    nested_init = pid;
    nested_ns_fd = open("/proc/self/ns/pid_for_children", O_RDONLY | O_CLOEXEC);
    if (nested_ns_fd < 0) {
      reply("error open pid_for_children %s", errno_name(errno));
      return;
    }
  }
  reply_holder(pid);
}

static void do_alloc_at(long level) {
  if (level < 0 || level > 1) {
    reply("error level %ld (expected: 0 or 1)", level);
    return;
  }
  int err = born_at((int)level);
  if (err != 0) {
    reply("error setns to level %ld %s", level, errno_name(err));
    return;
  }
  reply_holder(new_holder());
}

/* Kills the nested namespace's init. Its exit kills the rest of the namespace and waits until
 * they are reaped; they are the agent's children, so the agent reaps whichever dies until the
 * init itself is reaped (waiting for the init alone would never end). */
static void free_nested_init(long pid) {
  char killed[4096];
  size_t len = 0;
  killed[0] = '\0';
  if (kill((pid_t)pid, SIGKILL) != 0) {
    reply("error kill %ld %s", pid, errno_name(errno));
    return;
  }
  long odd = 0;
  for (;;) {
    int status;
    pid_t got = waitpid(-1, &status, 0);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      reply("error waitpid %s", errno_name(errno));
      return;
    }
    if (got < PID_LIMIT && slot_of_pid[got] != 0) {
      give_slot(slot_of_pid[got] - 1);
      slot_of_pid[got] = 0;
      live_holders--;
    }
    if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL) {
      odd = got;
    }
    if (got == pid) {
      break;
    }
    if (len < sizeof killed - 16) {
      len += (size_t)snprintf(killed + len, sizeof killed - len, " %d", (int)got);
    }
  }
  close(nested_ns_fd);
  nested_ns_fd = -1;
  nested_init = 0;
  int err = born_at(0);
  if (odd != 0 || err != 0) {
    reply("error after the nested init: %ld did not die of SIGKILL, setns %s", odd,
          errno_name(err));
    return;
  }
  reply("ok killed%s", killed);
}

static void do_free(long pid) {
  if (pid <= 1 || pid >= PID_LIMIT || slot_of_pid[pid] == 0) {
    reply("errno EINVAL"); /* not held: the model refuses it the same way */
    return;
  }
  if (pid == nested_init) {
    free_nested_init(pid);
    return;
  }
  if (kill((pid_t)pid, SIGKILL) != 0) {
    reply("error kill %ld %s", pid, errno_name(errno));
    return;
  }
  int status;
  pid_t got;
  do {
    got = waitpid((pid_t)pid, &status, 0);
  } while (got < 0 && errno == EINTR);
  if (got != pid) {
    reply("error waitpid %ld %s", pid, errno_name(errno));
    return;
  }
  give_slot(slot_of_pid[pid] - 1);
  slot_of_pid[pid] = 0;
  live_holders--;
  if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL) {
    reply("error holder %ld had died before it was freed (wait status %#x)", pid, status);
    return;
  }
  reply("ok");
}

/* Whether pid_max belongs to the namespace (Linux 6.14 and later). Before that it is one global
 * value, and writing it from here would change the whole machine's, so the agent refuses to. */
static int pid_max_per_ns;

static int release_at_least(const char *release, int major, int minor) {
  int ma = 0, mi = 0;
  if (sscanf(release, "%d.%d", &ma, &mi) != 2) {
    return 0;
  }
  return ma > major || (ma == major && mi >= minor);
}

static void do_set(const char *path, long value) {
  if (path == PID_MAX && !pid_max_per_ns) {
    reply("errno EPERM");
    return;
  }
  int err = write_sysctl(path, value);
  if (err == 0) {
    reply("ok");
  } else {
    reply("errno %s", errno_name(err));
  }
}

/* Calls visit(pid) for every pid this namespace's /proc lists; returns -1 when it cannot read. */
static int for_each_proc_pid(void (*visit)(long pid, void *ctx), void *ctx) {
  DIR *dir = opendir("/proc");
  if (dir == NULL) {
    return -1;
  }
  struct dirent *e;
  while ((e = readdir(dir)) != NULL) {
    char *end;
    long pid = strtol(e->d_name, &end, 10);
    if (*e->d_name >= '0' && *e->d_name <= '9' && *end == '\0') {
      visit(pid, ctx);
    }
  }
  closedir(dir);
  return 0;
}

struct next_ctx {
  long after;
  long best;
};

static void visit_next(long pid, void *p) {
  struct next_ctx *c = p;
  if (pid > c->after && (c->best < 0 || pid < c->best)) {
    c->best = pid;
  }
}

static void do_next(long after) {
  struct next_ctx c = {after, -1};
  if (for_each_proc_pid(visit_next, &c) != 0) {
    reply("error /proc %s", errno_name(errno));
    return;
  }
  reply("pid %ld", c.best);
}

struct check_ctx {
  long count;
  long first_stranger; /* a pid in /proc that is neither 1 nor a live holder */
  long first_dead;     /* a holder that is no longer waiting (a zombie: it crashed) */
};

/* The state letter of /proc/PID/stat, after the command name in parentheses. */
static char proc_state(long pid) {
  char path[64], text[256];
  snprintf(path, sizeof path, "/proc/%ld/stat", pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return '?';
  }
  ssize_t n = read(fd, text, sizeof text - 1);
  close(fd);
  if (n <= 0) {
    return '?';
  }
  text[n] = '\0';
  char *paren = strrchr(text, ')');
  return paren != NULL && paren[1] == ' ' ? paren[2] : '?';
}

static void visit_check(long pid, void *p) {
  struct check_ctx *c = p;
  c->count++;
  if (pid == 1) {
    return;
  }
  if ((pid >= PID_LIMIT || slot_of_pid[pid] == 0) && c->first_stranger < 0) {
    c->first_stranger = pid;
  } else if (c->first_dead < 0 && pid < PID_LIMIT && slot_of_pid[pid] != 0) {
    char state = proc_state(pid);
    /* Waiting (S), not yet there (R: just cloned), or briefly in the kernel (D) are all alive.
     * A crashed holder is a zombie (Z); every free also checks that the holder died of the
     * agent's SIGKILL and nothing else. */
    if (state == 'Z' || state == 'X' || state == 'x' || state == 'T' || state == 't') {
      c->first_dead = pid;
    }
  }
}

static void do_check(void) {
  struct check_ctx c = {0, -1, -1};
  if (for_each_proc_pid(visit_check, &c) != 0) {
    reply("error /proc %s", errno_name(errno));
  } else if (c.first_stranger >= 0) {
    reply("mismatch stranger=%ld count=%ld holders=%ld", c.first_stranger, c.count, live_holders);
  } else if (c.first_dead >= 0) {
    reply("mismatch holder=%ld is not alive (state %c)", c.first_dead, proc_state(c.first_dead));
  } else if (c.count != live_holders + 1) {
    reply("mismatch count=%ld holders=%ld", c.count, live_holders);
  } else {
    reply("ok count=%ld", c.count);
  }
}

static void handle(char *line) {
  char cmd[32];
  long arg = 0;
  int n = sscanf(line, "%31s %ld", cmd, &arg);
  if (n < 1) {
    reply("error empty request");
  } else if (tasks_handle(line)) {
    /* the process level, or a sysctl of a task's namespace: answered */
  } else if (strcmp(cmd, "alloc") == 0) {
    do_alloc();
  } else if (strcmp(cmd, "free") == 0 && n == 2) {
    do_free(arg);
  } else if (strcmp(cmd, "set_last") == 0 && n == 2) {
    do_set(NS_LAST_PID, arg);
  } else if (strcmp(cmd, "set_pid_max") == 0 && n == 2) {
    do_set(PID_MAX, arg);
  } else if (strcmp(cmd, "next") == 0 && n == 2) {
    do_next(arg);
  } else if (strcmp(cmd, "get_last") == 0) {
    reply("value %ld", read_sysctl(NS_LAST_PID));
  } else if (strcmp(cmd, "get_pid_max") == 0) {
    reply("value %ld", read_sysctl(PID_MAX));
  } else if (strcmp(cmd, "nest") == 0) {
    do_nest();
  } else if (strcmp(cmd, "alloc_at") == 0 && n == 2) {
    do_alloc_at(arg);
  } else if (strcmp(cmd, "check") == 0) {
    do_check();
  } else if (strcmp(cmd, "quit") == 0) {
    flush_out();
    exit(0);
  } else {
    reply("error unknown request: %.64s", line);
  }
}

/* Reads requests until end of input. Replies are flushed whenever no further request is
 * already buffered, so a caller may send a batch and read the batch of replies. */
static void serve(void) {
  static char in[1 << 16];
  size_t len = 0;
  for (;;) {
    char *nl = memchr(in, '\n', len);
    if (nl == NULL) {
      if (len == sizeof in) {
        reply("error request too long");
        len = 0;
      }
      flush_out();
      ssize_t n = read(STDIN_FILENO, in + len, sizeof in - len);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        return;
      }
      len += (size_t)n;
      continue;
    }
    *nl = '\0';
    handle(in);
    size_t used = (size_t)(nl - in) + 1;
    memmove(in, in + used, len - used);
    len -= used;
  }
}

/* ---- start-up --------------------------------------------------------------------------- */

static void say_unavailable(const char *what, int err) {
  printf("unavailable %s: %s\n", what, strerror(err));
  fflush(stdout);
  _exit(3);
}

/* How many PID namespace levels may be made below the agent's namespace: MAX_PID_NS_LEVEL (32)
 * counts from the machine's initial namespace, so it depends on where the agent runs. */
static int max_depth = 32;

/* Probed before the agent's namespace exists (its forks must take no pid there): a chain of
 * children, each unsharing a new PID namespace and forking into it, until the kernel answers
 * ENOSPC; the deepest one writes the chain's length to a pipe, and the chain ends by itself
 * (each level waits for the next) without the agent waiting for it. In a user namespace of its own when the caller lacks
 * CAP_SYS_ADMIN. Answers the levels below the caller's namespace, or -1. */
static int probe_depth(void) {
  int p[2];
  if (pipe2(p, O_CLOEXEC) != 0) {
    return -1;
  }
  pid_t probe = fork();
  if (probe == 0) {
    close(p[0]);
    if (unshare(CLONE_NEWPID) != 0 && (unshare(CLONE_NEWUSER) != 0 || unshare(CLONE_NEWPID) != 0)) {
      _exit(1);
    }
    for (int depth = 1;; depth++) {
      pid_t c = fork(); /* pid 1 of the namespace just made */
      if (c != 0) { /* stays until its child is done: its exit would kill the rest */
        while (c > 0 && waitpid(c, NULL, 0) < 0 && errno == EINTR) {
        }
        _exit(0);
      }
      if (unshare(CLONE_NEWPID) != 0) {
        if (errno == ENOSPC && write(p[1], &depth, sizeof depth) != (ssize_t)sizeof depth) {
          _exit(1);
        }
        _exit(0);
      }
    }
  }
  close(p[1]);
  int depth = -1;
  if (probe < 0 || read(p[0], &depth, sizeof depth) != (ssize_t)sizeof depth) {
    depth = -1;
  }
  close(p[0]);
  return depth;
}

/* pid 1 of the new namespace. */
static void run_init(void) {
  prctl(PR_SET_PDEATHSIG, SIGKILL); /* the outer process is our only link to the caller */
  if (getpid() != 1) {
    say_unavailable("pid namespace", EINVAL);
  }
  if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
    say_unavailable("mount --make-rprivate /", errno);
  }
  if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) != 0) {
    say_unavailable("mount proc", errno);
  }
  slot_of_pid = calloc(PID_LIMIT, sizeof(int)); /* untouched pages cost nothing */
  own_ns_fd = open("/proc/self/ns/pid", O_RDONLY | O_CLOEXEC); /* for alloc_at 0 after nest */
  if (slot_of_pid == NULL) {
    say_unavailable("memory", ENOMEM);
  }
  struct utsname u;
  uname(&u);
  pid_max_per_ns = release_at_least(u.release, 6, 14);
  long pid_max = read_sysctl(PID_MAX);
  /* Writing the value it already has tells whether we may write it at all. */
  int werr = !pid_max_per_ns ? EPERM : pid_max > 0 ? write_sysctl(PID_MAX, pid_max) : ENOENT;
  setsid(); /* t1, the namespace's init, leads its own session and process group */
  tasks_init();
  reply("hello protocol=1 agent=linux-kernel ops=" OPS " features=" FEATURES
        " pid=%d pid_max=%ld last=%ld max_depth=%d pid_max_per_ns=%s pid_max_writable=%s%s"
        " release=%s",
        (int)getpid(), pid_max, read_sysctl(NS_LAST_PID), max_depth,
        pid_max_per_ns ? "yes" : "no", werr == 0 ? "yes" : "no:", werr == 0 ? "" : errno_name(werr),
        u.release);
  serve();
  flush_out();
  exit(0);
}

static int write_file(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    return errno;
  }
  ssize_t n = write(fd, text, strlen(text));
  int err = n == (ssize_t)strlen(text) ? 0 : (n < 0 ? errno : EIO);
  close(fd);
  return err;
}

/* For a caller without CAP_SYS_ADMIN: new user, PID and mount namespaces at once, our uid and gid
 * mapped to 0 inside, so that pid 1 may mount /proc and write the namespace's sysctls. */
static void enter_user_namespace(void) {
  uid_t uid = geteuid();
  gid_t gid = getegid();
  if (unshare(CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS) != 0) {
    say_unavailable("unshare(CLONE_NEWPID|CLONE_NEWNS) as a non-root user, also with"
                    " CLONE_NEWUSER", errno);
  }
  char map[64];
  int err = write_file("/proc/self/setgroups", "deny");
  snprintf(map, sizeof map, "0 %u 1\n", (unsigned)uid);
  err = err ? err : write_file("/proc/self/uid_map", map);
  snprintf(map, sizeof map, "0 %u 1\n", (unsigned)gid);
  err = err ? err : write_file("/proc/self/gid_map", map);
  if (err != 0) {
    say_unavailable("user namespace id maps", err);
  }
}

int main(int argc, char **argv) {
  unsigned max_seconds = 600;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--max-seconds") == 0 && i + 1 < argc) {
      max_seconds = (unsigned)strtoul(argv[++i], NULL, 10);
    } else {
      fprintf(stderr, "usage: pidmap-agent [--max-seconds N]\n");
      return 2;
    }
  }
  int below = probe_depth();
  max_depth = below > 0 ? below - 1 : 32; /* the agent's namespace is one level down */
  if (unshare(CLONE_NEWPID | CLONE_NEWNS) != 0) {
    int err = errno;
    if (err != EPERM || geteuid() == 0) {
      say_unavailable("unshare(CLONE_NEWPID|CLONE_NEWNS)", err);
    }
    enter_user_namespace(); /* not root: a user namespace of our own may still allow it */
  }
  pid_t init = fork();
  if (init < 0) {
    say_unavailable("fork", errno);
  }
  if (init == 0) {
    run_init();
  }
  /* The outer process holds no pid in the new namespace; it only bounds the run in time and
   * passes on pid 1's exit status. SIGALRM's default action ends it, and PDEATHSIG then ends
   * pid 1 and with it the namespace. */
  close(STDIN_FILENO);
  alarm(max_seconds);
  int status;
  while (waitpid(init, &status, 0) < 0) {
    if (errno != EINTR) {
      return 5;
    }
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
