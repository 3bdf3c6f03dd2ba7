#!/usr/bin/env python3
"""Makes the Word-style PDF fixtures of the PDF table tests: the blank official 2021 template
(../shared/corpus/real/official-template-2021-blank.docx — the national format, no report's text) filled with a
made-up county's consistent figures and a short draft of our own, then converted by LibreOffice, as clerks do.

    apt-get install libreoffice-writer-nogui fonts-wqy-zenhei
    python3 scripts/make_pdf_table_fixtures.py [TEMPLATE.docx]

Writes to Tests/Fixtures/:
  filled-template-2024.pdf          the template's own narrow columns: labels wrap over two to four lines,
                                    the group label 三、本年度办理结果 over three, 表三 runs over a page break
  filled-template-narrow-2024.pdf   every table's label columns narrowed further (more wrapping)
  filled-template-wrong-total.pdf   as the first, with one total of 表三 changed (table-identity must fire)
Only the standard library is used (zipfile and regular expressions on the document XML): no python-docx.
"""
import os
import re
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "Fixtures")
TEMPLATE = os.path.join(HERE, "..", "..", "shared", "corpus", "real", "official-template-2021-blank.docx")

# 表二, by row label: the figures of its cells.
TABLE2 = {"规章": ["1", "0", "5"], "行政规范性文件": ["12", "3", "40"], "行政许可": ["1520"], "行政处罚": ["86"],
          "行政强制": ["4"], "行政事业性收费": ["12.5"]}

# 表三: the outcome rows (six applicant columns each); the totals are worked out below so that every identity holds.
OUTCOMES = [
    ("（一）予以公开", [20, 3, 1, 0, 1, 0]), ("（二）部分公开", [4, 1, 0, 0, 0, 0]),
    ("1.属于国家秘密", [0, 0, 0, 0, 0, 0]), ("2.其他法律行政法规禁止公开", [1, 0, 0, 0, 0, 0]),
    ("3.危及", [0, 0, 0, 0, 0, 0]), ("4.保护第三方合法权益", [2, 0, 0, 0, 0, 0]),
    ("5.属于三类内部事务信息", [1, 0, 0, 0, 0, 0]), ("6.属于四类过程性信息", [1, 1, 0, 0, 0, 0]),
    ("7.属于行政执法案卷", [0, 0, 0, 0, 0, 0]), ("8.属于行政查询事项", [1, 0, 0, 0, 0, 0]),
    ("1.本机关不掌握相关政府信息", [9, 2, 0, 0, 0, 1]), ("2.没有现成信息需要另行制作", [2, 0, 0, 0, 0, 0]),
    ("3.补正后申请内容仍不明确", [1, 0, 0, 0, 0, 0]), ("1.信访举报投诉类申请", [2, 0, 0, 0, 0, 0]),
    ("2.重复申请", [3, 0, 0, 0, 0, 0]), ("3.要求提供公开出版物", [0, 0, 0, 0, 0, 0]),
    ("4.无正当理由大量反复申请", [0, 0, 0, 0, 0, 0]), ("5.要求行政机关确认或重新出具已获取信息", [1, 0, 0, 0, 0, 0]),
    ("1.申请人无正当理由逾期不补正", [2, 0, 0, 0, 0, 0]), ("2.申请人逾期未按收费通知要求", [0, 0, 0, 0, 0, 0]),
    ("3.其他", [1, 0, 0, 0, 0, 0]),
]
CARRIED = [3, 0, 0, 0, 0, 0]
CARRIED_FORWARD = [5, 1, 0, 0, 0, 0]
# 表四: 行政复议, 未经复议直接起诉, 复议后起诉 — 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
TABLE4 = [[2, 1, 0, 1], [1, 0, 0, 1], [0, 0, 1, 0]]


def with_total(values):
    return values + [sum(values)]


def table3_rows():
    outcome_total = [sum(v[i] for _, v in OUTCOMES) for i in range(6)]
    new = [outcome_total[i] + CARRIED_FORWARD[i] - CARRIED[i] for i in range(6)]
    rows = [("一、本年新收", with_total(new)), ("二、上年结转", with_total(CARRIED))]
    rows += [(label, with_total(v)) for label, v in OUTCOMES]
    rows += [("（七）总计", with_total(outcome_total)), ("四、结转下年度继续办理", with_total(CARRIED_FORWARD))]
    return rows


def prose(rows):
    new, carried = rows[0][1][6], rows[1][1][6]
    forward = rows[-1][1][6]
    done = rows[-2][1][6]
    reviews = sum(TABLE4[0])
    return [
        "2024年，某县人民政府深入贯彻《中华人民共和国政府信息公开条例》，围绕县委、县政府中心工作推进政务公开。"
        "本报告中所列数据的统计期限为2024年1月1日至12月31日。"
        f"（一）主动公开。全年在县政府门户网站主动公开政府信息1860条，发布政策解读45篇。"
        f"（二）依申请公开。全年共收到政府信息公开申请{new}件，上年结转{carried}件，办结{done}件，"
        f"结转下年度继续办理{forward}件。（三）监督保障。全年因政府信息公开被申请行政复议{reviews}件。",
        "一是部分单位公开内容不够全面；二是政策解读形式较为单一。下一步将加强培训，完善审核机制，提升解读质量。",
        "本年度未收取信息处理费。",
    ]


