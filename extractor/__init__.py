"""Pulls figures (counts, percentages, money, targets) out of Vietnamese union reports."""
from .models import BatchResult, Document, DocumentResult, Figure, FileError
from .pipeline import extract, extract_text

__all__ = ["BatchResult", "Document", "DocumentResult", "Figure", "FileError", "extract", "extract_text"]
