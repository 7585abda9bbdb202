// A stand-in for NVIDIA's libnvidia-ml.so.1 with the symbols Proctor loads, answering from a
// script so that tests without a GPU exercise the loading and the arithmetic. The script is the
// file named like this library plus ".script"; each line is a key and values:
//   devices N | name TEXT | energy MJ… (or "none") | power MW… | util GPU MEM | memory USED TOTAL
// Successive calls take successive values; the last one repeats.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXV 64
static unsigned devices = 1;
static char name[96] = "Fake GPU";
static unsigned long long energy[MAXV]; static int energyCount = 0, energyCall = 0, energyNone = 0;
static unsigned power[MAXV]; static int powerCount = 0, powerCall = 0;
static unsigned util[2] = {0, 0};
static unsigned long long memory[2] = {0, 0};

static int load(void) {
    Dl_info info;
    if (!dladdr((void *)load, &info) || !info.dli_fname) return 1;
    char path[4096];
    snprintf(path, sizeof path, "%s.script", info.dli_fname);
    FILE *file = fopen(path, "r");
    if (!file) return 1;
    char line[1024];
    energyCount = powerCount = energyCall = powerCall = energyNone = 0;
    while (fgets(line, sizeof line, file)) {
        line[strcspn(line, "\n")] = 0;
        char *rest = strchr(line, ' ');
        if (!rest) continue;
        *rest++ = 0;
        if (!strcmp(line, "devices")) devices = (unsigned)strtoul(rest, NULL, 10);
        else if (!strcmp(line, "name")) snprintf(name, sizeof name, "%s", rest);
        else if (!strcmp(line, "energy")) {
            if (!strcmp(rest, "none")) { energyNone = 1; continue; }
            for (char *t = strtok(rest, " "); t && energyCount < MAXV; t = strtok(NULL, " ")) energy[energyCount++] = strtoull(t, NULL, 10);
        } else if (!strcmp(line, "power")) {
            for (char *t = strtok(rest, " "); t && powerCount < MAXV; t = strtok(NULL, " ")) power[powerCount++] = (unsigned)strtoul(t, NULL, 10);
        } else if (!strcmp(line, "util")) sscanf(rest, "%u %u", &util[0], &util[1]);
        else if (!strcmp(line, "memory")) sscanf(rest, "%llu %llu", &memory[0], &memory[1]);
    }
    fclose(file);
    return 0;
}

int nvmlInit_v2(void) { return load() ? 999 : 0; }
int nvmlShutdown(void) { return 0; }
int nvmlDeviceGetCount_v2(unsigned *count) { *count = devices; return 0; }
int nvmlDeviceGetHandleByIndex_v2(unsigned index, void **device) {
    if (index >= devices) return 2;
    *device = (void *)(unsigned long)(index + 1);
    return 0;
}
int nvmlDeviceGetName(void *device, char *out, unsigned length) { (void)device; snprintf(out, length, "%s", name); return 0; }
int nvmlDeviceGetPowerUsage(void *device, unsigned *milliwatts) {
    (void)device;
    if (!powerCount) return 3;
    *milliwatts = power[powerCall < powerCount ? powerCall++ : powerCount - 1];
    return 0;
}
int nvmlDeviceGetTotalEnergyConsumption(void *device, unsigned long long *millijoules) {
    (void)device;
    if (energyNone || !energyCount) return 3;  // NVML_ERROR_NOT_SUPPORTED
    *millijoules = energy[energyCall < energyCount ? energyCall++ : energyCount - 1];
    return 0;
}
int nvmlDeviceGetUtilizationRates(void *device, unsigned *rates) { (void)device; rates[0] = util[0]; rates[1] = util[1]; return 0; }
int nvmlDeviceGetMemoryInfo(void *device, unsigned long long *info) {
    (void)device;
    info[0] = memory[1]; info[1] = memory[1] - memory[0]; info[2] = memory[0];
    return 0;
}
