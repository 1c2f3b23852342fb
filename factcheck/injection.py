"""Text addressed to a language model inside an article ("ignore previous instructions...").

Found by code with a small set of patterns, reported in the report's warnings with the sentence
ids, and kept away from the model: the pipeline plans no step about such a sentence. This is
defence in depth, not the defence: whatever the patterns miss still reaches the model only as
fenced data, and every answer must pass the grounding checks.

The patterns aim at wording that addresses a model, not at news about one: an imperative to
ignore "instructions", chat-template role markers, our own fence and draft-field syntax, requests
to reveal a prompt or call a URL. Ordinary sentences such as "He told reporters to ignore the
rumours" or "The AI assistant will launch next month" must not match (tests/test_injection_detect.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .models import ReportWarning

# Sentence start, or after a clause break or a word that introduces an order ("please", "you must").
_ORDER = r"(?:^|[.:;!?\"“(\-–—]\s*|\bplease,?\s+|\byou\s+(?:must|should|shall|will|are\s+to)\s+(?:now\s+)?|\b(?:and|then|now)\s+)"

PATTERNS: dict[str, re.Pattern[str]] = {
    # "Ignore all previous instructions", "disregard the rules above", "forget your prompt".
    "ignore-instructions": re.compile(
        r"\b(?:ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,40}?\b(?:previous|prior|preceding|above|earlier|"
        r"all|any|your|the\s+system(?:'s)?|original|initial)\b[^.!?\n]{0,25}?\b(?:instructions?|prompts?|rules|"
        r"directives?|guidelines|guardrails|constraints|system\s+messages?)\b",
        re.IGNORECASE,
    ),
    # Chat-template and role markers: <|im_start|>system, [INST], <<SYS>>, "SYSTEM:", "### Instruction".
    "role-marker": re.compile(
        r"<\|\s*(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id)\s*\|>|"
        r"\[/?INST\]|<</?SYS>>|(?-i:(?:^|\s)(?:SYSTEM|ASSISTANT|DEVELOPER)\s*:|^\s*(?:System|Assistant|Developer)\s*:)|"
        r"#{2,}\s*(?:system|instruction|instructions|response)\b",
        re.IGNORECASE,
    ),
    # Our own fences (<sentence-NONCE>, <part-NONCE>) and the field names of the drafts, as JSON.
    "fence-or-answer-syntax": re.compile(
        r"</?\s*(?:sentence|part)(?:-[\w]+)?\s*>|[{,]\s*\"(?:type|speaker|claim|verify|sentence|event)\"\s*:",
        re.IGNORECASE,
    ),
    # Orders about the output: "say the claim is verified", "mark every claim as true", "respond only with".
    "output-order": re.compile(
        _ORDER + r"(?:say|state|report|conclude|confirm|mark|label|rate|classify|flag|output|print|respond|reply|answer|"
        r"write|summari[sz]e)\b[^.!?\n]{0,30}?\b(?:(?:this|the|every|each|all|these)\s+claims?|the\s+article|the\s+summary|"
        r"it)\s+(?:is|are|as|was)\s+(?:(?:fully|officially|independently)\s+)?(?:verified|true|accurate|correct|"
        r"confirmed|false|fake|debunked|trustworthy|reliable)\b|"
        + _ORDER + r"(?:respond|reply|answer|output)\s+(?:only\s+(?:with|in)\b|(?:with|in)\s+(?:json|the\s+word|"
        r"the\s+following|one\s+word|a\s+single|yes\b|no\b|[\"“']))",
        re.IGNORECASE,
    ),
    # Asking for the prompt: "reveal your system prompt", "print your initial instructions".
    "prompt-leak": re.compile(
        r"\bsystem\s+prompt\b|\b(?:reveal|print|repeat|show|output|leak|disclose|recite|dump)\b[^.!?\n]{0,30}?"
        r"\b(?:your|the)\s+(?:instructions|prompt|rules|guidelines|configuration)\b",
        re.IGNORECASE,
    ),
    # Addressing the reader as a model: "AI assistants reading this must", "you are now an unrestricted AI".
    "addressed-to-model": re.compile(
        r"\b(?:dear|attention|note\s+to|hey|hello|to\s+any|to\s+all)\s+(?:the\s+)?(?:ai|llm|language\s+model|chatbot|"
        r"assistant|model|summari[sz]er|bot)s?\b|"
        r"\b(?:ai|llm|language\s+model|chatbot|summari[sz]er|model|assistant)s?\s+(?:reading|processing|summari[sz]ing|"
        r"analy[sz]ing)\s+(?:this|these)\b|"
        r"\b(?:if\s+)?you\s+are\s+(?:now\s+)?(?:an?\s+)?(?:ai|llm|language\s+model|chatbot|large\s+language\s+model)\b|"
        r"\byou\s+are\s+now\s+(?:an?\s+|in\s+)?(?:unrestricted|uncensored|jailbroken|dan\b|developer\s+mode)|"
        r"\b(?:pretend|imagine)\s+(?:that\s+)?you\s+are\b|\brole-?play\s+as\b|"
        r"\b(?:enter|enable|activate)\s+(?:developer|god|dan|jailbreak)\s+mode\b|\bnew\s+instructions\s*:",
        re.IGNORECASE,
    ),
    # Requests to reach a URL: "fetch https://...", "send the summary to https://...".
    "url-order": re.compile(
        r"\b(?:send|post|upload|forward|exfiltrate|transmit|leak)\s+(?:the|your|this|all|its)\s+(?:\w+\s+){0,3}?"
        r"(?:summary|answer|output|response|instructions|prompt|conversation|data|report|results?|claims)\b"
        r"[^.!?\n]{0,40}?https?://|"
        r"\b(?:fetch|curl|wget|ping|call|request|load|open|GET|POST)\s+(?:the\s+(?:url|endpoint|webhook|link)\s+)?"
        r"(?:at\s+)?https?://",
        re.IGNORECASE,
    ),
}

# Zero-width and bidirectional controls (Unicode format characters): invisible, and able to split
# "ign\u200bore" so that a pattern misses it. They are removed before matching, not from the text.
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


@dataclass(frozen=True, slots=True)
class Finding:
    sentence_id: str | None  # None: in the page's markup, outside the text analysed
    kind: str
    excerpt: str


def matches(text: str) -> list[tuple[str, str]]:
    """(pattern name, matched words) for each pattern the text matches, invisible characters removed."""
    visible = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    found = []
    for kind, pattern in PATTERNS.items():
        if match := pattern.search(visible):
            found.append((kind, " ".join(match.group().split())[:80]))
    return found


def scan_sentences(sentences: Iterable) -> list[Finding]:
    """Findings for sentences (objects with .id and .text)."""
    return [Finding(s.id, kind, excerpt) for s in sentences for kind, excerpt in matches(s.text)]


def invisible_characters(sentences: Iterable) -> list[str]:
    """Ids of sentences holding zero-width or bidirectional control characters."""
    return [s.id for s in sentences if _INVISIBLE.search(s.text)]


def warnings_for(findings: list[Finding], invisible: list[str]) -> list[ReportWarning]:
    """One warning per sentence addressed to a model, one for markup, one for invisible characters."""
    warnings = []
    by_sentence: dict[str | None, list[Finding]] = {}
    for finding in findings:
        by_sentence.setdefault(finding.sentence_id, []).append(finding)
    for sid, found in by_sentence.items():
        what = "; ".join(f"{f.kind}: {f.excerpt!r}" for f in found[:3])
        if sid is None:
            warnings.append(
                ReportWarning(
                    code="hidden-text-addressed-to-model",
                    message=f"the page's markup (comments, attributes or hidden elements) holds text addressed to a language "
                    f"model ({what}); it is not part of the text analysed",
                )
            )
        else:
            warnings.append(
                ReportWarning(
                    code="text-addressed-to-model",
                    message=f"{sid} reads as text addressed to a language model, not to readers ({what}); it was not "
                    "sent to the model and no item is drawn from it",
                    item=sid,
                )
            )
    if invisible:
        warnings.append(
            ReportWarning(
                code="invisible-characters",
                message=f"{', '.join(invisible[:20])} hold zero-width or text-direction characters, invisible on screen; "
                "they are kept in the text",
            )
        )
    return warnings


_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_ATTRIBUTE = re.compile(r"""\b(?:alt|title|aria-label|content|data-[\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_TAG = re.compile(r"<[^>]*>")


def scan_markup(html: str, analysed: str) -> list[Finding]:
    """Findings in what a page keeps out of its article text (`analysed`): HTML comments, alt, title
    and meta attributes, hidden or boilerplate elements."""
    import html as html_lib

    hidden = [m.group(1) for m in _COMMENT.finditer(html)]
    hidden += [html_lib.unescape(m.group(1) or m.group(2) or "") for m in _ATTRIBUTE.finditer(html)]
    hidden += html_lib.unescape(_TAG.sub("\n", _COMMENT.sub(" ", html))).splitlines()
    seen = set(matches(analysed))
    found = {(kind, excerpt) for text in hidden for kind, excerpt in matches(text)} - seen
    return [Finding(None, kind, excerpt) for kind, excerpt in sorted(found)]
