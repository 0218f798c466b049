"""Typer commands, thin: parse arguments, call the layer below, print."""
