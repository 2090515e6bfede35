/*
 * Preloaded under valgrind by benchmarks/scan-corpus.sh, never linked into Chaperone.
 *
 * valgrind 3.19 (Debian 12's) writes into the signal mask that rt_sigsuspend is given.
 * libdispatch, which runs a Swift program's async main on Linux, passes a mask held in
 * read-only memory, so valgrind faults on it ("VALGRIND INTERNAL ERROR: ... SIGSEGV" in
 * sys_rt_sigsuspend) before the program does any work. Handing the kernel a copy on the
 * stack instead changes nothing the program sees and lets callgrind count instructions.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, sizeof(unsigned long));
}
