"""A district-scale data set for benchmarks (``minqing demo --scale district``)."""
