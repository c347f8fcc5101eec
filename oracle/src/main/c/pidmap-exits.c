/*
 * The kernel agent's exit and reap (docs/AGENT-PROTOCOL.md): each reply waits until the kernel's
 * state has settled, so that the next request sees it whole. A task that exits ends in one of
 * four states, read from /proc (its stat letter and its wchan):
 *
 *   gone      released: its /proc entry is gone and its number is free (a thread, or a task
 *             reaped at once because its parent ignores SIGCHLD)
 *   zombie    Z, its threads gone: it holds its numbers until its parent reaps it
 *   zap wait  a namespace's init in zap_pid_ns_processes, waiting until every other pid of its
 *             namespace is freed (zombies whose parent is outside the namespace hold theirs)
 *   child wait  a namespace's init in that zap's wait for its own children (one of them is an
 *             init waiting in its own zap)
 *
 * When a namespace's init exits, the kernel kills every task with a number in that namespace;
 * the agent knows which tasks those are from the namespaces each task was born in (their inode
 * numbers, recorded at birth), and waits for every one of them too. After a reap, an init that
 * waited may go on: every init still waiting is waited for again.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/nsfs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pidmap-agent.h"
#include "pidmap-tasks.h"

enum { MOVING, GONE, ZOMBIE, ZAP_WAIT, CHILD_WAIT };

void record_namespaces(int s) {
  struct slot *ts = &slots[s];
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/ns/pid", ts->nspid[0]);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  ts->nchain = 0;
  while (fd >= 0 && ts->nchain < MAX_LEVELS) {
    struct stat st;
    if (fstat(fd, &st) != 0) {
      break;
    }
    ts->chain[ts->nchain++] = (unsigned long long)st.st_ino;
    int up = ioctl(fd, NS_GET_PARENT); /* EPERM above the agent's own namespace */
    close(fd);
    fd = up;
  }
  if (fd >= 0) {
    close(fd);
  }
}

static int in_namespace(int s, unsigned long long ns) {
  for (int i = 0; i < slots[s].nchain; i++) {
    if (slots[s].chain[i] == ns) {
      return 1;
    }
  }
  return 0;
}

static int is_init(int s) {
  return s != 0 && slots[s].nlevels > 1 && slots[s].nspid[slots[s].nlevels - 1] == 1;
}

/* A small /proc file of pid's, or "" when it is gone. */
static void proc_file(int pid, const char *name, char *out, size_t size) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/%s", pid, name);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  ssize_t n = fd < 0 ? 0 : read(fd, out, size - 1);
  if (fd >= 0) {
    close(fd);
  }
  out[n > 0 ? n : 0] = '\0';
}

static int threads_of(int pid) {
  char text[2048];
  proc_file(pid, "status", text, sizeof text);
  char *t = strstr(text, "\nThreads:");
  return t == NULL ? 0 : atoi(t + 9);
}

/* Whether a task the agent knows (running or a zombie) has nr as its process group or session:
 * then a gone task's number stays taken by that link, not by a release still on its way. */
static int held_as_group(int nr) {
  for (int i = 0; i < MAX_TASKS; i++) {
    if (!slots[i].used || slots[i].nlevels == 0) {
      continue;
    }
    char stat[512];
    proc_file(slots[i].nspid[0], "stat", stat, sizeof stat);
    char *paren = strrchr(stat, ')');
    char state;
    int ppid, pgrp, session;
    if (paren != NULL && sscanf(paren + 1, " %c %d %d %d", &state, &ppid, &pgrp, &session) == 4
        && (pgrp == nr || session == nr)) {
      return 1;
    }
  }
  return 0;
}

/* Where a task that was told to exit, or was killed, stands now. */
static int classify(int s) {
  int pid = slots[s].nspid[0];
  char stat[512], wchan[64];
  proc_file(pid, "stat", stat, sizeof stat);
  char *paren = strrchr(stat, ')');
  char st = paren != NULL && paren[1] == ' ' ? paren[2] : 0;
  if (st == 0) {
    /* its /proc entry goes a moment before its number is free (since Linux 6.15 the numbers
     * are freed after the tasklist lock is dropped); a number some task still has as its process
     * group or session stays taken (an init in its child's group: 6.18 keeps it in its zap) */
    return number_free(pid) != 0 || held_as_group(pid) ? GONE : MOVING;
  }
  if (st == 'Z') {
    return !slots[s].thread && threads_of(pid) <= 1 ? ZOMBIE : MOVING;
  }
  if (st == 'S' && is_init(s)) {
    proc_file(pid, "wchan", wchan, sizeof wchan);
    if (strcmp(wchan, "zap_pid_ns_processes") == 0) {
      return ZAP_WAIT;
    }
    if (strcmp(wchan, "do_wait") == 0) {
      return CHILD_WAIT;
    }
  }
  return MOVING;
}

