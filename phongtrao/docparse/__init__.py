"""Reads Vietnamese plan documents (.txt, .docx, .pdf) into the parse contract of
DESIGN.md. Plain Python: no Django here, so the CLI and any other program can use it."""

from phongtrao.docparse.extract import extract
from phongtrao.docparse.readers import ReadError, read_document

__all__ = ["ReadError", "extract", "parse_bytes", "parse_text", "read_document"]


def parse_text(text: str) -> dict:
    return extract(text)


def parse_bytes(data: bytes, filename: str) -> dict:
    return extract(read_document(data, filename))
