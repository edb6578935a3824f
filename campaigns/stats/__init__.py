"""Page views and visitor statistics (DESIGN §6): counting, storage, reading."""
