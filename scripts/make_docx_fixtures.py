#!/usr/bin/env python3
"""Makes the small .docx (and one .pdf) fixtures of the docx/pdf loader tests.

    pip install python-docx                  # the .docx files
    apt-get install libreoffice-writer-nogui fonts-wqy-zenhei   # only for the .pdf (--pdf)
    python3 scripts/make_docx_fixtures.py [--pdf]

Writes to Tests/Fixtures/ (outside the test target, so SwiftPM does not ask to declare them as resources). Each document exercises what Word files do and plain text
cannot: merged table cells, tracked changes and fields, automatic list numbering, heading styles. XML
that python-docx has no API for is written by hand below. The zip entries get a fixed date so that
re-running the script does not change the committed files needlessly.
"""
import copy
import io
import os
import subprocess
import sys
import tempfile
import zipfile

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
V = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def raw_paragraph(inner):
    """A w:p from hand-written run XML."""
    return parse_xml(f"<w:p {W} {V}>{inner}</w:p>")


def run(text, extra=""):
    return f'<w:r>{extra}<w:t xml:space="preserve">{text}</w:t></w:r>'


def save(document, name, replace=None):
    """Saves with fixed zip dates, replacing whole parts (name → XML text) where asked."""
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if replace and info.filename in replace:
                data = replace[info.filename].encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)


def merged_cells():
    """表三's header: a label cell merged over three rows, 申请人情况 across seven columns, 法人或其他组织
    across five, 自然人 and 总计 over two rows; plus multi-paragraph cells, a line break and a nested table."""
    d = docx.Document()
    d.add_paragraph("三、收到和处理政府信息公开申请情况")
    t = d.add_table(rows=5, cols=8)
    t.cell(0, 0).merge(t.cell(2, 0)).text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    t.cell(0, 1).merge(t.cell(0, 7)).text = "申请人情况"
    t.cell(1, 1).merge(t.cell(2, 1)).text = "自然人"
    t.cell(1, 2).merge(t.cell(1, 6)).text = "法人或其他组织"
    t.cell(1, 7).merge(t.cell(2, 7)).text = "总计"
    for i, label in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]):
        t.cell(2, 2 + i).text = label
    t.cell(3, 0).text = "一、本年新收政府信息公开申请数量"
    for c, value in enumerate(["10", "2", "0", "1", "0", "0", "13"]):
        t.cell(3, 1 + c).text = value
    # Two paragraphs in one cell: CJK on both sides joins with nothing, Latin with a space.
    t.cell(4, 0).text = "结果"
    t.cell(4, 0).add_paragraph("纠正")
    t.cell(4, 1).text = "Total"
    t.cell(4, 1).add_paragraph("count")
    # A manual line break inside a cell.
    t.cell(4, 2)._tc.remove(t.cell(4, 2).paragraphs[0]._p)
    t.cell(4, 2)._tc.append(raw_paragraph(run("其他") + "<w:r><w:br/></w:r>" + run("结果")))
    # A nested table is flattened into its cell.
    nested = t.cell(4, 3).add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "内"
    nested.cell(0, 1).text = "表"
    d.add_paragraph("表后文字")
    save(d, "merged-cells.docx")


def tracked_changes_and_fields():
    d = docx.Document()
    body = d.element.body
    paragraphs = [
        run("本年度共收到申请")
        + f'<w:ins w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">{run("17")}</w:ins>'
        + '<w:del w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>16</w:delText></w:r></w:del>'
        + run("件。"),
        run("编制日期：") + f'<w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; ">{run("2024年3月1日")}</w:fldSimple>',
        run("第")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + run("页"),
        run("结果") + "<w:r><w:br/></w:r>" + run("纠正") + run("；Line one") + "<w:r><w:br/></w:r>" + run("line two"),
        run("项目") + "<w:r><w:tab/></w:r>" + run("数量"),
        run("可见") + run("隐藏", "<w:rPr><w:vanish/></w:rPr>"),
        run("正文")
        + '<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p>' + run("文本框")
        + "</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>",
        "",
        "",
        "",
        run("空行之后"),
    ]
    for inner in paragraphs:
        body.insert(len(body) - 1, raw_paragraph(inner))
    t = d.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate([("项目", "数量"), ("已删除行", "9"), ("保留行", "1")]):
        t.cell(r, 0).text, t.cell(r, 1).text = a, b
    t.rows[1]._tr.get_or_add_trPr().append(
        parse_xml(f'<w:del {W} w:id="3" w:author="a" w:date="2024-01-01T00:00:00Z"/>'))
    save(d, "tracked-changes-fields.docx")


NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
  <w:abstractNum w:abstractNumId="10">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="11">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="12">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="13">
    <w:lvl w:ilvl="0"><w:start w:val="9"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="第%1条"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="12"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="13"/></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>
