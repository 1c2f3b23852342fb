"""Configuration: command-line flags > environment (FACTCHECK_*, OPENAI_*) > config file > defaults.

The config file is TOML at `$FACTCHECK_CONFIG`, else `config.toml` in the user config directory
(platformdirs), with the same keys as the fields below.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import AliasChoices, Field, SecretStr, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from .errors import ConfigError
from .local_models import LocalModelName
from .redact import remember
from .state import LEASE_SECONDS

Provider = Literal["local", "openai"]
StructuredOutput = Literal["auto", "json_schema", "json_object", "tools"]
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"


def config_path() -> Path:
    env = os.environ.get("FACTCHECK_CONFIG")
    return Path(env) if env else Path(platformdirs.user_config_dir("factcheck")) / "config.toml"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FACTCHECK_", extra="forbid", populate_by_name=True)

    provider: Provider | None = Field(
        None, description="local (bundled model) or openai (OpenAI or any compatible server); default: "
        "openai when an API key or base URL is configured, else local"
    )
    model: str | None = Field(
        None, description="model name on the server, or a GGUF path for local; default: the bundled SmolLM2"
    )
    local_model: LocalModelName | None = Field(
        None, description="the in-process model: smollm2 (bundled, the default) or qwen2.5-coder-1.5b (the "
        "`qwen` extra, 1.1 GB); asking for one chooses the local provider unless a provider is set"
    )
    base_url: str | None = Field(
        None, validation_alias=AliasChoices("base_url", "FACTCHECK_BASE_URL", "OPENAI_BASE_URL")
    )
    api_key: SecretStr | None = Field(
        None, validation_alias=AliasChoices("api_key", "FACTCHECK_API_KEY", "OPENAI_API_KEY")
    )
    structured_output: StructuredOutput = Field(
        "auto", description="json_schema (OpenAI), json_object with a schema (llama.cpp server, Ollama), "
        "or tools; auto picks json_schema for api.openai.com and json_object otherwise"
    )
    max_reasks: int = Field(2, ge=0, le=10, description="re-asks with the validation error, per step")
    token_budget: int = Field(200_000, gt=0, description="tokens one report may spend, re-asks included")
    timeout: float = Field(
        120.0, gt=0, description="seconds per attempt of a request to a model server, the whole answer included"
    )
    fetch_timeout: float = Field(
        30.0, gt=0, description="seconds to fetch an article, feed or list of feeds (each redirect), the whole page included"
    )
    max_retries: int = Field(2, ge=0, le=10, description="HTTP retries per request (openai client)")
    concurrency: int = Field(4, ge=1, le=64, description="parallel requests to a remote server")
    n_ctx: int = Field(
        4096, ge=512, description="context window of the local model, in tokens (one request holds one sentence)"
    )
    threads: int | None = Field(None, ge=1, description="CPU threads for the local model")
    seed: int = 0
    max_claims: int = Field(12, ge=1, le=200, description="sentences the claims chain examines")
    max_events: int = Field(40, ge=1, le=500, description="dates the timeline chain examines, in article order")
    summary_sentences: int = Field(5, ge=1, le=50, description="sentences in the summary")
    refine_checkworthiness: bool | None = Field(
        None, description="let the chat model rate each checkable claim with the whole article in view, and "
        "average its rating with the scorer's; default: on for a server, off for the bundled model, which is "
        "too small to judge a whole article"
    )
    prompts_dir: Path | None = Field(None, description="directory of prompt files overriding the built-in ones")
    state_lease: float = Field(
        LEASE_SECONDS, ge=1, le=86_400, description="seconds a claim on an article or a job lasts unless its process renews it "
        "(every third of it, while the process lives): how long a dead process's work waits before another takes it"
    )
    allow_private_urls: bool = Field(
        False, description="fetch article URLs whose host is a private, loopback or link-local address "
        "(refused by default, so that a URL cannot make factcheck reach into the local network)"
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=config_path())

    @property
    def resolved_provider(self) -> Provider:
        if self.provider:
            return self.provider
        if self.local_model:
            return "local"
        return "openai" if (self.api_key or self.base_url) else "local"

    @property
    def resolved_refine_checkworthiness(self) -> bool:
        if self.refine_checkworthiness is not None:
            return self.refine_checkworthiness
        return self.resolved_provider != "local"

    @property
    def resolved_structured_output(self) -> StructuredOutput:
        if self.structured_output != "auto":
            return self.structured_output
        if self.resolved_provider == "local":
            return "json_object"
        official = self.base_url is None or "api.openai.com" in self.base_url
        return "json_schema" if official else "json_object"


def load_settings(**overrides: Any) -> Settings:
    """Settings from every source, with the flags the user gave (None means 'not given')."""
    given = {k: v for k, v in overrides.items() if v is not None}
    try:
        settings = Settings(**given)
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(p) for p in problem["loc"])
        raise ConfigError(f"invalid setting {where}: {problem['msg']}") from None
    except (OSError, ValueError) as exc:  # an unreadable or malformed config file
        raise ConfigError(f"{config_path()}: {exc}") from None
    if settings.api_key is not None:
        remember(settings.api_key.get_secret_value())
    return settings
