# SPDX-License-Identifier: MIT
"""The forms in which evidence from Windows reaches `slerr explain`, made from one fixture:
as a file Windows wrote (CRLF, UTF-8 BOM, UTF-16LE BOM) and as text pasted by a person
(quoted in Markdown, cut at the console's width)."""


def crlf(b):
    return b.replace(b"\n", b"\r\n")


def utf16(b):
    """Windows PowerShell's `>`: UTF-16LE with a BOM and CRLF line ends."""
    return b"\xff\xfe" + crlf(b).decode("utf-8").encode("utf-16-le")


def markdown(b):
    lines = b.decode().splitlines()
    return ("> ```text\n" + "".join("> " + x + "\n" for x in lines) + "> ```\n").encode()


def wrapped(b, width=80):
    """Text as a Windows console copies it: lines cut at `width` columns, even inside a GUID."""
    out = []
    for line in b.decode().splitlines():
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return ("\n".join(out) + "\n").encode()


def forum(b):
    """Text as a forum or chat renders and people copy it: each line a bullet with its label
    in bold, a full-width colon (as Chinese input methods type it), trailing double spaces."""
    out = []
    for line in b.decode().splitlines():
        label, sep, value = line.partition(": ")
        if sep and label.strip() and not label.startswith(" ") and "<" not in label:
            line = f"**{label}**\uff1a{value}"
        out.append(f"- {line}  " if line.strip() else line)
    return ("\n".join(out) + "\n").encode()


# As files from Windows arrive; every kind of evidence comes this way.
FILE_FORMS = {
    "plain": lambda b: b,
    "crlf": crlf,
    "utf-8 bom": lambda b: b"\xef\xbb\xbf" + b,
    "utf-16le bom": utf16,
}
# As people paste text; XML comes as files.
PASTED_FORMS = {"markdown": markdown, "wrapped": wrapped, "forum": forum}
# Two at once, as they meet: a console copy (cut at 80 columns) quoted in Markdown, or saved by
# Notepad as "Unicode"; a Markdown quote saved the same way. (Not a forum's rendering of a cut
# copy: it rewrites the labels, so no line keeps the 80 columns that show a value was cut.)
COMBINED_FORMS = {
    "markdown of wrapped": lambda b: markdown(wrapped(b)),
    "utf-16le of wrapped": lambda b: utf16(wrapped(b)),
    "utf-16le of markdown": lambda b: utf16(markdown(b)),
}
