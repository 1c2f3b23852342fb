"""Prompt files: YAML front matter (name, version, temperature, output, max_tokens) and a body.

Bodies are plain instructions. Nothing is ever substituted into them: article text reaches the
model only through `fence()`, as data appended by code, so an article cannot inject a template.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import frontmatter
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError
from .models import DRAFTS


class PromptMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    version: str
    temperature: float = Field(0.0, ge=0, le=2)
    output: str | None = Field(None, description="name of the draft model the answer must validate against")
    # Keep it above the longest answer the output model's string limits allow: an answer cut off
    # at the token limit is not JSON, and nothing of it can be salvaged.
    max_tokens: int = Field(256, gt=0, le=8192)
    description: str = ""


@dataclass(frozen=True, slots=True)
class Prompt:
    meta: PromptMeta
    body: str
    sha256: str
    path: Path

    @property
    def name(self) -> str:
        return self.meta.name



def builtin_dir() -> Path:
    """The prompts shipped with factcheck: inside the wheel, or at the top of a source checkout."""
    packaged = Path(str(resources.files("factcheck"))) / "_prompts"  # named apart from this module
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "prompts"


def load_prompt(name: str, user_dir: Path | None = None) -> Prompt:
    """Load `name.md`, from `user_dir` when it has one (a newsroom's own wording), else the built-in."""
    candidates = [user_dir / f"{name}.md"] if user_dir else []
    candidates.append(builtin_dir() / f"{name}.md")
    for path in candidates:
        if path.is_file():
            prompt = parse_prompt(path, expected_name=name)
            if path.parent != builtin_dir():
                _check_output(prompt, parse_prompt(builtin_dir() / f"{name}.md", expected_name=name))
            return prompt
    raise ConfigError(f"prompt '{name}' not found (looked in {', '.join(str(p.parent) for p in candidates)})")


def parse_prompt(path: Path, *, expected_name: str | None = None) -> Prompt:
    raw = path.read_text(encoding="utf-8")
    if not raw.startswith("---"):
        raise ConfigError(f"{path}: a prompt file starts with '---' front matter (name, version, ...)")
    try:
        meta_dict, body = frontmatter.parse(raw)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: front matter is not valid YAML ({str(exc).splitlines()[0]})") from exc
    try:
        meta = PromptMeta.model_validate(meta_dict)
    except ValidationError as exc:
        problem = exc.errors()[0]
        field = ".".join(str(p) for p in problem["loc"]) or "front matter"
        raise ConfigError(f"{path}: {field}: {problem['msg']}") from exc
    if meta.output and meta.output not in DRAFTS:
        raise ConfigError(f"{path}: unknown output model '{meta.output}' (known: {', '.join(DRAFTS)})")
    if expected_name and meta.name != expected_name:
        raise ConfigError(f"{path}: front matter names it '{meta.name}', expected '{expected_name}'")
    if not body.strip():
        raise ConfigError(f"{path}: the prompt body is empty")
    return Prompt(meta=meta, body=body.strip(), sha256=hashlib.sha256(raw.encode()).hexdigest(), path=path)


def _check_output(prompt: Prompt, builtin: Prompt) -> None:
    """The answer of a step is validated against the draft model its built-in prompt declares
    (`output`): a newsroom's prompt may reword the question, not ask for another answer."""
    if prompt.meta.output != builtin.meta.output:
        asks = f"declares output {prompt.meta.output}" if prompt.meta.output else "declares no output"
        raise ConfigError(
            f"{prompt.path}: {asks}, but the {prompt.name} step's answer is validated as "
            f"{builtin.meta.output or 'free text'}: set output: {builtin.meta.output}"
        )


def fence(label: str, text: str, nonce: str) -> str:
    """Mark untrusted text as data. The nonce (from the article's hash) makes the closing tag
    unguessable by the article's author, so the text cannot close the fence itself."""
    tag = f"{label}-{nonce}"
    return f"<{tag}>\n{text}\n</{tag}>"
