"""Cross-source comparison: entities each source has alone, figures that agree or differ.
`comparison.compare`."""
