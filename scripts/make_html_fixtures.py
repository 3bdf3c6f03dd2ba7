#!/usr/bin/env python3
"""Makes the HTML fixtures of the loader tests that cannot be written as UTF-8 string literals in Swift:
a page saved as GB2312/GBK, as many county sites still serve them.

    python3 scripts/make_html_fixtures.py     # writes Tests/Fixtures/gb2312-page.html
"""
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures")

PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>某县教育局2023年政府信息公开工作年度报告_某县人民政府门户网站</title>
<script>var s = "<p>脚本里的文字</p>";</script>
</head>
<body>
<div id="top"><a href="/">首页</a> &gt; <a href="/xxgk">政府信息公开</a> &gt; 年度报告</div>
<table class="xxgk_meta">
<tr><td>索引号：</td><td>11532900/2024-00031</td><td>主题分类：</td><td>政务公开</td></tr>
<tr><td>发布机构：</td><td>某县教育局</td><td>发布日期：</td><td>2024年1月22日</td></tr>
</table>
<div class="content">
  <h1>某县教育局2023年政府信息公开工作年度报告</h1>
  <div class="TRS_Editor">
    <p>&nbsp;&nbsp;&nbsp;&nbsp;本报告由某县教育局编制，局长王堃审定。</p>
    <p><b>一、总体情况</b></p>
    <p>2023年，我局主动公开政府信息
       120条。</p>
  </div>
  <div class="share">分享到：微信 微博</div>
</div>
<div class="footer">版权所有：某县人民政府 &copy; 2024</div>
</body></html>
"""

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    # 堃 is outside GB2312: real "gb2312" pages are GBK, which the loader reads as GB18030.
    with open(os.path.join(OUT, "gb2312-page.html"), "wb") as f:
        f.write(PAGE.encode("gbk"))
