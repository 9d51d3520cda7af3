"""Reads Vietnamese plan documents (.txt, .docx, .pdf) into the parse contract of
DESIGN.md. Plain Python: no Django here, so the CLI and any other program can use it."""

from collections.abc import Callable

from phongtrao.docparse.extract import extract
from phongtrao.docparse.readers import ReadError, needs_ocr, read_document

__all__ = ["ReadError", "extract", "needs_ocr", "parse_bytes", "parse_text", "read_document"]


def parse_text(text: str) -> dict:
    return extract(text)


def parse_bytes(data: bytes, filename: str, progress: Callable[[int, int], None] | None = None) -> dict:
    return extract(read_document(data, filename, progress))
