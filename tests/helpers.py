"""Small hand-made inputs shared by tests."""

from __future__ import annotations


def article_text(topic: str, paragraphs: int = 4) -> str:
    """A made-up article: a headline, a byline and prose paragraphs about ``topic``."""
    body = "\n\n".join(
        f"The {topic} council met on day {i} to discuss the harbour budget, officials said. "
        f"Delegates from the northern district argued that the {topic} plan would cost "
        f"more than {100 + i} million crowns over {i + 2} years."
        for i in range(1, paragraphs + 1)
    )
    return f"{topic.title()} Council Weighs Harbour Plan\n\nBy Maren Oslund\n\n{body}\n"
