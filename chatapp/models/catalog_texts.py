"""The catalog's descriptions, marked for translation.

resources/catalog.json is data that pyside6-lupdate does not read: its descriptions are listed
here, so they are extracted like any string, and CatalogEntry.shown_description translates
them. tests/unit/models/test_catalog.py fails when the two lists differ.
"""

from __future__ import annotations

from typing import Final

from chatapp.i18n import QT_TRANSLATE_NOOP

DESCRIPTIONS: Final = (
    QT_TRANSLATE_NOOP("Catalog", "Small, fast embedding model for Local documents (English, "
                                 "384 dimensions): indexing runs quickly on any computer."),
    QT_TRANSLATE_NOOP("Catalog", "The tiny starter model: instant on any computer, good for "
                                 "trying the app, weak at facts and reasoning."),
    QT_TRANSLATE_NOOP("Catalog", "Embedding model for Local documents: finds passages by "
                                 "meaning, in English, across long texts (8K trained)."),
    QT_TRANSLATE_NOOP("Catalog", "A very small, fast English model for short answers and "
                                 "simple rewriting."),
    QT_TRANSLATE_NOOP("Catalog", "The smallest Qwen3, with an optional thinking mode; good for "
                                 "quick, simple tasks."),
    QT_TRANSLATE_NOOP("Catalog", "Alibaba's smallest Qwen2.5: quick and multilingual, fine for "
                                 "short summaries and simple questions."),
    QT_TRANSLATE_NOOP("Catalog", "The smallest current Qwen: multilingual and quick; answers "
                                 "directly unless asked to think."),
    QT_TRANSLATE_NOOP("Catalog", "Liquid AI's fast hybrid model for on-device chat; quick "
                                 "replies on any laptop."),
    QT_TRANSLATE_NOOP("Catalog", "Liquid AI's small reasoning model: works a problem through "
                                 "before answering."),
    QT_TRANSLATE_NOOP("Catalog", "Google's small Gemma 3: multilingual, friendly answers, fast "
                                 "on any recent laptop."),
    QT_TRANSLATE_NOOP("Catalog", "Meta's small Llama: quick everyday chat and summaries with a "
                                 "long context."),
    QT_TRANSLATE_NOOP("Catalog", "A capable small Qwen3 with an optional thinking mode; runs "
                                 "well on older machines."),
    QT_TRANSLATE_NOOP("Catalog", "A good balance of speed and quality for everyday questions, "
                                 "in many languages."),
    QT_TRANSLATE_NOOP("Catalog", "A capable small Qwen3.5 in 201 languages; answers directly "
                                 "unless asked to think."),
    QT_TRANSLATE_NOOP("Catalog", "IBM's compact business-oriented model: careful instruction "
                                 "following and a long context."),
    QT_TRANSLATE_NOOP("Catalog", "Hugging Face's fully open 3B model; thinks before answering "
                                 "unless told /no_think."),
    QT_TRANSLATE_NOOP("Catalog", "Meta's mid-size small Llama: good writing and everyday chat "
                                 "on most laptops."),
    QT_TRANSLATE_NOOP("Catalog", "Google's mid-size Gemma 3: strong multilingual writing and "
                                 "explanations (text only here)."),
    QT_TRANSLATE_NOOP("Catalog", "Microsoft's 3.8B model: good at maths and code for its size, "
                                 "with a long context."),
    QT_TRANSLATE_NOOP("Catalog", "A strong small all-rounder with an optional thinking mode; a "
                                 "good default on 8 GB computers."),
    QT_TRANSLATE_NOOP("Catalog", "The July 2025 Qwen3 4B that answers straight away, without a "
                                 "thinking phase."),
    QT_TRANSLATE_NOOP("Catalog", "A strong current all-rounder that thinks before answering; a "
                                 "good pick for 8 GB computers."),
    QT_TRANSLATE_NOOP("Catalog", "Qwen3's 8B: better answers and an optional thinking mode; "
                                 "wants 16 GB of memory."),
    QT_TRANSLATE_NOOP("Catalog", "The best Qwen3.5 for a CPU: thinks before answering; wants "
                                 "16 GB of memory."),
    QT_TRANSLATE_NOOP("Catalog", "OpenAI's open-weight reasoning model, the large one here: "
                                 "reads 3.6B weights a token; wants 16 GB."),
)
