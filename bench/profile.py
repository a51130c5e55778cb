"""``python -m bench.profile``: where the app spends its time while a reply streams.

Opens the real window (offscreen) with the starter model, and streams one long reply
(end-of-sequence ignored) while py-spy samples this process from outside (``pip install
py-spy``; it needs permission to ptrace). Prints, per thread, the functions that were on
the CPU most ("self": the innermost Python frame; with --native also C frames) and the
app functions that were most often on the stack ("total"). Not part of ``make bench``:
a tool for finding what to optimize.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import BenchError, starter_model


def _summarize(raw: Path, top: int, expected: float) -> str:
    """Per thread: share of the run it was on the CPU, and what it was doing then."""
    own: dict[str, Counter[str]] = {}
    total: dict[str, Counter[str]] = {}
    samples: Counter[str] = Counter()
    for line in raw.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = stack.split(";")
        thread = frames[0]
        if "idle" in thread.lower():
            continue
        samples[thread] += count
        own.setdefault(thread, Counter())[frames[-1]] += count
        seen = set()
        for frame in frames[1:]:
            if "chatapp" in frame and frame not in seen:
                seen.add(frame)
                total.setdefault(thread, Counter())[frame] += count
    out = []
    for thread, count in samples.most_common():
        if count < 10:
            continue
        out.append(f"\n== {thread}: on the CPU {count / expected:.0%} of the time")
        out.append("  self:")
        out += [f"    {n / count:6.1%}  {frame}" for frame, n in own[thread].most_common(top)]
        if thread in total:
            out.append("  on the stack (app code):")
            out += [f"    {n / count:6.1%}  {frame}"
                    for frame, n in total[thread].most_common(top)]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("--tokens", type=int, default=1500)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--rate", type=int, default=250, help="py-spy samples per second")
    parser.add_argument("--native", action="store_true", help="include C frames")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--raw", type=Path, help="keep py-spy's collapsed stacks here")
    args = parser.parse_args(argv)
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(py_spy).is_file():
        print("py-spy is not installed: pip install py-spy", file=sys.stderr)
        return 1

    from bench.app_session import AppSession, ignore_eos
    from chatapp.hardware import detect_hardware
    from chatapp.settings import Settings

    threads = args.threads or detect_hardware().physical_cores
    with tempfile.TemporaryDirectory(prefix="chatapp-bench-profile-") as scratch:
        raw = args.raw or Path(scratch) / "stacks.txt"
        settings = Settings(last_model_path=str(starter_model()), threads=threads,
                            context_length=8192, max_reply_tokens=args.tokens)
        session = AppSession(Path(scratch) / "home", settings, 900.0)
        try:
            session.new_conversation()
            command = [py_spy, "record", "--pid", str(os.getpid()), "--threads",
                       "--rate", str(args.rate), "--format", "raw", "--output", str(raw)]
            if args.native:
                command.append("--native")
            spy = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
            try:
                started = time.perf_counter()
                with ignore_eos():
                    turn = session.send("Write a long story about a lighthouse keeper.")
                seconds = time.perf_counter() - started
            finally:
                spy.send_signal(2)  # SIGINT: py-spy writes what it has
                _, errors = spy.communicate(timeout=60)
        finally:
            session.close()
        if not raw.is_file():
            raise BenchError(f"py-spy wrote nothing: {errors[-500:]}")
        print(f"{turn.stats.generated_tokens} tokens, engine {turn.stats.tokens_per_s:.1f} "
              f"t/s, in the view {turn.generation_ui_tps:.1f} t/s")
        print(_summarize(raw, args.top, seconds * args.rate))
    return 0


if __name__ == "__main__":
    sys.exit(main())
