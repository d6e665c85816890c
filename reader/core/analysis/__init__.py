"""The analysis: spaCy over chunks, the entity and quote rules, one Analysis out."""
