"""How much of a gzip file can be trusted, found before any document of it is read.

gzip checks a member's CRC only at the member's end, so a reader that goes by the stream
alone hands out garbled documents from a corrupted member and learns of the damage after
it (a one-member ``.jsonl.gz`` only at the very end). :func:`check_gzip` decompresses the
file once, member by member, without keeping the output, and tells how far the verified
members reach: readers serve data only from there. It also bounds the work a gzip bomb
can cause: output that expands more than ``MAX_RATIO`` times past ``RATIO_FLOOR`` bytes
stops the check, and nothing of the file is trusted past the last verified member.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import IO

CHUNK = 1 << 20
MAX_RATIO = 100  # news text compresses 3 to 10 times; deflate allows 1032
RATIO_FLOOR = 16 * 1024 * 1024


@dataclass
class GzipCheck:
    """The verified start of a gzip file: ``trusted_in`` compressed bytes that decompress to
    ``trusted_out`` bytes whose CRCs match; ``problem`` says what is wrong after them."""

    trusted_in: int = 0
    trusted_out: int = 0
    problem: str | None = None


def check_gzip(f: IO[bytes], *, max_ratio: int = MAX_RATIO, ratio_floor: int = RATIO_FLOOR) -> GzipCheck:
    """Verify the gzip members of ``f`` (read from its current position to its end)."""
    check = GzipCheck()
    d = zlib.decompressobj(31)  # gzip framing: zlib checks each member's CRC and length
    pos_in = pos_out = member_start = 0
    started = False  # bytes of the current member have been read
    at_end = False  # all of f has been read
    buf = b""
    while True:
        if not buf and not at_end:
            buf = f.read(CHUNK)
            at_end = not buf
        if not started:
            # gzip allows zero padding between and after members.
            stripped = buf.lstrip(b"\x00")
            pos_in += len(buf) - len(stripped)
            buf = stripped
            if not buf:
                if at_end:
                    break
                continue
            member_start, started = pos_in, True
        try:
            # Bounded output per call: a bomb never sits whole in memory.
            out = d.decompress(buf, CHUNK)
        except zlib.error as exc:
            check.problem = f"corrupt gzip data in the member at byte {member_start} ({exc})"
            return check
        rest = d.unused_data if d.eof else d.unconsumed_tail
        pos_in += len(buf) - len(rest)
        pos_out += len(out)
        buf = rest
        if pos_out > ratio_floor and pos_out > max_ratio * pos_in:
            check.problem = (f"expands over {max_ratio} times ({pos_out} bytes from {pos_in}); "
                             "stopped there (a gzip bomb?)")
            return check
        if d.eof:
            check.trusted_in, check.trusted_out = pos_in, pos_out
            d, started = zlib.decompressobj(31), False
        elif at_end and not buf and not out:
            check.problem = f"truncated gzip data: the member at byte {member_start} is cut off"
            return check
    return check