def text_of(xml):
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def put(cell, value):
    """The cell with `value` as the text of its first paragraph (the paragraph's properties kept)."""
    run = f'<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t>{value}</w:t></w:r>'
    cell = re.sub(r"<w:r>(?:(?!</w:r>).)*?<w:t(?: [^>]*)?>\s*</w:t></w:r>", "", cell, flags=re.S)  # blank runs
    m = re.search(r"<w:p(?: [^>]*)?/>", cell)
    if m and cell.find("</w:p>") == -1:
        return cell[:m.start()] + "<w:p>" + run + "</w:p>" + cell[m.end():]
    i = cell.find("</w:p>")
    return cell[:i] + run + cell[i:]


def is_continuation(cell):
    return "vMerge" in cell and 'w:val="restart"' not in cell


def fill_table(table, figures_for):
    """Fills the empty cells of each row whose label `figures_for` knows, left to right."""
    def row(m):
        tr = m.group(0)
        cells = re.findall(r"<w:tc>.*?</w:tc>", tr, re.S)
        label = "".join(text_of(c) for c in cells).strip()
        figures = figures_for(label, cells)
        if not figures:
            return tr
        figures = list(figures)

        def cell(c):
            c = c.group(0)
            if figures and not text_of(c).strip() and not is_continuation(c):
                return put(c, figures.pop(0))
            return c
        return re.sub(r"<w:tc>.*?</w:tc>", cell, tr, flags=re.S)
    return re.sub(r"<w:tr[ >].*?</w:tr>", row, table, flags=re.S)


def narrow(table, factor):
    """Narrows the label columns (the wide ones) of a table by `factor`, widening nothing: labels wrap more."""
    widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', table)]
    if not widths:
        return table
    small = min(widths)
    scale = {w: (int(w * factor) if w > 1.5 * small else w) for w in set(widths)}
    table = re.sub(r'<w:gridCol w:w="(\d+)"/>', lambda m: f'<w:gridCol w:w="{scale[int(m.group(1))]}"/>', table)
    return re.sub(r'<w:tcW w:w="(\d+)"', lambda m: f'<w:tcW w:w="{int(int(m.group(1)) * factor) if int(m.group(1)) > 1.5 * small else m.group(1)}"', table)


def document(xml, rows, wrong_total=False, narrow_factor=None):
    # Title and the text placeholders.
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    texts = iter(prose(rows))
    for p in paragraphs:
        t = text_of(p)
        if "格式模板" in t or t.startswith("（文字描述"):
            new = "某县人民政府2024年政府信息公开工作年度报告" if "格式模板" in t else next(texts)
            xml = xml.replace(p, re.sub(r"(<w:t(?: [^>]*)?>)[^<]*(</w:t>)", lambda m: m.group(1) + new + m.group(2), p, count=1), 1)
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S)
    assert len(tables) == 3, len(tables)
    table3 = [(label, [str(v) for v in values]) for label, values in rows]
    if wrong_total:
        # 一、本年新收's 总计 one too many: 一+二 ≠ （七）总计+四, and 总计 ≠ the six applicant columns.
        table3[0] = (table3[0][0], table3[0][1][:6] + [str(int(table3[0][1][6]) + 1)])

    def figures2(label, cells):
        return next((v for k, v in TABLE2.items() if label.strip() == k or label.startswith(k) and len(label) <= len(k) + 1), None)

    def figures3(label, cells):
        # The row's own label is its last labelled cell (a group label may stand before it).
        own = [text_of(c).strip() for c in cells if text_of(c).strip()]
        if not own:
            return None
        return next((v for k, v in table3 if own[-1].startswith(k) or (k == "（二）部分公开" and own[-1].startswith(k))), None)

    def figures4(label, cells):
        return [str(v) for r in TABLE4 for v in with_total(r)] if not label else None

    filled = [fill_table(tables[0], figures2), fill_table(tables[1], figures3), fill_table(tables[2], figures4)]
    if narrow_factor:
        filled = [narrow(t, narrow_factor) for t in filled]
    for old, new in zip(tables, filled):
        xml = xml.replace(old, new, 1)
    return xml


def main():
    template = sys.argv[1] if len(sys.argv) > 1 else TEMPLATE
    source = zipfile.ZipFile(template)
    xml = source.read("word/document.xml").decode("utf-8")
    rows = table3_rows()
    variants = {"filled-template-2024": document(xml, rows),
                "filled-template-narrow-2024": document(xml, rows, narrow_factor=0.7),
                "filled-template-wrong-total": document(xml, rows, wrong_total=True)}
    with tempfile.TemporaryDirectory() as tmp:
        for name, body in variants.items():
            path = os.path.join(tmp, name + ".docx")
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
                for info in source.infolist():
                    data = body.encode("utf-8") if info.filename == "word/document.xml" else source.read(info.filename)
                    if info.filename == "docProps/core.xml":
                        # No author or dates from the template's file.
                        data = re.sub(rb"<dc:creator>[^<]*</dc:creator>|<cp:lastModifiedBy>[^<]*</cp:lastModifiedBy>", b"", data)
                    fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
                    fixed.compress_type = zipfile.ZIP_DEFLATED
                    target.writestr(fixed, data)
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, path],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(os.path.join(tmp, name + ".pdf"), "rb") as f, open(os.path.join(OUT, name + ".pdf"), "wb") as out:
                out.write(f.read())
            print("wrote", os.path.join("Tests", "Fixtures", name + ".pdf"))


if __name__ == "__main__":
    main()
