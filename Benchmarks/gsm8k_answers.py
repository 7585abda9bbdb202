#!/usr/bin/env python3
"""Writes a simulator script that answers every gsm8k_cot prompt with a chain of thought ending in
the gold answer, so the benchmark scores real text (all correct)."""
import json
import sys

for line in open(sys.argv[1], encoding="utf-8"):
    record = json.loads(line)
    final = record["answer"].split("####")[-1].strip()
    steps = record["answer"].split("####")[0].strip().replace("\n", " ")
    prompt = "Q: " + record["question"] + "\nA:"
    print(json.dumps({"prompt": prompt, "response": f"{steps} The answer is {final}."}))
