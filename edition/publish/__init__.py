"""Publishing: TEI → web edition (web.py) and print edition (pdf.py), both with XSLT 3.0 run by saxonche."""
