"""The faces of the product: the command line and the Textual screens."""
