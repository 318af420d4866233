"""What newsloom learned or collected, shipped as data: trained models and lexicons.

Each file names the script under `training/` that rebuilds it and the data it learned from.
"""
