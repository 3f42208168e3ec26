"""JUnit XML for CI test tabs: a test suite per collection, a test case per request."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from postman_kit.terminal import printable, printable_lines
from postman_kit.validate.model import Finding, Report

COLLECTION_CASE = "(collection)"


def render(report: Report, *, color: bool = False) -> str:
    root = ET.Element("testsuites", name="postman-kit validate")
    total = failures = 0
    # Environment and globals files get a suite of their own when something was found in them.
    files = report.files + sorted({f.file for f in report.findings} - set(report.files))
    for file in files:
        by_case: dict[str, list[Finding]] = defaultdict(list)
        for finding in report.findings:
            if finding.file == file:
                by_case[finding.item or COLLECTION_CASE].append(finding)
        cases = [COLLECTION_CASE] + report.items.get(file, [])
        cases += sorted(set(by_case) - set(cases))
        suite = ET.SubElement(root, "testsuite", name=file, tests=str(len(cases)))
        suite_failures = 0
        for case in cases:
            element = ET.SubElement(suite, "testcase", classname=file, name=case)
            found = by_case.get(case, [])
            failing = [f for f in found if f.severity >= report.fail_on]
            for finding in failing:
                failure = ET.SubElement(element, "failure", type=finding.rule, message=finding.message)
                failure.text = (
                    f"{finding.severity.label} {finding.rule} at {finding.pointer or '/'}: {finding.message}"
                )
            notes = [f for f in found if f.severity < report.fail_on]
            if notes:
                ET.SubElement(element, "system-out").text = "\n".join(
                    f"{f.severity.label} {f.rule}: {f.message}" for f in notes
                )
            suite_failures += bool(failing)
        suite.set("failures", str(suite_failures))
        total += len(cases)
        failures += suite_failures
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    # a name or message holding a control character (a bidi override, ESC) is shown escaped, as the text
    # report shows it: CI test tabs and logs print these strings
    for element in root.iter():
        element.text = printable_lines(element.text) if element.text else element.text
        for name, value in element.attrib.items():
            element.set(name, printable(value))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
