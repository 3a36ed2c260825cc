"""The XMP metadata packet of a memo PDF: its document information again, in the form
PDF/A and PDF/UA read, with the claims of conformance.

PDF/A-2 wants each entry of the document information dictionary repeated, equal, in XMP
(title, author, subject, keywords, creator and producer, creation and modification
dates); PDF/UA wants ``dc:title`` and ``pdfuaid:part``. The ``pdfuaid`` schema is not one
PDF/A-2 predefines, so the packet describes it in a PDF/A extension schema, as the
standard requires of any other schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

PDFA_PART, PDFA_CONFORMANCE, PDFUA_PART = 2, "A", 1


@dataclass(frozen=True)
class DocumentInfo:
    """The document information as the PDF's ``/Info`` dictionary holds it (dates as
    ISO 8601 with the same offset)."""

    title: str
    author: str
    subject: str
    keywords: str
    creator: str
    producer: str
    created: str
    modified: str
    language: str


_PDFUA_EXTENSION = """<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed\
</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>"""

_NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}


def _alt(text: str) -> str:
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'


def xmp_packet(info: DocumentInfo) -> bytes:
    """The packet as UTF-8 bytes, for an uncompressed ``/Metadata`` stream."""
    namespaces = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in _NAMESPACES.items())
    language = f"<dc:language><rdf:Bag><rdf:li>{escape(info.language)}</rdf:li></rdf:Bag>" \
        "</dc:language>" if info.language else ""  # fmt: skip
    body = f"""<rdf:Description rdf:about="" {namespaces}>
<dc:format>application/pdf</dc:format>
<dc:title>{_alt(info.title)}</dc:title>
<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description>{_alt(info.subject)}</dc:description>{language}
<pdf:Keywords>{escape(info.keywords)}</pdf:Keywords>
<pdf:Producer>{escape(info.producer)}</pdf:Producer>
<xmp:CreatorTool>{escape(info.creator)}</xmp:CreatorTool>
<xmp:CreateDate>{info.created}</xmp:CreateDate>
<xmp:ModifyDate>{info.modified}</xmp:ModifyDate>
<xmp:MetadataDate>{info.modified}</xmp:MetadataDate>
<pdfaid:part>{PDFA_PART}</pdfaid:part>
<pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance>
<pdfuaid:part>{PDFUA_PART}</pdfuaid:part>
{_PDFUA_EXTENSION}
</rdf:Description>"""
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f"{body}\n</rdf:RDF>\n</x:xmpmeta>\n"
        + " " * 99 + "\n"  # room for an editor to grow the packet in place
        + '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")
