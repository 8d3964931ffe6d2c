"""The ToUnicode maps of a PDF map: radicals named after the ideographs their glyphs show, glyph
ids and every byte offset left as they were."""
import doctest

from megaregion.core.export import pdf_text

CMAP = (b"/CIDInit /ProcSet findresource begin\n2 beginbfrange\n<0000> <0000> <0000>\n"
        b"<0001> <0004> [<0032> <2F08> <2ED3> <2012>]\nendbfrange\n1 beginbfchar\n<2F08> <2F1D>\nendbfchar\nend\n")


def _pdf(cmap, filtered=False):
    head = b"%PDF-1.4\n7 0 obj\n<< /Type /Font /ToUnicode 9 0 R >>\nendobj\n"
    extra = b" /Filter /FlateDecode" if filtered else b""
    return head + b"9 0 obj\n<< /Length %d%s >>\nstream\n" % (len(cmap), extra) + cmap + \
        b"endstream\nendobj\nxref\n0 1\ntrailer\n<< >>\nstartxref\n0\n%%EOF\n"


def test_doctests():
    result = doctest.testmod(pdf_text)
    assert result.failed == 0 and result.attempted > 0


def test_radicals_become_ideographs_and_glyph_ids_stay():
    data = _pdf(CMAP)
    fixed = pdf_text.fix_radicals(data)
    assert len(fixed) == len(data)
    # destinations: 人 U+4EBA, 长 U+957F, en dash; the source code <2F08> (a glyph id) is kept
    assert b"[<0032> <4EBA> <957F> <2013>]" in fixed
    assert b"<2F08> <53E3>" in fixed  # 口 for the Kangxi radical of mouth
    assert fixed.replace(b"[<0032> <4EBA> <957F> <2013>]", b"[<0032> <2F08> <2ED3> <2012>]").replace(
        b"<2F08> <53E3>", b"<2F08> <2F1D>") == data


def test_a_compressed_map_and_other_pdfs_are_left_alone():
    assert pdf_text.fix_radicals(_pdf(CMAP, filtered=True)) == _pdf(CMAP, filtered=True)
    assert pdf_text.fix_radicals(b"%PDF-1.4\n%%EOF\n") == b"%PDF-1.4\n%%EOF\n"