/*
 * Waits until every task of set[] has settled (the same settled state in two polls in a row),
 * then records it: gone frees the name, the others are not running any more. Answers 0, or -1
 * after REPLY_MS with the first task that did not settle in *late.
 */
static int settle(const int *set, int n, int *late) {
  static int was[MAX_TASKS];
  long deadline = now_ms() + REPLY_MS;
  for (int i = 0; i < n; i++) {
    was[i] = -1;
  }
  for (;;) {
    int settled = 1;
    for (int i = 0; i < n; i++) {
      int c = classify(set[i]);
      if (c == MOVING || c != was[i]) {
        settled = 0;
        if (c == MOVING) {
          *late = set[i];
        }
      }
      was[i] = c;
    }
    if (settled) {
      break;
    }
    if (now_ms() > deadline) {
      return -1;
    }
    usleep(200);
  }
  for (int i = 0; i < n; i++) {
    struct slot *ts = &slots[set[i]];
    ts->zombie = 1;
    ts->exiting = was[i] == ZAP_WAIT || was[i] == CHILD_WAIT;
    if (was[i] == GONE) {
      ts->used = 0;
    }
  }
  return 0;
}

/* Adds every init that still waits in its zap: a change may let it go on. */
static int add_exiting(int *set, int n) {
  for (int i = 1; i < MAX_TASKS; i++) {
    if (slots[i].used && slots[i].exiting) {
      int seen = 0;
      for (int k = 0; k < n; k++) {
        seen |= set[k] == i;
      }
      if (!seen) {
        set[n++] = i;
      }
    }
  }
  return n;
}

static void reply_settled(const int *set, int n, const char *what) {
  int late = set[0];
  if (settle(set, n, &late) != 0) {
    reply("error %s: %s did not settle within %d ms", what, slots[late].name, REPLY_MS);
  } else {
    reply("ok");
  }
}

/*
 * exit T: a thread exits alone; a process takes its threads with it (exit_group) and stays a
 * zombie until reaped. When T is a namespace's init, every task of the namespace is killed.
 */
void do_exit(int t) {
  static int set[MAX_TASKS];
  if (t == 0) {
    reply("error t1 is the agent: the root namespace's init does not exit");
    return;
  }
  struct slot *ts = &slots[t];
  int n = 0;
  set[n++] = t;
  for (int i = 1; i < MAX_TASKS && !ts->thread; i++) {
    if (i != t && slots[i].used && slots[i].thread && slots[i].leader == t) {
      set[n++] = i; /* its threads */
    }
  }
  if (is_init(t)) {
    for (int i = 1; i < MAX_TASKS; i++) {
      if (i != t && slots[i].used && slots[i].leader != t && in_namespace(i, ts->chain[0])) {
        set[n++] = i; /* killed by the zap, or already a zombie there */
      }
    }
  }
  n = add_exiting(set, n);
  post_exit(t);
  reply_settled(set, n, "exit");
}

/* reap P C: P calls waitpid(C's number as P sees it, WNOHANG). */
void do_reap(int p, int c) {
  static int set[MAX_TASKS];
  int level = slots[p].nlevels - 1;
  long nr = c >= 0 && slots[c].nlevels > level ? slots[c].nspid[level] : 0x3fffffff;
  slots[p].a = nr;
  long r = run_as(p, CMD_WAIT);
  if (r <= 0 || c < 0) {
    reply_result(r, 1);
    return;
  }
  slots[c].used = 0;
  int n = add_exiting(set, 0);
  int late = 0;
  if (n > 0 && settle(set, n, &late) != 0) {
    reply("error reap: %s did not settle within %d ms", slots[late].name, REPLY_MS);
    return;
  }
  reply_result(r, 1);
}
