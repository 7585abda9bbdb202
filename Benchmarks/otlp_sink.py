#!/usr/bin/env python3
"""A minimal OTLP/HTTP receiver for the load benchmark: accepts POST /v1/traces (protobuf),
answers 200 and counts requests and bytes; prints the counts when stopped (SIGTERM).

usage: otlp_sink.py PORT
"""
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counts = {"requests": 0, "bytes": 0}


class Sink(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        self.rfile.read(length)
        counts["requests"] += 1
        counts["bytes"] += length
        self.send_response(200 if self.headers.get("Content-Type") == "application/x-protobuf" else 415)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink)

    def stop(*_):
        print(f"otlp sink: {counts['requests']} requests, {counts['bytes'] / 1e6:.1f} MB", file=sys.stderr)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    server.serve_forever()


if __name__ == "__main__":
    main()
