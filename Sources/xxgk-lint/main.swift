import ReportLint
print("x")
