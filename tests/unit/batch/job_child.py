"""A batch job in a process of its own, for the test that kills it mid-way.

Usage: python -m tests.unit.batch.job_child MODEL INPUT OUTPUT. Prints the number of
rows done after each row is written, so the test knows when to kill it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from chatapp.batch.inputs import read_input
from chatapp.batch.job import BatchJob, BatchProgress
from chatapp.batch.template import PromptTemplate
from chatapp.engine.llama_engine import LlamaEngine
from tests.unit.batch.conftest import ENGINE_SETTINGS, SAMPLING

TEMPLATE = "Answer briefly: {question}"
PARALLEL = 3


def report(progress: BatchProgress) -> None:
    print(progress.done, flush=True)


def main() -> None:
    model, source, output = (Path(arg) for arg in sys.argv[1:4])
    engine = LlamaEngine(model, ENGINE_SETTINGS)
    job = BatchJob(PromptTemplate(TEMPLATE), read_input(source), output, parallel=PARALLEL,
                   sampling=SAMPLING, context_per_row=256, on_progress=report)
    job.run(engine)


if __name__ == "__main__":
    main()
