"""The throughput benchmark's CPU figures: a child's user + sys seconds are counted once it is
reaped, and the bare pipeline's tokens with its process time."""
from __future__ import annotations

import subprocess
import sys

import spacy

from benchmarks.run import children_cpu_seconds, timed_pipe, timed_pipe_cpu

BURN = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3:\n    pass\n"


def test_children_cpu_counts_a_reaped_child():
    before = children_cpu_seconds()
    subprocess.run([sys.executable, "-c", BURN], check=True)
    assert children_cpu_seconds() - before >= 0.3  # the child spent at least 0.3 s of its own CPU


def test_timed_pipe_cpu_counts_tokens_and_this_process_cpu():
    tokenizer = spacy.blank("en").tokenizer
    texts = ["Interpol met Europol in Lyon.", "The UN Security Council met in New York."] * 50
    wall, tokens, cpu = timed_pipe_cpu(lambda ts: tokenizer.pipe(ts), texts)
    assert tokens == 50 * (len(tokenizer(texts[0])) + len(tokenizer(texts[1])))
    assert cpu > 0 and wall > 0
    assert timed_pipe(lambda ts: tokenizer.pipe(ts), texts)[1] == tokens
