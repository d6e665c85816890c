"""Reading an article file into an Article: safe reading, decoding, one loader per format."""