"""


def numbering_and_headings():
    d = docx.Document()
    styles = d.styles.element
    # A section style that numbers its paragraphs (numbering through the style, not the paragraph),
    # a heading style known only by its Chinese name under an arbitrary id (as WPS writes them),
    # and a style that is a heading only through the style it is based on.
    styles.append(parse_xml(
        f'<w:style {W} w:type="paragraph" w:styleId="a5"><w:name w:val="Report Section"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'))
    styles.append(parse_xml(f'<w:style {W} w:type="paragraph" w:styleId="a7"><w:name w:val="标题 2"/></w:style>'))
    styles.append(parse_xml(
        f'<w:style {W} w:type="paragraph" w:styleId="x1"><w:name w:val="Custom Outline"/>'
        '<w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>'))
    styles.append(parse_xml(
        f'<w:style {W} w:type="paragraph" w:styleId="x2"><w:name w:val="Derived"/><w:basedOn w:val="x1"/></w:style>'))
    body = d.element.body

    def para(text, num=None, level=0, style=None):
        ppr = ""
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
        body.insert(len(body) - 1, raw_paragraph((f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + run(text)))

    d.add_heading("某县2024年政府信息公开工作年度报告", level=0)
    para("总体情况", num=1, level=0, style="Heading1")
    para("主动公开", num=1, level=1)
    para("第一项", num=1, level=2)
    para("第二项", num=1, level=2)
    para("依申请公开", num=1, level=1)
    para("重新从一开始", num=1, level=2)
    para("圆圈编号", num=1, level=3)
    para("主动公开政府信息情况", style="a5")
    para("第三节", num=1, level=0)
    para("（一）后的子项", num=1, level=1)
    para("天干编号", num=2)
    para("项目符号", num=3)
    para("无编号", num=0)
    para("条款", num=4)
    para("覆盖起始值", num=5, level=2)
    para("中文名标题", style="a7")
    para("继承的大纲级别", style="x2")
    d.add_heading("英文标题样式", level=3)
    save(d, "numbering-headings.docx", replace={"word/numbering.xml": NUMBERING})


def pdf_source():
    """A two-page report with a page number footer and a table across the page break, for the PDF test."""
    d = docx.Document()
    d.add_paragraph("某镇2024年政府信息公开工作年度报告")
    d.add_paragraph("一、总体情况")
    for i in range(14):
        d.add_paragraph(f"（{i + 1}）本段用于填充页面，使表格跨越分页。2024年共主动公开政府信息{100 + i}条。")
    d.add_paragraph("二、主动公开政府信息情况")
    t = d.add_table(rows=24, cols=4)
    t.style = "Table Grid"
    for c, label in enumerate(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]):
        t.cell(0, c).text = label
    for r in range(1, 24):
        for c, value in enumerate([f"第{r}行", str(r), "0", str(r * 2)]):
            t.cell(r, c).text = value
    d.add_paragraph("三、结束")
    footer = d.sections[0].footer.paragraphs[0]
    footer.alignment = 1
    footer._p.append(parse_xml(
        f'<w:r {W}><w:t xml:space="preserve">— </w:t></w:r>'))
    footer._p.append(parse_xml(f'<w:fldSimple {W} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    footer._p.append(parse_xml(f'<w:r {W}><w:t xml:space="preserve"> —</w:t></w:r>'))
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "two-pages.docx")
        d.save(source)
        subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, source],
                       check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(tmp, "two-pages.pdf"), "rb") as f, open(os.path.join(OUT, "two-pages.pdf"), "wb") as out:
            out.write(f.read())


def comment_part(comments):
    """word/comments.xml holding (id, author, text) comments."""
    body = "".join(
        f'<w:comment w:id="{i}" w:author="{a}" w:initials="A"><w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p></w:comment>'
        for i, a, t in comments)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments {W}>{body}</w:comments>'


def add_comments_part(name, comments):
    """Adds word/comments.xml (with its content type and relationship) to a saved fixture."""
    path = os.path.join(OUT, name)
    source = zipfile.ZipFile(io.BytesIO(open(path, "rb").read()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename).decode("utf-8") if info.filename.endswith(("xml", "rels")) else source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace("</Types>", '<Override PartName="/word/comments.xml" ContentType='
                                    '"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>')
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace("</Relationships>", '<Relationship Id="rId900" Type="http://schemas.openxmlformats.org/'
                                    'officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>')
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)
        fixed = zipfile.ZipInfo("word/comments.xml", date_time=(2024, 1, 1, 0, 0, 0))
        fixed.compress_type = zipfile.ZIP_DEFLATED
        target.writestr(fixed, comment_part(comments))


def annotate_draft():
    """A real-looking draft for --annotate and Word-comment suppression: reports/correct-2023.txt as Word
    writes it (tables, several runs per sentence with different formatting), with defects put where the
    source map has work to do — a misnamed regulation over three runs and inside a hyperlink, half-width
    punctuation beside a field and inside a tracked insertion, a repeated subject under a suppression
    comment, a numbered list (labels generated from numbering.xml), a reviewer's comment to keep."""
    lines = open(os.path.join(os.path.dirname(__file__), "..", "reports", "correct-2023.txt"), encoding="utf-8").read().split("\n")
    d = docx.Document()
    body = d.element.body
    bold = "<w:rPr><w:b/></w:rPr>"

    def raw(inner):
        body.insert(len(body) - 1, raw_paragraph(inner))

    def split_runs(text):
        """A sentence as Word leaves it after editing: runs of a few characters, some bold."""
        out, i, k = "", 0, 0
        while i < len(text):
            n = 3 + k % 5
            out += run(text[i:i + n], bold if k % 3 == 1 else "")
            i, k = i + n, k + 1
        return out

    table = []
    def flush_table():
        if not table:
            return
        width = max(len(r) for r in table)
        t = d.add_table(rows=len(table), cols=width)
        t.style = "Table Grid"
        for r, cells in enumerate(table):
            for c, value in enumerate(cells):
                t.cell(r, c).text = value
        table.clear()

    for line in lines:
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        flush_table()
        if not line.strip():
            continue
        if line.startswith("本报告根据"):
            # The regulation misnamed over three runs, the first bold, and a tracked change.
            raw(run("本报告根据") + run("《中华人民共和国", bold) + run("信息公开") + run("条例》")
                + split_runs(line[len("本报告根据《中华人民共和国政府信息公开条例》"):line.index("本报告所列数据")])
                + run("本报告所列数据的统计期限为2023年1月1日至2023年12月31日。")
                + f'<w:hyperlink w:anchor="top">{run("本报告电子版可在洱海县人民政府门户网站")}</w:hyperlink>'
                + run("“政府信息公开”专栏查阅下载。"))
        elif line.startswith("（二）依申请公开"):
            # Half-width comma inside a tracked insertion; the deleted text is not in the view.
            head, tail = line.split("其中")
            raw(split_runs(head) + run("其中自然人申请5件")
                + f'<w:ins w:id="101" w:author="审核人" w:date="2024-01-05T00:00:00Z">{run(",")}</w:ins>'
                + f'<w:del w:id="102" w:author="审核人" w:date="2024-01-05T00:00:00Z"><w:r><w:delText>，</w:delText></w:r></w:del>'
                + split_runs(tail[len("自然人申请5件，"):]))
        elif line.startswith("（三）政府信息管理"):
            # A repeated subject, silenced by a Word comment on the paragraph.
            raw('<w:commentRangeStart w:id="1"/>' + split_runs("（三）政府信息管理。我镇2023年度我镇对照主动公开基本目录逐项梳理，全年更新公开目录2次。")
                + '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>')
        elif line.startswith("（四）政府信息公开平台建设"):
            # A reviewer's comment, to be kept; a suppression comment that silences nothing.
            raw(run("（四）政府信息公开平台建设。") + '<w:commentRangeStart w:id="2"/>' + run("完善镇政府信息公开专栏")
                + '<w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r>'
                + '<w:commentRangeStart w:id="3"/>' + run("，在便民服务中心设置政府信息查阅点1个。")
                + '<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r>')
        elif line.startswith("本年度未收取信息处理费"):
            # A field (the result shows, the code does not) followed by half-width punctuation.
            raw(run("本年度未收取信息处理费。我镇按照《2023年洱海县政务公开工作要点》要求，完成各项重点任务，详见第")
                + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                + run("页;附件另附。"))
        elif line.startswith("2022年度报告中提出"):
            raw(split_runs(line))
            # A numbered list: the labels ("1.", "2.") come from numbering.xml, not from the text.
            for item in ["加强业务培训，每季度组织一次培训。", "建立村务公开定期检查制度。"]:
                raw('<w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr>' + split_runs(item))
        elif line.startswith("（一）主动公开"):
            raw(split_runs(line))
        else:
            d.add_paragraph(line)
    flush_table()
    save(d, "annotate-draft.docx", replace={"word/numbering.xml": NUMBERING})
    add_comments_part("annotate-draft.docx", [
        ("1", "审核人", "xxgk-lint-disable repeated-word -- 原文如此，已核实"),
        ("2", "审核人", "请核对专栏名称"),
        ("3", "审核人", "xxgk-lint-disable percent-sum"),
    ])


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    merged_cells()
    tracked_changes_and_fields()
    numbering_and_headings()
    annotate_draft()
    if "--pdf" in sys.argv:
        pdf_source()
