"""The results as Markdown (docs/benchmarks.md) and plots (docs/benchmarks/*.png)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bench.prediction import report_lines as prediction_report
from bench.switch import report_lines as switch_report

LEVEL_NAMES = {
    "native": "llama-bench tg (C++, no sampling)",
    "ctypes_decode": "ctypes decode loop (no sampling)",
    "sampling": "+ the app's sampler chain",
    "engine_generate": "LlamaEngine.generate (no listener)",
    "reply_runner": "+ ReplyRunner and history",
    "engine_thread_signals": "+ engine thread, text signals to the UI thread",
    "window_engine": "the window: engine's own count",
    "window_ui": "the window: as the view receives it",
}


def _d(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _f(value: Any, digits: int = 2) -> str:
    if isinstance(value, (int, float)):
        return f"{value:,.{digits}f}"
    return "-"


def _spread(value: Any, digits: int = 1) -> str:
    part = _d(value)
    if not part:
        return "-"
    if part.get("n", 1) == 1:
        return _f(part.get("median"), digits)
    return (f"{_f(part.get('median'), digits)} ({_f(part.get('min'), digits)}-"
            f"{_f(part.get('max'), digits)})")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _ladder_rows(results: Mapping[str, Any]) -> list[tuple[str, float]]:
    """(level, tokens per second) from native down to the window."""
    throughput = _d(results.get("throughput"))
    ladder = _d(results.get("ladder"))
    if not throughput or not ladder:
        return []
    size = str(throughput["prompt_sizes"][0])
    gen = throughput["gen_tokens"]
    rows = [("native", float(_d(throughput["native"][f"tg{gen}@d{size}"])["median"]))]
    for level, part in _d(ladder.get("levels")).items():
        rows.append((level, float(_d(part)["median"])))
    app = _d(_d(throughput.get("app")).get(size))
    rows.append(("window_engine", float(_d(app["generation_engine_tps"])["median"])))
    rows.append(("window_ui", float(_d(app["generation_ui_tps"])["median"])))
    return rows


def write_plots(results: Mapping[str, Any], plots: Path) -> list[str]:
    """PNG plots; returns their file names (none if matplotlib is missing)."""
    try:
        import matplotlib
    except ImportError:
        return []
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plots.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    throughput = _d(results.get("throughput"))
    if throughput:
        gen = throughput["gen_tokens"]
        labels, native, ui, engine, native_err, ui_err = [], [], [], [], [], []
        for size in throughput["prompt_sizes"]:
            app = _d(throughput["app"][str(size)])
            for label, nkey, ukey, ekey in (
                (f"prompt {size}", f"pp{size}", "prompt_ui_tps", "prompt_engine_tps"),
                (f"generate {gen}\nafter {size}", f"tg{gen}@d{size}", "generation_ui_tps",
                 "generation_engine_tps"),
            ):
                n, u, e = _d(throughput["native"][nkey]), _d(app[ukey]), _d(app[ekey])
                labels.append(label)
                native.append(n["median"])
                ui.append(u["median"])
                engine.append(e["median"])
                native_err.append((n["median"] - n["min"], n["max"] - n["median"]))
                ui_err.append((u["median"] - u["min"], u["max"] - u["median"]))
        fig, axis = plt.subplots(figsize=(8, 4))
        positions = list(range(len(labels)))
        width = 0.27
        axis.bar([x - width for x in positions], native, width, label="native llama-bench",
                 yerr=list(zip(*native_err, strict=True)), capsize=3)
        axis.bar(positions, ui, width, label="app, in the view",
                 yerr=list(zip(*ui_err, strict=True)), capsize=3)
        axis.bar([x + width for x in positions], engine, width, label="app, engine's own count")
        axis.set_xticks(positions, labels)
        axis.set_ylabel("tokens / s")
        axis.set_yscale("log")
        axis.set_title("Prompt and generation speed (median, min-max over rounds)")
        axis.legend()
        fig.tight_layout()
        fig.savefig(plots / "throughput.png", dpi=110)
        plt.close(fig)
        written.append("throughput.png")
    rows = _ladder_rows(results)
    if rows:
        fig, axis = plt.subplots(figsize=(8, 3.8))
        names = [LEVEL_NAMES.get(level, level) for level, _ in rows][::-1]
        ms = [1000 / tps for _, tps in rows][::-1]
        axis.barh(names, ms, color=["tab:blue"] * (len(ms) - 1) + ["tab:gray"])
        for y, value in enumerate(ms):
            axis.text(value, y, f" {value:.2f}", va="center", fontsize=8)
        axis.set_xlabel("ms per generated token (median)")
        axis.set_title("Where generation time goes")
        axis.set_xlim(0, max(ms) * 1.15)
        fig.tight_layout()
        fig.savefig(plots / "ladder.png", dpi=110)
        plt.close(fig)
        written.append("ladder.png")
    followup = _d(results.get("followup"))
    if followup:
        turns = followup["turns"]
        xs = list(range(1, len(turns) + 1))
        fig, axis = plt.subplots(figsize=(8, 3.8))
        axis.plot(xs, [_d(t["ttft_ui_s"])["median"] * 1000 for t in turns], "o-",
                  label="time to first token, in the view")
        axis.plot(xs, [_d(t["ttft_engine_s"])["median"] * 1000 for t in turns], "s--",
                  label="time to first token, engine")
        axis.set_xlabel("turn")
        axis.set_ylabel("ms")
        axis.set_ylim(bottom=0)
        other = axis.twinx()
        other.bar(xs, [_d(t["evaluated_tokens"])["median"] for t in turns], alpha=0.2,
                  color="gray", label="evaluated prompt tokens")
        other.set_ylabel("tokens evaluated")
        axis.set_zorder(other.get_zorder() + 1)
        axis.patch.set_visible(False)
        lines, names = axis.get_legend_handles_labels()
        more, more_names = other.get_legend_handles_labels()
        axis.legend(lines + more, names + more_names, loc="upper left", fontsize=8)
        axis.set_title("Follow-up turns (median over conversations)")
        fig.tight_layout()
        fig.savefig(plots / "followup.png", dpi=110)
        plt.close(fig)
        written.append("followup.png")
    long_reply = _d(results.get("long_reply"))
    if long_reply:
        fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 6))
        rolling = long_reply["rolling_ms"]
        top.plot([r[0] for r in rolling], [r[1] for r in rolling],
                 label=f"app (mean over {long_reply['window']} tokens)")
        prompt = long_reply["prompt_tokens"]
        depths = _d(long_reply["native_ms_by_depth"])
        top.plot([int(d) - prompt + long_reply["window"] // 2 for d in depths],
                 list(depths.values()), "o--", label="native llama-bench at that depth")
        top.set_xlabel("generated token")
        top.set_ylabel("ms / token")
        top.set_ylim(bottom=0)
        top.legend(fontsize=8)
        top.set_title(f"A {long_reply['reply_tokens']:,}-token reply streamed into the view")
        timeline = long_reply["stall_timeline"]
        bottom.plot([t[0] for t in timeline], [t[1] for t in timeline], ".", markersize=3)
        bottom.axhline(50, color="red", linewidth=0.8, label="50 ms")
        bottom.set_xlabel("seconds since Enter")
        bottom.set_ylabel("UI timer lateness, ms")
        bottom.set_ylim(bottom=0)
        bottom.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(plots / "long_reply.png", dpi=110)
        plt.close(fig)
        written.append("long_reply.png")
    stream = _d(results.get("view_stream"))
    if stream:
        fig, axis = plt.subplots(figsize=(8, 3.4))
        segments = stream["segments"]
        axis.plot([seg["chars"] for seg in segments], [seg["ui_cpu_pct"] for seg in segments],
                  "o-")
        axis.set_xlabel("characters of the reply so far")
        axis.set_ylabel("UI thread busy, % of one core")
        axis.set_ylim(0, 105)
        axis.set_title(f"Streaming {stream['rate']} tokens/s into the view (no model)")
        fig.tight_layout()
        fig.savefig(plots / "view_stream.png", dpi=110)
        plt.close(fig)
        written.append("view_stream.png")
    return written


def _summary(results: Mapping[str, Any]) -> list[str]:
    notes = {
        "generation_ratio": "app tokens/s as the view receives them ÷ llama-bench tg",
        "prompt_ratio": "prompt tokens ÷ time from Enter to first text in the view, "
                        "÷ llama-bench pp (the lower of the prompt sizes)",
        "followup_ttft_ratio": "time to first token in the view, turn 10 ÷ turn 1",
        "late_early_token_ratio": "ms/token, last window ÷ first window",
        "kv_q8_memory_ratio": "llama.cpp's state of the same tokens, q8_0 KV cache ÷ f16",
        "late_early_token_ratio_q8": "the long reply with a q8_0 KV cache: ms/token, last "
                                     "window ÷ first window",
        "max_stall_ms": "longest lateness of a 5 ms UI timer while streaming",
        "open_2000_ms": "request → conversation painted (no model loaded)",
        "open_branched_2000_ms": "the same, a chat whose branches add ~40% more messages",
        "search_100k_ms": "HistoryStore.search, median over queries",
        "search_keystroke_ms": "key pressed in the search panel → its results listed, 90th "
                               "percentile over keys",
        "export_1000_s": "File ▸ Export all chats… to JSON: read, render, write",
        "embed_native_ratio": "LlamaEmbedder.embed tokens/s ÷ llama-embedding's, same "
                              "passages, load time left out of both",
        "query_words_ms": "KnowledgeIndex.search, words alone, median over questions",
        "query_hybrid_ms": "the question embedded, then words and meaning fused, median",
        "api_native_ratio": "tokens/s of a reply streamed to the openai client, chatapp's "
                            "API server ÷ llama-server's",
        "api_followup_ttft_ratio": "time to first text through the API, last follow-up turn "
                                   "÷ the first (the whole conversation sent each time)",
        "batch_native_ratio": "generated tokens/s of a 32-row job, 8 rows at once, "
                              "BatchedGenerator ÷ llama-batched-bench",
        "prediction_error": "largest |predicted - measured| / measured generation tokens/s, "
                            "SmolLM2 quantizations, calibrated with Q4_1 only",
        "switch_ttft_ratio": "engine TTFT after going back to a 2,000-token chat ÷ "
                             "continuing the same chat",
        "startup_s": "process start → main window painted",
        "idle_rss_mb": "no model, 3 s after the first paint",
    }
    rows = []
    for target in results.get("targets", []):
        key = target["key"]
        value = target["value"]
        digits = 3 if "ratio" in key else (2 if key == "startup_s" else 1)
        rows.append([f"`{key}`", _f(value, digits), target["target"],
                     "met" if target["met"] else "**missed**", notes.get(key, "")])
    for key, what in (("batch_speedup_8", "a batch job's tokens/s at 8 rows at once ÷ one "
                                          "at a time"),
                      ("restart_ttft_ratio", "first reply after a restart, the chat's state "
                                             "read from disk ÷ evaluated again"),
                      ("index_files_per_s", "files/s indexed, words alone (1,000 text files, "
                                            "~10 MB)"),
                      ("index_embedded_files_per_s", "files/s indexed with embeddings "
                                                     "(MiniLM)")):
        if key in results:
            rows.append([f"`{key}`", _f(results[key], 2), "(no target)", "", what])
    if "loaded_rss_mb" in results:
        rows.append(["`loaded_rss_mb`", _f(results["loaded_rss_mb"], 1), "(no target)", "",
                     "starter model loaded at start, default context"])
    return _table(["key", "measured", "target", "", "what"], rows)


def _environment(results: Mapping[str, Any]) -> list[str]:
    env = _d(results.get("environment"))
    cfg = _d(results.get("config"))
    packages = _d(env.get("packages"))
    info = _d(_d(results.get("throughput")).get("llama_bench"))
    load = _d(results.get("load"))
    phases = _d(load.get("phases"))
    start = _d(load.get("start"))
    other_mean = max((_d(p).get("other_cpu_mean_pct", 0.0) for p in phases.values()),
                     default=0.0)
    load_max = max((_d(p).get("load_max", 0.0) for p in phases.values()), default=0.0)
    steal = max((_d(p).get("steal_mean_pct", 0.0) for p in phases.values()), default=0.0)
    threads = cfg.get("threads")
    model_mb = _d(results.get("model")).get("size_bytes", 0) / 1e6
    return [
        f"- **Machine:** {env.get('cpu')}, {env.get('physical_cores')} physical / "
        f"{env.get('logical_cores')} logical cores, {env.get('ram_gb')} GB RAM; "
        f"{env.get('os')}.",
        f"- **Software:** chatapp {packages.get('chatapp')} (commit {env.get('repo_commit')}"
        f"{', with uncommitted changes' if env.get('repo_dirty') else ''}), Python "
        f"{env.get('python')}, Qt {env.get('qt')} (PySide6-Essentials "
        f"{packages.get('PySide6_Essentials')}), llama-cpp-python "
        f"{packages.get('llama_cpp_python')}; llama-bench from the same package's vendored "
        f"llama.cpp (build {info.get('build_number', '?')}, commit "
        f"{info.get('build_commit', '?')}), Release, GGML_NATIVE, OpenMP, as the package "
        "builds its libraries.",
        f"- **CPU features compiled in:** the app's llama.cpp "
        f"`{env.get('llama_cpp_system_info')}`; llama-bench's "
        + ("the same." if results.get("llama_bench_system_info")
           == env.get("llama_cpp_system_info")
           else f"`{results.get('llama_bench_system_info')}` (**differs**)."),
        f"- **Model:** {_d(results.get('model')).get('file')} "
        f"({info.get('model_type', '')}, {_f(model_mb, 0)} MB).",
        f"- **Threads:** {threads} for generation and {threads} for prompt processing, in the "
        f"app (Settings.threads = {threads}) and in llama-bench (`-t {threads}`). Batch and "
        "micro-batch 512, flash attention off, model memory-mapped, f16 KV cache, no GPU, in "
        "both. llama-bench: `-r 1` per round, its warm-up run before each test, `--poll 50`.",
        f"- **App context:** {cfg.get('context_length')} tokens (throughput, follow-ups), "
        f"{cfg.get('long_context')} (long reply). Sampling as the app's defaults (temperature "
        "0.7, top-k 40, top-p 0.95, min-p 0.05, repeat penalty 1.1 over 64 tokens); "
        "llama-bench does not sample.",
        "- **Qt:** offscreen platform (`QT_QPA_PLATFORM=offscreen`), the real widgets and "
        "paint passes into an offscreen backing store.",
        f"- **Load:** 1-minute load average {_f(start.get('load_at_start'), 2)} when measuring "
        f"began, at most {_f(load_max, 2)} during the phases; other processes used at most "
        f"{_f(other_mean, 1)} % of the CPU on average in any phase (load averages include "
        f"the suite itself); the hypervisor took at most {_f(steal, 1)} % (steal time). "
        "This is a shared virtual machine: native speed itself varies by tens of percent "
        "from one second to the next (see the min-max ranges), which is why runs are "
        "interleaved and repeated.",
    ]


def _throughput(results: Mapping[str, Any]) -> list[str]:
    t = _d(results.get("throughput"))
    if not t:
        return []
    gen = t["gen_tokens"]
    rows = []
    for size in t["prompt_sizes"]:
        app = _d(t["app"][str(size)])
        ratios = _d(t["ratios"])
        rows.append([f"prompt {size} tokens", _spread(t["native"][f"pp{size}"]),
                     _spread(app["prompt_ui_tps"]), _spread(app["prompt_engine_tps"]),
                     _spread(ratios[f"prompt_{size}"], 3),
                     _spread(ratios[f"prompt_engine_{size}"], 3)])
    for size in t["prompt_sizes"]:
        app = _d(t["app"][str(size)])
        ratios = _d(t["ratios"])
        rows.append([f"generate {gen} after {size}", _spread(t["native"][f"tg{gen}@d{size}"]),
                     _spread(app["generation_ui_tps"]), _spread(app["generation_engine_tps"]),
                     _spread(ratios[f"generation_{size}"], 3),
                     _spread(ratios[f"generation_engine_{size}"], 3)])
    lines = [
        f"{t['rounds']} rounds; in each, llama-bench and the app ran the same tests one after "
        "the other (alternating which went first). Median over rounds (min-max); ratios are "
        "taken within each round. The app's prompt: a new chat whose system prompt differs "
        "from the previous chat's, with a message sized so that the engine evaluates exactly "
        f"that many tokens (the template's first 3 tokens come from the KV cache); the reply: "
        f"exactly {gen} tokens (end-of-sequence ignored). llama-bench generates at the same "
        "depth (`-d`) as the app does.",
        "",
        "*In the view*: prompt tokens ÷ time from Enter to the first reply text reaching the "
        "view; generated tokens ÷ time from the first to the last text reaching the view. "
        "*Engine*: GenerationStats measured inside LlamaEngine.generate.",
        "",
    ]
    lines += _table(["test", "native t/s", "app t/s, in the view", "app t/s, engine",
                     "ratio (view)", "ratio (engine)"], rows)
    finish = _d(_d(t["app"][str(t["prompt_sizes"][0])])["finish_after_last_text_s"])
    in_ms = {key: (value * 1000 if key in ("median", "min", "max") else value)
             for key, value in finish.items()}
    lines += ["", "From the last text reaching the view to the reply finished (history "
              f"finalized, Markdown rendered, signal received): {_spread(in_ms, 1)} ms."]
    for size in t["prompt_sizes"]:
        app = _d(t["app"][str(size)])
        if "ui_cpu_s" not in app:
            continue
        wall = _d(app["wall_s"])["median"]
        ui = _d(app["ui_cpu_s"])["median"]
        engine = _d(app["engine_cpu_s"])["median"]
        lines += ["", f"CPU during a reply to a {size}-token prompt ({_f(wall, 2)} s from Enter "
                  f"to finished): UI thread {_f(ui * 1000, 0)} ms ({_f(ui / wall * 100, 0)} % of "
                  f"one core), engine thread with its OpenMP workers {_f(engine, 2)} s "
                  f"({_f(engine / wall * 100, 0)} % of one core)."]
    spare = _d(results.get("spare_core"))
    if spare:
        threads = _d(spare.get("llama_bench")).get("n_threads", "")
        lines += ["", f"**With a core left to the UI thread** ({threads} compute thread(s), app "
                      f"and llama-bench alike, {spare['rounds']} rounds): "]
        lines += _table(["test", "native t/s", "app t/s, in the view", "ratio (view)"], [
            [f"prompt {size} tokens", _spread(_d(spare["native"]).get(f"pp{size}")),
             _spread(_d(_d(spare["app"]).get(str(size))).get("prompt_ui_tps")),
             _spread(_d(spare["ratios"]).get(f"prompt_{size}"), 3)]
            for size in spare["prompt_sizes"]] + [
            [f"generate {spare['gen_tokens']} after {size}",
             _spread(_d(spare["native"]).get(f"tg{spare['gen_tokens']}@d{size}")),
             _spread(_d(_d(spare["app"]).get(str(size))).get("generation_ui_tps")),
             _spread(_d(spare["ratios"]).get(f"generation_{size}"), 3)]
            for size in spare["prompt_sizes"]])
    return lines


def _ladder(results: Mapping[str, Any]) -> list[str]:
    rows = _ladder_rows(results)
    if not rows:
        return []
    native = rows[0][1]
    ladder = _d(results.get("ladder"))
    table = [[LEVEL_NAMES.get(level, level), _f(tps, 1), _f(1000 / tps, 2),
              _f(tps / native, 3)] for level, tps in rows]
    return [
        f"The same generation ({ladder.get('gen_tokens')} tokens after a "
        f"{ladder.get('prompt_tokens')}-token prompt, same threads) at each layer of the app, "
        "each adding one layer to the one above (medians over "
        f"{ladder.get('rounds')} rounds; the window rows come from the throughput phase). "
        "See bench/ladder.py.",
        "",
        *_table(["level", "t/s", "ms/token", "÷ native"], table),
    ]


def _followup(results: Mapping[str, Any]) -> list[str]:
    f = _d(results.get("followup"))
    if not f:
        return []
    rows = []
    for index, turn in enumerate(f["turns"], 1):
        rows.append([str(index), _f(_d(turn["prompt_tokens"])["median"], 0),
                     _f(_d(turn["evaluated_tokens"])["median"], 0),
                     _f(_d(turn["generated_tokens"])["median"], 0),
                     _f(_d(turn["ttft_ui_s"])["median"] * 1000, 1),
                     _f(_d(turn["ttft_engine_s"])["median"] * 1000, 1)])
    return [
        f"{f['conversations']} conversations of {len(f['turns'])} turns through the window "
        f"(composer, engine thread, ReplyRunner, history). Each message is exactly "
        f"{f['message_tokens']} tokens; replies end naturally, at most "
        f"{f['reply_tokens_max']} tokens. An untimed chat first puts the system prompt in the "
        "KV cache. Medians over the conversations.",
        "",
        *_table(["turn", "prompt tokens", "evaluated", "reply tokens", "TTFT in view, ms",
                 "TTFT engine, ms"], rows),
        "",
        f"followup_ttft_ratio (view) = {_f(f['followup_ttft_ratio'], 3)}; engine only: "
        f"{_f(f['followup_ttft_engine_ratio'], 3)}.",
        *_followup_native(f),
    ]


def _followup_native(f: Mapping[str, Any]) -> list[str]:
    n = _d(f.get("native"))
    if not n:
        return []
    return [
        "",
        f"Native llama-bench evaluating the same tokens at the same depths: turn 1's "
        f"{n['first_tokens']} tokens after {n['first_depth']} cached take "
        f"{_f(n['first_ms'], 1)} ms, the last turn's {n['last_tokens']} after "
        f"{n['last_depth']} take {_f(n['last_ms'], 1)} ms: a ratio of "
        f"{_f(n['ratio'], 3)} that comes from the model itself (attention over the longer "
        "context, and the extra framing tokens of the previous reply), not from the app.",
    ]


def _long_reply(results: Mapping[str, Any]) -> list[str]:
    r = _d(results.get("long_reply"))
    if not r:
        return []
    w = r["window"]
    return [*_table(["", "first " + str(w), "last " + str(w), "last ÷ first"], [
        ["app, ms/token (engine thread)", _f(r["early_ms_per_token"]),
         _f(r["late_ms_per_token"]), _f(r["late_early_token_ratio"], 3)],
        ["native llama-bench at the same depths", _f(r["native_early_ms_per_token"]),
         _f(r["native_late_ms_per_token"]), _f(r["native_late_early_ratio"], 3)],
    ]),
        "",
        f"- {r['reply_tokens']:,} tokens ({r['reply_chars']:,} characters) after a "
        f"{r['prompt_tokens']}-token prompt, context {r['context_length']:,}; "
        f"{r['text_events']:,} tokens produced text (special tokens past the ignored "
        f"end-of-sequence produce none), sent to the view in {r['ui_batches']:,} batches.",
        f"- The app's own share of the slow-down (app ratio ÷ native ratio): "
        f"{_f(r['app_excess_ratio'], 3)}.",
        f"- UI event loop, 5 ms timer over {r['duration_s']:.0f} s ({r['timer_ticks']:,} ticks): "
        f"lateness median {_f(r['stall_p50_ms'])} ms, 99th percentile {_f(r['stall_p99_ms'])} "
        f"ms, max **{_f(r['max_stall_ms'], 1)} ms** (while {r.get('max_stall_when')}; the "
        f"longest while streaming: {_f(r.get('max_stall_streaming_ms'), 1)} ms); "
        f"{r['stalls_over_16ms']} ticks later than 16 ms, {r['stalls_over_50ms']} later than "
        "50 ms.",
        f"- A batch of text reached the view a median {_f(r['median_ui_lag_ms'])} ms after it "
        "was sent "
        f"(max {_f(r['max_ui_lag_ms'], 1)} ms).",
        f"- CPU over the {_f(r.get('wall_s'), 1)} s of the reply: UI thread "
        f"{_f(r.get('ui_cpu_s'), 1)} s, engine thread and its OpenMP workers "
        f"{_f(r.get('engine_cpu_s'), 1)} s.",
    ]


def _kv(results: Mapping[str, Any]) -> list[str]:
    k = _d(results.get("kv"))
    if not k:
        return []
    memory = _d(k["memory"])
    f16 = memory["state_bytes"]["f16"]
    rows = [[kv_type, f"{size:,}", _f(size / f16, 3),
             f"{memory['estimated_bytes'][kv_type]:,}"]
            for kv_type, size in memory["state_bytes"].items()]
    replies = _d(k["long_reply"])
    reply_rows = [[kv_type, _f(r["early_ms_per_token"]), _f(r["late_ms_per_token"]),
                   _f(r["late_early_token_ratio"], 3), _f(r["native_late_early_ratio"], 3),
                   _f(r["engine_tokens_per_s"], 1)]
                  for kv_type, r in replies.items()]
    window = next(iter(replies.values()))["window"] if replies else "-"
    return [
        f"KV memory: the app's engine with each cache type at a context of "
        f"{memory['context_length']:,}, after the same {memory['tokens']:,}-token prompt; "
        "llama.cpp's serialized state of the chat (its K and V entries), beside the fit "
        "estimate's bytes per token times the tokens. See bench/kv.py.",
        "",
        *_table(["KV cache", "llama.cpp bytes", "÷ f16", "fit estimate"], rows),
        "",
        f"The long reply (as above) with each cache type; llama-bench with the same cache "
        f"(and flash attention for q8_0, as the engine uses it) at the same depths; window "
        f"{window} tokens.",
        "",
        *_table(["KV cache", "first ms/token", "last ms/token", "last ÷ first",
                 "native last ÷ first", "engine tokens/s"], reply_rows),
    ]


def _view_stream(results: Mapping[str, Any]) -> list[str]:
    v = _d(results.get("view_stream"))
    if not v:
        return []
    rows = [[f"{seg['chars']:,}", _f(seg["ui_cpu_pct"], 0)] for seg in v["segments"]]
    return [
        f"A fixed {v['chars']:,}-character Markdown reply fed to the real ConversationView "
        f"at {v['rate']} tokens/s (word-sized pieces, delivered in batches as the engine "
        f"worker sends them) over {v['seconds']:.0f} s, with no model "
        "running: how busy the UI thread is as the reply grows. Finishing the reply (the "
        "final rendering of what differs from what streamed) then took "
        f"{_f(v['finish_ms'], 0)} ms; the longest stall of "
        f"a 5 ms timer was {_f(v['max_stall_ms'], 0)} ms, while {v.get('max_stall_when')} "
        f"({v['stalls_over_50ms']} ticks over 50 ms). "
        "See bench/view_stream.py.",
        "",
        *_table(["reply so far, characters", "UI thread busy, % of a core"], rows),
    ]


def _history(results: Mapping[str, Any]) -> list[str]:
    lines = []
    o = _d(results.get("open"))
    if o:
        lines += [
            f"**Open a {o['messages']:,}-message chat:** median **{_f(o['open_2000_ms'], 1)} ms**"
            f" ({_f(o['min'], 1)}-{_f(o['max'], 1)}, {o['n']} opens; the first "
            f"{_f(o['first_open_ms'], 1)} ms), from `MainWindow.open_conversation` (what a "
            "click in the sidebar calls) until the view's paint pass showing it has "
            "completed, in a window without a model (with one, opening also starts the "
            f"context measurement below). The view built {o['widgets_shown']} message "
            f"widgets. A 4-message chat opens in {_spread(o['short_chat_ms'])} ms. "
            f"A chat of as many messages on screen with regenerated replies and edited "
            f"questions kept as branches ({o['branched']['messages_in_tree']:,} messages in "
            f"all) opens in {_f(o['open_branched_2000_ms'], 1)} ms.",
            "",
        ]
    c = _d(results.get("context_cost"))
    if c:
        cells = []
        for size, seconds in _d(c["seconds_by_messages"]).items():
            shown = (f"{seconds:.2f} s" if isinstance(seconds, (int, float))
                     else f"more than {c['limit_s']:.0f} s (stopped)")
            cells.append([f"{int(size):,}", shown])
        lines += [
            "**Measuring a chat's context** (what opening a chat with a model loaded starts "
            "on the engine thread, and what planning a reply's prompt costs: "
            "`ReplyRunner.context_usage`, context "
            f"{c['context_length']:,} tokens, one call in a fresh process):",
            "",
            *_table(["messages in the chat", "engine thread busy"], cells),
            "",
        ]
    s = _d(results.get("search"))
    if s:
        rows = [[f"`{q}`", str(_d(v)["hits"]), _f(_d(v)["median"]), _f(_d(v)["first_ms"])]
                for q, v in _d(s["queries"]).items()]
        lines += [
            f"**Search {s['messages']:,} messages** (`HistoryStore.search`, 50 hits, "
            f"snippets): median over queries **{_f(s['search_100k_ms'], 1)} ms**. Messages "
            "are English-like text with Markdown; the marker words occur in about 20 %, 2 %, "
            "0.2 % and 0.02 % of them.",
            "",
            *_table(["query", "hits", "median ms", "first run ms"], rows),
        ]
    k = _d(s.get("keystrokes")) if s else {}
    if k:
        lines += [
            "",
            "**Search as you type** (the window's search panel, Ctrl+K, over the same "
            "messages; each key waits for its results): from the key press to its results "
            f"in the list, 90th percentile **{_f(k['p90'], 1)} ms**, median "
            f"{_f(k['median'], 1)} ms, slowest {_f(k['max'], 1)} ms over {k['keys']} keys "
            f"({', '.join(f'`{q}`' for q in k['queries'])}).",
        ]
    return lines


def _export(results: Mapping[str, Any]) -> list[str]:
    e = _d(results.get("export"))
    if not e:
        return []
    return [
        "",
        f"**Export {e['chats']:,} chats** ({e['messages']:,} messages, with branches, "
        "thoughts and stats) to JSON as File ▸ Export all chats… does (read from the "
        f"history, rendered, written): median **{_f(e['export_1000_s'])} s** "
        f"({_f(e['min'])}-{_f(e['max'])} s over {e['n']}), "
        f"{e['json_bytes'] / 1e6:,.1f} MB. As one HTML page (code highlighted): "
        f"{_f(e['html_s'])} s, {e['html_bytes'] / 1e6:,.1f} MB. Importing the JSON into "
        f"an empty history (checked, then one transaction that also fills the search "
        f"index): {_f(e['import_s'])} s. See bench/export_chats.py.",
    ]


def _documents(results: Mapping[str, Any]) -> list[str]:
    d = _d(results.get("documents"))
    if not d:
        return []
    i, e, q = _d(d["indexing"]), _d(d["embedding"]), _d(d["queries"])
    return [
        f"- **Indexing {i['files']:,} text files** ({i['bytes'] / 1e6:,.1f} MB, generated) "
        "with CollectionIndexer.index_collection, from the scan to the last file stored: "
        f"**{_f(d['index_files_per_s'], 1)} files/s** with words alone "
        f"({_f(_d(i['words'])['seconds'])} s); with embeddings by {d['model']} "
        f"(the first {i['embedded_files']:,} of such files, "
        f"{i['embedded_bytes'] / 1e6:,.2f} MB): "
        f"**{_f(d['index_embedded_files_per_s'], 2)} files/s**.",
        f"- **Embedding against native llama.cpp:** {e['chunks']} passages "
        f"({e['tokens']:,} tokens), {e['threads']} threads: LlamaEmbedder.embed "
        f"{_f(e['app_tokens_per_s'], 0)} tokens/s, llama-embedding "
        f"{_f(e['native_tokens_per_s'], 0)} tokens/s (its best run minus its best run over "
        f"one word, {_f(_d(e['native_load_s'])['min'])} s, to leave loading out): ratio "
        f"**{_f(d['embed_native_ratio'], 3)}**. Lowest cosine between the two's vectors: "
        f"{_f(e['min_cosine_app_native'], 6)}.",
        f"- **A question to its passages** over an index of {q['chunks']:,} passages "
        f"(generated text, made-up vectors), median over {q['questions']} questions: words "
        f"alone **{_f(d['query_words_ms'])} ms**; words and meaning, embedding the question "
        f"included, **{_f(d['query_hybrid_ms'])} ms** (embedding the question alone "
        f"{_f(_d(q['embed_question'])['median'])} ms). See bench/documents.py.",
    ]


def _api(results: Mapping[str, Any]) -> list[str]:
    a = _d(results.get("api"))
    if not a:
        return []
    app, native = _d(a["app_tokens_per_s"]), _d(a["native_tokens_per_s"])
    f = _d(a["followup"])
    ours, theirs = _d(f["chatapp"]), _d(f["llama_server"])
    return [
        f"- **Streaming through the API** (the openai client, greedy, up to "
        f"{a['max_tokens']} tokens, {a['threads']} threads, a {a['context_length']:,}-token "
        f"context on both): chatapp's server {_spread(app)} tokens/s, llama-server "
        f"{_spread(native)} tokens/s: ratio **{_f(a['api_native_ratio'], 3)}** (replies of "
        f"{_f(_d(a['app_tokens'])['median'], 0)} and "
        f"{_f(_d(a['native_tokens'])['median'], 0)} tokens).",
        f"- **Follow-up turns through the API** ({a['turns']} turns, the whole conversation "
        f"sent each time): time to first text of the last turn ÷ the first, chatapp "
        f"**{_f(ours['ratio'], 2)}** ({_f(_d(ours['first_ttft_s'])['median'], 3)} s → "
        f"{_f(_d(ours['last_ttft_s'])['median'], 3)} s), llama-server {_f(theirs['ratio'], 2)}"
        f" ({_f(_d(theirs['first_ttft_s'])['median'], 3)} s → "
        f"{_f(_d(theirs['last_ttft_s'])['median'], 3)} s). See bench/api.py.",
    ]


def _batch(results: Mapping[str, Any]) -> list[str]:
    b = _d(results.get("batch"))
    if not b:
        return []
    rates, native = _d(b["tokens_per_s"]), _d(b.get("native_tokens_per_s"))
    rows = [[n, _spread(_d(rates[n])), _spread(_d(native[n])) if n in native else "",
             _f(b[f"batch_native_ratio_{n}"], 3) if f"batch_native_ratio_{n}" in b else ""]
            for n in rates]
    return [
        f"{b['inputs']} rows of {b['prompt_tokens']} prompt tokens, each generating "
        f"{b['gen_tokens']} tokens (end of sequence ignored), {b['threads']} threads: total "
        "generated tokens per second over the whole job (prompts included), the app's "
        "BatchedGenerator (several sequences in one llama.cpp context) against "
        "llama-batched-bench at the same settings, interleaved rounds, medians. Speed-up at "
        f"8 at once over one at a time: **{_f(b['batch_speedup_8'], 2)}**. See bench/batch.py.",
        "",
        *_table(["rows at once", "app tokens/s", "llama-batched-bench tokens/s", "ratio"], rows),
    ]


def _startup(results: Mapping[str, Any]) -> list[str]:
    s = _d(results.get("startup"))
    if not s:
        return []
    return [
        f"- **Start-up:** `python -m chatapp` in a fresh CHATAPP_HOME (no model), from "
        f"process start to the main window's first completed paint: median "
        f"**{_f(s['startup_s'])} s** ({_f(_d(s['launches']).get('min'))}-"
        f"{_f(_d(s['launches']).get('max'))} s over "
        f"{_d(s['launches']).get('n')} launches; the first launch, which wrote the bytecode "
        f"cache, {_f(s.get('first_launch_s'))} s).",
        f"- **Memory:** RSS idle, no model: **{_f(s['idle_rss_mb'], 0)} MB**; with the "
        f"starter model loaded at start: {_f(s['loaded_rss_mb'], 0)} MB (model loaded "
        f"{_f(s['model_loaded_s'])} s after process start). Measured {s['settle_s']:.0f} s "
        "after the first paint.",
    ]


def _rel(a: float, b: float) -> str:
    return f"{a / b:.3f}" if b else "-"


def _readings(results: Mapping[str, Any]) -> list[str]:
    """Plain statements derived from the numbers (the analysis is in the tables)."""
    lines = []
    rows = dict(_ladder_rows(results))
    if rows:
        lines.append(
            "- Generation, step by step (median t/s): native "
            f"{rows['native']:.1f}; the same loop from Python without sampling "
            f"{rows['ctypes_decode']:.1f} ({_rel(rows['ctypes_decode'], rows['native'])} of "
            f"native); with the app's sampler {rows['sampling']:.1f}; the app's engine loop "
            f"{rows['engine_generate']:.1f}; with ReplyRunner and history "
            f"{rows['reply_runner']:.1f}; on the engine thread, signalling the UI thread "
            f"{rows['engine_thread_signals']:.1f}; into the real window "
            f"{rows['window_ui']:.1f} ({_rel(rows['window_ui'], rows['engine_thread_signals'])} "
            "of the same path without the window).")
    t = _d(results.get("throughput"))
    if t:
        app = _d(t["app"][str(t["prompt_sizes"][0])])
        if "ui_cpu_s" in app:
            ui = _d(app["ui_cpu_s"])["median"]
            engine = _d(app["engine_cpu_s"])["median"]
            lines.append(
                f"- While a {t['gen_tokens']}-token reply streams, the UI thread uses "
                f"{ui * 1000 / t['gen_tokens']:.1f} ms of CPU per token and the computing "
                f"threads {engine * 1000 / t['gen_tokens']:.1f} ms: on a machine with as many "
                "cores as compute threads, every millisecond the UI thread runs is taken "
                "from llama.cpp's threads, which wait for each other at every step.")
    r = _d(results.get("long_reply"))
    if r:
        lines.append(
            f"- Long reply: the app's last/first time per token is "
            f"{r['late_early_token_ratio']:.2f}, native llama.cpp's at the same depths "
            f"{r['native_late_early_ratio']:.2f}; the app's own share is "
            f"{r['app_excess_ratio']:.2f}x.")
    v = _d(results.get("view_stream"))
    if v:
        lines.append(
            f"- The view alone (no model), fed {v['rate']} tokens/s: the UI thread is busy "
            f"{v['ui_cpu_pct_first']:.0f} % of the time at the start of a reply and "
            f"{v['ui_cpu_pct_last']:.0f} % after {v['segments'][-1]['chars']:,} characters.")
    c = _d(results.get("context_cost"))
    if c:
        values = {int(k): v for k, v in _d(c["seconds_by_messages"]).items()}
        known = sorted(k for k, v in values.items() if isinstance(v, (int, float)))
        if len(known) >= 2:
            a, b = known[0], known[-1]
            lines.append(
                f"- Measuring a chat's context (what opening it with a model loaded costs the "
                f"engine thread) takes {values[a] * 1000:.0f} ms at {a:,} messages and "
                f"{values[b] * 1000:.0f} ms at {b:,}: {b // a}x the messages, "
                f"{values[b] / values[a]:.1f}x the time.")
    return lines


def _gaps(results: Mapping[str, Any]) -> list[str]:
    """For each target missed: by how much, and what the other measurements say of why."""
    missed = {row["key"]: row for row in results.get("targets", []) if not row.get("met")}
    if not missed:
        return ["Every target is met."]
    lines = []
    t, spare = _d(results.get("throughput")), _d(results.get("spare_core"))
    rows = dict(_ladder_rows(results))
    for key in ("generation_ratio", "prompt_ratio"):
        if key not in missed or not t:
            continue
        what = "Generation" if key == "generation_ratio" else "Prompt processing"
        text = (f"- **{what}** through the app runs at {_f(missed[key]['value'], 3)} of native "
                f"(target {missed[key]['limit']}).")
        if rows and key == "generation_ratio":
            text += (" In the ladder below (each level in a process of its own), the app's "
                     f"token loop runs at {_rel(rows['engine_generate'], rows['ctypes_decode'])}"
                     " of a bare ctypes loop over the same library, and the whole path on the "
                     "engine thread without the window at "
                     f"{_rel(rows['engine_thread_signals'], rows['ctypes_decode'])} of it: what "
                     "the app adds in Python costs little; the bare loop's own distance from "
                     f"llama-bench ({_rel(rows['ctypes_decode'], rows['native'])}) is the "
                     "binding, the context size and this machine's drift between runs.")
        if key == "prompt_ratio":
            engine = min(_d(_d(t["ratios"]).get(f"prompt_engine_{size}")).get("median", 0.0)
                         for size in t["prompt_sizes"])
            text += (" Timed inside LlamaEngine.generate (the prompt's llama_decode calls) it is "
                     f"{_f(engine, 3)}: the time is lost in llama.cpp's own computation, "
                     "not around it.")
        if spare:
            threads = _d(spare.get("llama_bench")).get("n_threads", "fewer")
            text += (f" With {threads} compute thread(s), leaving a core to the UI thread "
                     f"(app and llama-bench alike), the app reaches {_f(spare[key], 3)} of "
                     "native. The difference is the UI thread competing with llama.cpp's "
                     "threads for the cores: Qt's layout and painting of each batch of text, "
                     "the event loop's wake-ups and the history writes run on a core that a "
                     "llama.cpp thread was using, and its partner threads wait for it at "
                     "every synchronisation point.")
        if key == "generation_ratio":
            text += (" What remains with a core to spare is not overhead of the app: "
                     "llama-bench does not sample (the app's sampler chain costs about "
                     "0.2 ms per token on the engine thread), and it sizes its context to "
                     "the test, while the app's 4,096-token context makes llama.cpp attend "
                     "over a cache padded to 256 "
                     "cells.")
        else:
            text += (" What remains with a core to spare is not overhead of the app: "
                     "llama-bench sizes its context to the test, while the app's "
                     "4,096-token context makes llama.cpp attend over a cache padded to "
                     "256 cells.")
        lines.append(text)
    f = _d(results.get("followup"))
    if "followup_ttft_ratio" in missed and f:
        n = _d(f.get("native"))
        text = (f"- **Follow-up turns**: turn 10's time to first token is "
                f"{_f(missed['followup_ttft_ratio']['value'], 2)}x turn 1's (target 1.2). The "
                "app evaluates only each turn's new tokens (the table below shows it), so the "
                "growth is the model's: each new token attends over the whole conversation "
                "before it.")
        if n:
            text += (" llama-bench evaluating the same tokens at the same depths shows "
                     f"{_f(n.get('ratio'), 2)}x.")
        lines.append(text)
    r = _d(results.get("long_reply"))
    if "late_early_token_ratio" in missed and r:
        lines.append(
            f"- **A long reply**: the last {r['window']} tokens take "
            f"{_f(r['late_early_token_ratio'], 2)}x the time of the first {r['window']} "
            f"(target 1.1); llama-bench at the same depths {_f(r['native_late_early_ratio'], 2)}x, "
            f"so the app's own share is {_f(r['app_excess_ratio'], 2)}x. At 4,000 tokens this "
            "small model's KV cache is about as large as its weights, and each new token reads "
            "all of it: the slow-down is memory traffic that no app around llama.cpp can "
            "remove (flash attention, tried with llama-bench, does not change it on this CPU).")
    k = _d(results.get("kv"))
    q8 = _d(_d(k.get("long_reply")).get("q8_0"))
    if "late_early_token_ratio_q8" in missed and q8:
        native = q8["native_late_early_ratio"]
        lines.append(
            f"- **A long reply with a q8_0 KV cache**: the last {q8['window']} tokens take "
            f"{_f(q8['late_early_token_ratio'], 2)}x the time of the first (target 1.1); "
            f"llama-bench with the same cache and flash attention at the same depths "
            f"{_f(native, 2)}x, so the app's own share is "
            f"{_f(q8['late_early_token_ratio'] / native, 2)}x. A quantized cache is smaller "
            "but is read whole for each new token like f16's, and dequantized on the way: "
            "the slow-down is llama.cpp's, as with f16.")
    p = _d(results.get("prediction"))
    models = [m for m in p.get("models", []) if not m.get("calibration")]
    if "prediction_error" in missed and models:
        worst = max(models, key=lambda m: m["generation_error"])
        others = [m for m in models if m is not worst]
        rounds = worst["generation_rounds_tps"]
        calibration = next((m for m in p.get("models", []) if m.get("calibration")), None)
        text = (f"- **Speed predicted before download**: the largest error is "
                f"{worst['quantization']}'s ({_f(worst['predicted_generation_tps'], 1)} "
                f"tokens/s predicted, {_f(worst['measured_generation_tps'], 1)} measured: "
                f"{_f(100 * worst['generation_error'], 0)} %; target 20 %)")
        if others:
            text += ("; the others' are " + ", ".join(
                f"{m['quantization']} {_f(100 * m['generation_error'], 0)} %" for m in others))
        text += (f". Its {len(rounds)} measured rounds ranged from {_f(min(rounds), 0)} to "
                 f"{_f(max(rounds), 0)} tokens/s")
        if calibration is not None:
            cal = calibration["generation_rounds_tps"]
            text += (f", and the calibrating Q4_1's from {_f(min(cal), 0)} to "
                     f"{_f(max(cal), 0)}")
        text += (": on this shared machine one round differs from the next by as much as the "
                 "gap.")
        if worst["quantization"] == "Q4_0":
            text += (" The per-format costs come from llama-bench on single-format files; "
                     "in the app's engine this file, Q4_0 weights with SmolLM2's Q8_0 output "
                     "matrix, runs slower than the sum of its parts, while a file of Q4_0 "
                     "alone was predicted within 6 % (a run with --predict-model on "
                     "llama-quantize --pure files, 2026-12-03).")
        lines.append(text)
    handled = ("generation_ratio", "prompt_ratio", "followup_ttft_ratio",
               "late_early_token_ratio", "late_early_token_ratio_q8", "prediction_error")
    for key, row in missed.items():
        if key not in handled:
            lines.append(f"- **{row['target']}**: measured {_f(row['value'], 3)}.")
    return lines


def write_report(results: Mapping[str, Any], path: Path, plots: Path) -> None:
    images = write_plots(results, plots)
    rel = os.path.relpath(plots, path.parent)

    def image(name: str, alt: str) -> list[str]:
        return ["", f"![{alt}]({rel}/{name})"] if name in images else []

    quick = results.get("quick")
    env = _d(results.get("environment"))
    lines = [
        "# Benchmarks",
        "",
        ("**Quick mode: toy sizes, the numbers mean nothing.**" if quick else
         f"A full run of `make bench` (bench/), {env.get('date')}. The raw numbers are in "
         "bench/results/latest.json; re-run with `make bench`."),
        "",
        "## Summary",
        "",
        *_summary(results),
        "",
        "## Remaining gaps",
        "",
        *_gaps(results),
        "",
        "## Reading the numbers",
        "",
        *_readings(results),
        "",
        "## What was measured, on what",
        "",
        *_environment(results),
        "",
        "## Prompt and generation speed: the app against native llama.cpp",
        "",
        *_throughput(results),
        *image("throughput.png", "prompt and generation speed, native and app"),
        "",
        "## Where generation time goes",
        "",
        *_ladder(results),
        *image("ladder.png", "milliseconds per token at each layer"),
        "",
        "## Follow-up turns",
        "",
        *_followup(results),
        *image("followup.png", "time to first token per turn"),
        "",
        "## A long reply",
        "",
        *_long_reply(results),
        *image("long_reply.png", "time per token and UI lateness over a long reply"),
        "",
        "## KV cache types",
        "",
        *_kv(results),
        "",
        "## Streaming into the view, without a model",
        "",
        *_view_stream(results),
        *image("view_stream.png", "UI thread load while a reply streams into the view"),
        "",
        "## History at scale",
        "",
        *_history(results),
        *_export(results),
        "",
        "## Local documents",
        "",
        *_documents(results),
        "",
        "## The API server",
        "",
        *_api(results),
        "",
        "## Batch jobs",
        "",
        *_batch(results),
        "",
        "## Instant chat switching",
        "",
        *switch_report(results),
        "",
        "## Speed known before download",
        "",
        *prediction_report(results),
        "",
        "## Start-up and memory",
        "",
        *_startup(results),
        "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines))
