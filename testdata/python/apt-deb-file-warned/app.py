import pdfkit

pdfkit.from_string("<p>hi</p>", "/tmp/out.pdf")
