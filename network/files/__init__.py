"""Files members share in groups: what may be uploaded, where it is kept, how it is sent back."""
