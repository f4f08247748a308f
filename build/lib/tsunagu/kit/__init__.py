"""The share and print kit: share cards, QR codes, printable PDFs, redirects for printed addresses."""
