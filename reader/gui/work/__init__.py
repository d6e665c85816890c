"""Work off the GUI thread: lanes of jobs, and the spaCy pipeline's runner and child process."""
