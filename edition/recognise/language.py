"""The text's language, from its commonest short words (enough to set `xml:lang` for a reader's
browser, hyphenation and search; a sidecar's `lang` overrides it)."""

from __future__ import annotations

import re
from collections import Counter

FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "it", "was", "for", "with", "as", "on", "not", "he", "we"},
    "es": {"el", "la", "de", "que", "y", "en", "los", "las", "del", "por", "con", "una", "para", "es", "se", "no"},
    "fr": {"le", "la", "les", "de", "des", "et", "est", "que", "une", "dans", "pour", "qui", "pas", "sur", "au", "du"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine", "sich", "auf", "dem"},
    "it": {"il", "di", "che", "e", "la", "per", "non", "del", "della", "un", "una", "sono", "gli", "con", "nel"},
    "pt": {"o", "de", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no", "se", "na"},
}


def language(text: str) -> str:
    """An ISO 639-1 code; English when the text is too short to tell."""
    words = Counter(re.findall(r"[^\W\d_]+", text[:20_000].lower()))
    scores = {code: sum(words[w] for w in common) for code, common in FUNCTION_WORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 5 and scores[best] > scores["en"] * 1.2 else "en"
