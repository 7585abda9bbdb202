#!/usr/bin/env python3
"""Runs a command N times; prints its median and best wall time and its peak resident memory.

usage: measure.py LABEL N -- COMMAND...
Peak RSS is the largest ru_maxrss of the measured child processes (Linux reports KiB).
"""
import resource
import statistics
import subprocess
import sys
import time


def main() -> int:
    label, repeats = sys.argv[1], int(sys.argv[2])
    command = sys.argv[sys.argv.index("--") + 1:]
    walls = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        walls.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.stderr.write(result.stderr.decode(errors="replace"))
            print(f"{label}: command failed with exit code {result.returncode}")
            return 1
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    unit = "ms" if max(walls) < 1 else "s"
    scale = 1000 if unit == "ms" else 1
    print(f"{label}: median {statistics.median(walls) * scale:.1f} {unit}, best {min(walls) * scale:.1f} {unit} "
          f"over {repeats} runs; peak RSS {peak_mib:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
