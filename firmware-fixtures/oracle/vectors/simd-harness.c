/*
 * FP/SIMD instruction-vector harness for Warden's AArch64 core, run under qemu-aarch64.
 * Reads lines "WORD X0 X1 V0 V1 V2 V3 NZCV FPCR" (hex; a V is 32 digits, high half first),
 * executes WORD once with x0, x1, v0..v3, the flags and FPCR loaded and FPSR clear, and prints
 * "WORD X0 X1 V0 V1 V2 V3 NZCV FPSR" after it, or "WORD UNDEF" when it raised SIGILL.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

/* offsets: x 0, v 16 (4 x 16 bytes), nzcv 80, fpcr 88, fpsr 96 */
struct state { uint64_t x[2]; uint64_t v[8]; uint64_t nzcv, fpcr, fpsr; };

void run_one(struct state *s, void *code);
__asm__(
    ".global run_one\n"
    "run_one:\n"
    "  stp x29, x30, [sp, #-32]!\n"
    "  stp x19, x20, [sp, #16]\n"
    "  mov x19, x0\n"
    "  mov x20, x1\n"
    "  ldr x9, [x19, #80]\n"
    "  msr nzcv, x9\n"
    "  ldr x9, [x19, #88]\n"
    "  msr fpcr, x9\n"
    "  msr fpsr, xzr\n"
    "  ldp q0, q1, [x19, #16]\n"
    "  ldp q2, q3, [x19, #48]\n"
    "  ldp x0, x1, [x19]\n"
    "  blr x20\n"
    "  stp x0, x1, [x19]\n"
    "  stp q0, q1, [x19, #16]\n"
    "  stp q2, q3, [x19, #48]\n"
    "  mrs x9, nzcv\n"
    "  str x9, [x19, #80]\n"
    "  mrs x9, fpsr\n"
    "  str x9, [x19, #96]\n"
    "  msr fpcr, xzr\n"
    "  ldp x19, x20, [sp, #16]\n"
    "  ldp x29, x30, [sp], #32\n"
    "  ret\n");

static sigjmp_buf undefined;

static void on_sigill(int sig) {
    (void) sig;
    siglongjmp(undefined, 1);
}

static int parse128(const char *s, uint64_t *lo, uint64_t *hi) {
    char h[17], l[17];
    if (strlen(s) < 32) return 0;
    memcpy(h, s, 16); h[16] = 0;
    memcpy(l, s + 16, 16); l[16] = 0;
    return sscanf(h, "%lx", hi) == 1 && sscanf(l, "%lx", lo) == 1;
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

    char line[512];
    while (fgets(line, sizeof line, stdin)) {
        unsigned int word;
        struct state s;
        char v[4][64];
        unsigned long x0, x1, nzcv, fpcr;
        if (line[0] == '#' || line[0] == '\n') continue;
        if (sscanf(line, "%x %lx %lx %63s %63s %63s %63s %lx %lx", &word, &x0, &x1, v[0], v[1], v[2], v[3], &nzcv, &fpcr) != 9) {
            fprintf(stderr, "bad vector line: %s", line);
            return 2;
        }
        memset(&s, 0, sizeof s);
        s.x[0] = x0; s.x[1] = x1; s.nzcv = nzcv << 28; s.fpcr = fpcr;
        for (int i = 0; i < 4; i++) {
            if (!parse128(v[i], &s.v[2 * i], &s.v[2 * i + 1])) {
                fprintf(stderr, "bad vector register: %s", line);
                return 2;
            }
        }
        code[0] = word;
        code[1] = 0xd65f03c0; /* ret */
        __builtin___clear_cache((char *) code, (char *) (code + 2));
        if (sigsetjmp(undefined, 1)) {
            printf("%08x UNDEF\n", word);
            continue;
        }
        run_one(&s, code);
        printf("%08x %016lx %016lx", word, s.x[0], s.x[1]);
        for (int i = 0; i < 4; i++) printf(" %016lx%016lx", s.v[2 * i + 1], s.v[2 * i]);
        printf(" %lx %lx\n", s.nzcv >> 28, s.fpsr);
    }
    return 0;
}
