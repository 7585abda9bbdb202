// Declarations only: libFuzzer provides the driver in the fuzzing build.
#include "CLibFuzzer.h"
