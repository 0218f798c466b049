"""Frozen dataclasses and enums shared by every layer (standard library only)."""
