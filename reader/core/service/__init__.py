"""Getting analyses: from the store or made, in this process, worker processes or on Dask."""
