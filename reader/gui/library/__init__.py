"""The library of articles in the window: collections, cross-article lists, corrections."""
