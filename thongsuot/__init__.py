"""Thông Suốt: carries communication plans from the centre to the grassroots."""

__version__ = "0.1.0"
