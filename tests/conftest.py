from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"


@pytest.fixture(scope="session")
def nlp():
    from extractor.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not EVAL.is_dir():
        pytest.skip("../shared/eval is not beside the project")
    return EVAL
