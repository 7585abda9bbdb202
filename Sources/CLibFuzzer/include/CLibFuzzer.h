#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, from its runtime without a main (libclang_rt.fuzzer_no_main): runs
/// `callback` on each input as libFuzzer's own main would, with the same command-line flags.
/// Linked only in the fuzzing build (scripts/fuzz.sh); other builds never call it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
