"""Printable reports: the Ortsteil report as PDF (WeasyPrint)."""
