"""The synthetic network `seed_scale` builds for the benchmark."""
