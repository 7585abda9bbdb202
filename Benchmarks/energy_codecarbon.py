#!/usr/bin/env python3
"""Proctor's energy estimate beside CodeCarbon's own, for the same process tree and window.

Run by Benchmarks/energy.sh inside a venv with codecarbon. This script starts CodeCarbon's tracker
in process mode (it watches this process and its children), then as children: `proctor sim`, a
`proctor monitor --pid <this pid>` recording (the same tree), and a `proctor load` against the
simulator. When the recording ends, the tracker stops; both totals are printed.

usage: energy_codecarbon.py PROCTOR_BINARY WORK_DIR SECONDS
"""
import csv
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

from codecarbon import OfflineEmissionsTracker


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    binary, work, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    tracker = OfflineEmissionsTracker(
        tracking_mode="process", measure_power_secs=1, country_iso_code="FRA", output_dir=work, log_level="error",
        project_name="proctor-benchmark")
    tracker.start()
    port = free_port()
    sim = subprocess.Popen([binary, "sim", "--port", str(port), "--capacity", "16", "--tokens-per-second", "400"],
                           stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
            break
        except Exception:
            time.sleep(0.05)
    monitor = subprocess.Popen(
        [binary, "monitor", "--pid", str(os.getpid()), "--interval", "1s", "--duration", f"{seconds}s", "--country", "FRA",
         "--store", f"{work}/monitor.db", "--json"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    load = subprocess.Popen(
        [binary, "load", "--model", f"http://127.0.0.1:{port}/v1", "--rate", "200", "--requests-per-step", str(200 * (seconds - 4)),
         "--input-tokens", "64", "--output-tokens", "32", "--no-monitor", "--store", f"{work}/load.db", "--json"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out, _ = monitor.communicate()
    tracker.stop()
    load.wait()
    sim.terminate()
    sim.wait()

    proctor = json.loads(out)["resources"]
    with open(f"{work}/emissions.csv") as handle:
        row = list(csv.DictReader(handle))[-1]
    cc = {
        "seconds": float(row["duration"]),
        "cpu": float(row["cpu_energy"]) * 3.6e6,
        "ram": float(row["ram_energy"]) * 3.6e6,
        "total": float(row["energy_consumed"]) * 3.6e6,
    }
    pr = {
        "seconds": proctor["coveredSeconds"],
        "cpu": proctor["joulesByComponent"].get("cpu", 0.0),
        "ram": proctor["joulesByComponent"].get("ram", 0.0),
        "total": proctor["totalJoules"],
    }
    print(f"CodeCarbon {row['codecarbon_version']} (process mode, {row['cpu_model']}, {row['cpu_count']} CPUs): "
          f"{cc['total']:.1f} J over {cc['seconds']:.1f} s = {cc['total'] / cc['seconds']:.2f} W "
          f"(cpu {cc['cpu']:.1f} J, ram {cc['ram']:.1f} J)")
    print(f"Proctor monitor ({proctor['energySource']}): "
          f"{pr['total']:.1f} J over {pr['seconds']:.1f} s = {pr['total'] / pr['seconds']:.2f} W "
          f"(cpu {pr['cpu']:.1f} J, ram {pr['ram']:.1f} J)")
    for key in ("total", "cpu", "ram"):
        a = cc[key] / cc["seconds"]
        b = pr[key] / pr["seconds"]
        print(f"mean {key} power: Proctor {b:.3f} W vs CodeCarbon {a:.3f} W: {100 * (b - a) / a:+.1f}%")
    print(f"energy: Proctor {pr['total']:.1f} J vs CodeCarbon {cc['total']:.1f} J: {100 * (pr['total'] - cc['total']) / cc['total']:+.1f}% "
          f"(windows {pr['seconds']:.1f} s and {cc['seconds']:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
