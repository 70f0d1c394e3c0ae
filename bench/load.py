"""The load generator, run in its own process: keep-alive HTTP/1.1 over raw asyncio streams
(a client library would cost more CPU than the servers it measures).

    python -m bench.load URL BODY_JSON --saturate --seconds 5 --connections 16
    python -m bench.load URL BODY_JSON --rate 400 --seconds 5

``--saturate``: closed loop, every connection sends its next request when the last one
answers; reports requests/s. ``--rate R``: open loop at R requests/s; each latency counts from
the moment the request was due, so a stalled server cannot hide its queue (no coordinated
omission). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from urllib.parse import urlsplit


class Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, host: str, port: int) -> Connection:
        reader, writer = await asyncio.open_connection(host, port)
        return cls(reader, writer)

    async def call(self, request: bytes) -> int:
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
        await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        self.writer.close()


HEADERS: list[str] = []  # extra "Name: value" lines (--header)


def encode(url: str, body: str) -> tuple[str, int, bytes]:
    parts = urlsplit(url)
    payload = body.encode()
    extra = "".join(f"{h}\r\n" for h in HEADERS)
    request = (
        f"POST {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n{extra}"
        f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n"
    ).encode() + payload
    return parts.hostname or "127.0.0.1", parts.port or 80, request


def summary(latencies: list[float], errors: int, seconds: float) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "errors": errors,
        "rps": len(ordered) / seconds,
        "p50_ms": statistics.median(ordered) * 1000 if ordered else 0.0,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
        if ordered
        else 0.0,
    }


async def saturate(url: str, body: str, seconds: float, connections: int) -> dict[str, float]:
    host, port, request = encode(url, body)
    pool = [await Connection.open(host, port) for _ in range(connections)]
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def loop(conn: Connection) -> None:
        nonlocal errors
        while (started := time.perf_counter()) < deadline:
            if await conn.call(request) != 200:
                errors += 1
            latencies.append(time.perf_counter() - started)

    began = time.perf_counter()
    await asyncio.gather(*(loop(c) for c in pool))
    elapsed = time.perf_counter() - began
    for conn in pool:
        conn.close()
    return summary(latencies, errors, elapsed)


async def at_rate(
    url: str, body: str, seconds: float, rate: float, connections: int
) -> dict[str, float]:
    host, port, request = encode(url, body)
    idle: asyncio.Queue[Connection] = asyncio.Queue()
    for _ in range(connections):
        idle.put_nowait(await Connection.open(host, port))
    latencies: list[float] = []
    errors = 0
    began = time.perf_counter()
    total = int(seconds * rate)

    async def one(due: float) -> None:
        nonlocal errors
        conn = await idle.get()
        try:
            if await conn.call(request) != 200:
                errors += 1
            latencies.append(time.perf_counter() - due)
        finally:
            idle.put_nowait(conn)

    tasks = []
    for i in range(total):
        due = began + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(due)))
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - began
    while not idle.empty():
        idle.get_nowait().close()
    return summary(latencies, errors, elapsed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("body")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--saturate", action="store_true")
    parser.add_argument("--rate", type=float)
    parser.add_argument("--header", action="append", default=[], help='"Name: value"')
    args = parser.parse_args()
    HEADERS.extend(args.header)
    if args.saturate:
        result = asyncio.run(saturate(args.url, args.body, args.seconds, args.connections))
    else:
        result = asyncio.run(
            at_rate(args.url, args.body, args.seconds, args.rate, max(args.connections, 64))
        )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
