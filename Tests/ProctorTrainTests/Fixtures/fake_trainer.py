"""A stand-in for Proctor's trainer script: prints the same JSON events, on a schedule the test
chooses with its first argument.
  ok    versions, the held-out loss before and after three steps, saved
  fail  one step, then an error event and a message on standard error; exit 1
  crash a message on standard error only; exit 3
  hang  one step, then waits; an interrupt prints `interrupted` and exits 130
"""
import json
import sys
import time


def say(**event):
    print(json.dumps(event), flush=True)


mode = sys.argv[1]
say(event="versions", versions={"torch": "fake", "peft": "fake"})
print("a library warning that reached standard output", flush=True)
if mode == "ok":
    say(event="eval", step=0, loss=3.0, seconds=0.05, peak_rss=1000)
    for step in (1, 2, 3):
        say(event="step", step=step, loss=2.0 / step, seconds=0.1 * step)
    say(event="eval", step=3, loss=1.5, seconds=0.35, peak_rss=2000)
    say(event="saved", adapter="/tmp/adapter")
elif mode == "fail":
    say(event="step", step=1, loss=2.5, seconds=0.1)
    for line in range(30):
        print(f"traceback line {line}", file=sys.stderr)
    print("RuntimeError: CPU out of memory", file=sys.stderr)
    say(event="error", message="RuntimeError: CPU out of memory")
    sys.exit(1)
elif mode == "crash":
    print("Segmentation fault in a native extension", file=sys.stderr)
    sys.exit(3)
elif mode == "hang":
    say(event="step", step=1, loss=2.5, seconds=0.1)
    try:
        time.sleep(60)
    except KeyboardInterrupt:
        say(event="interrupted")
        sys.exit(130)
