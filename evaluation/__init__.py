"""Measures the extractor against gold annotations with the spec's matching rule."""
