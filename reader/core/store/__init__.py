"""The store and the library: analyses and corrections kept in SQLite, collections over them."""
