"""The trained layer over the rules: candidate relations scored by a model learned from annotated news."""
