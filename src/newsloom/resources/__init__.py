"""What newsloom learned, shipped as data: see each file's training script under training/."""
