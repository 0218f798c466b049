"""Page furniture: running headers and footers and page numbers, removed from each page's lines.

Shared by the PDF text layer and recognised scans. A line that repeats at the top or bottom of most pages
(page numbers masked) is a running header/footer; "- 3 -", "Trang 3", "3/12" or a lone "3" at the top or
bottom of a page is a page number.
"""

from __future__ import annotations

import re

# Lines within this many lines of a page's top or bottom may be furniture.
EDGE_LINES = 3
# A line is a running header/footer when it recurs on this share of pages.
RUNNING_SHARE = 0.6
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}|(?:trang|page)\s+\d{1,4}(?:\s*(?:/|of|trên)\s*\d{1,4})?"
    r"|\d{1,4}\s*/\s*\d{1,4})\s*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def _key(line: str) -> str:
    """Compare furniture lines with numbers masked: "Trang 3" ~ "Trang 4"."""
    return _DIGITS.sub("#", _SPACES.sub(" ", line.strip().lower()))


def _running(seen: dict[str, list[tuple[int, tuple[int, ...]]]], need: int) -> set[str]:
    """Masked keys seen on enough pages whose numbers are fixed or follow the page.

    "Trang 3" on page 3 and "Trang 4" on page 4 are one running footer; "Mục 1"
    and "Mục 7" at the top of two pages are content and stay.
    """
    running = set()
    for key, hits in seen.items():
        if len({page for page, _ in hits}) < need:
            continue
        numbers = {nums for _, nums in hits}
        if len(numbers) == 1:
            running.add(key)
            continue
        width = len(hits[0][1])
        varying = [j for j in range(width) if len({nums[j] for _, nums in hits}) > 1]
        if all(len({nums[j] - page for page, nums in hits}) == 1 for j in varying):
            running.add(key)
    return running


def strip_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Remove running headers/footers and page numbers from each page's lines."""
    pages = [[line.rstrip() for line in page if line.strip()] for page in pages]
    top: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
    bottom: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
    for page, lines in enumerate(pages, start=1):
        for region, edge in ((top, lines[:EDGE_LINES]), (bottom, lines[-EDGE_LINES:])):
            for line in dict.fromkeys(edge):
                nums = tuple(int(n) for n in _DIGITS.findall(line))
                region.setdefault(_key(line), []).append((page, nums))
    n = len(pages)
    need = max(2, round(RUNNING_SHARE * n + 0.49))
    running_top = _running(top, need) if n >= 2 else set()
    running_bottom = _running(bottom, need) if n >= 2 else set()

    cleaned = []
    for lines in pages:
        keep = list(lines)
        # Peel furniture off the top, then off the bottom, one line at a time.
        for _ in range(EDGE_LINES):
            if keep and (_key(keep[0]) in running_top or _PAGE_NUMBER.match(keep[0])):
                keep.pop(0)
        for _ in range(EDGE_LINES):
            if keep and (_key(keep[-1]) in running_bottom or _PAGE_NUMBER.match(keep[-1])):
                keep.pop()
        cleaned.append(keep)
    return cleaned
