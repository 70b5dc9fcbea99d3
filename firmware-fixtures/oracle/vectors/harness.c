/*
 * Instruction-vector harness for Warden's AArch64 core, run under qemu-aarch64.
 * Reads lines "WORD X0 X1 X2 X3 NZCV" (hex), executes WORD once with x0..x3 and the flags loaded,
 * and prints "WORD X0 X1 X2 X3 NZCV" after it, or "WORD UNDEF" when the instruction raised SIGILL.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

struct state { uint64_t x[4]; uint64_t nzcv; };

/* x0: state, x1: code. Loads the state, calls the code, stores the state back. */
void run_one(struct state *s, void *code);
__asm__(
    ".global run_one\n"
    "run_one:\n"
    "  stp x29, x30, [sp, #-32]!\n"
    "  stp x19, x20, [sp, #16]\n"
    "  mov x19, x0\n"
    "  mov x20, x1\n"
    "  ldr x9, [x19, #32]\n"
    "  msr nzcv, x9\n"
    "  ldp x0, x1, [x19]\n"
    "  ldp x2, x3, [x19, #16]\n"
    "  blr x20\n"
    "  stp x0, x1, [x19]\n"
    "  stp x2, x3, [x19, #16]\n"
    "  mrs x9, nzcv\n"
    "  str x9, [x19, #32]\n"
    "  ldp x19, x20, [sp, #16]\n"
    "  ldp x29, x30, [sp], #32\n"
    "  ret\n");

static sigjmp_buf undefined;

static void on_sigill(int sig) {
    (void) sig;
    siglongjmp(undefined, 1);
}

int main(void) {
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigill;
    sigaction(SIGILL, &sa, NULL);

    char line[256];
    while (fgets(line, sizeof line, stdin)) {
        unsigned int word;
        struct state s;
        unsigned long long x0, x1, x2, x3, nzcv;
        if (line[0] == '#' || line[0] == '\n') continue;
        if (sscanf(line, "%x %llx %llx %llx %llx %llx", &word, &x0, &x1, &x2, &x3, &nzcv) != 6) {
            fprintf(stderr, "bad vector line: %s", line);
            return 2;
        }
        s.x[0] = x0; s.x[1] = x1; s.x[2] = x2; s.x[3] = x3; s.nzcv = nzcv << 28;
        code[0] = word;
        code[1] = 0xd65f03c0; /* ret */
        __builtin___clear_cache((char *) code, (char *) (code + 2));
        if (sigsetjmp(undefined, 1)) {
            printf("%08x UNDEF\n", word);
            continue;
        }
        run_one(&s, code);
        printf("%08x %016llx %016llx %016llx %016llx %llx\n", word,
               (unsigned long long) s.x[0], (unsigned long long) s.x[1],
               (unsigned long long) s.x[2], (unsigned long long) s.x[3],
               (unsigned long long) (s.nzcv >> 28));
    }
    return 0;
}
