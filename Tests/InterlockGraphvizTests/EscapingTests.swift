import Testing
@testable import InterlockGraphviz

@Suite("Escaping untrusted text for Graphviz")
struct EscapingTests {
    @Test("plain labels: backslashes doubled, markup as entities, breaks as \\n")
    func plainText() {
        #expect(GraphvizEscaping.plainText(#"a "b" \N <c> & d"#) == #"a &quot;b&quot; \\N &lt;c&gt; &amp; d"#)
        #expect(GraphvizEscaping.plainText("&amp;") == "&amp;amp;")
        #expect(GraphvizEscaping.plainText("one\ntwo\r\nthree\rfour\u{2028}five") == #"one\ntwo\nthree\nfour\nfive"#)
        #expect(GraphvizEscaping.plainText("tab\there") == "tab here")
        #expect(GraphvizEscaping.plainText("bell\u{07}del\u{7F}c1\u{85}nonchar\u{FFFF}") == "bell\u{FFFD}del\u{FFFD}c1\u{FFFD}nonchar\u{FFFD}")
        #expect(GraphvizEscaping.plainText("ends with \\") == #"ends with \\"#)
        #expect(GraphvizEscaping.plainText("🚀 Zürich") == "🚀 Zürich")
    }

    @Test("tooltips: backslashes quadrupled, markup as entities, breaks as \\n")
    func tooltip() {
        #expect(GraphvizEscaping.tooltip(#"a \N "b" <c> & d"#) == #"a \\\\N &quot;b&quot; &lt;c&gt; &amp; d"#)
        #expect(GraphvizEscaping.tooltip("one\r\ntwo\tthree\u{1}") == #"one\ntwo three"# + "\u{FFFD}")
    }

    @Test("HTML text: markup and quotes as entities, breaks as <BR/>")
    func htmlText() {
        #expect(GraphvizEscaping.htmlText("</table><b>x</b>") == "&lt;/table&gt;&lt;b&gt;x&lt;/b&gt;")
        #expect(GraphvizEscaping.htmlText(#"it's "q" & \N"#) == #"it&#39;s &quot;q&quot; &amp; \\N"#)
        #expect(GraphvizEscaping.htmlText("a\r\nb\nc") == "a<BR/>b<BR/>c")
        #expect(GraphvizEscaping.htmlText("a\nb", alignment: .left) == #"a<BR ALIGN="LEFT"/>b"#)
        #expect(GraphvizEscaping.htmlText("nul\u{0}") == "nul\u{FFFD}")
    }

    @Test("identifiers: markup as entities, every control character replaced")
    func identifier() {
        #expect(GraphvizEscaping.identifier("crm-revamp") == "crm-revamp")
        #expect(GraphvizEscaping.identifier(#"a&b<c>"d""#) == "a&amp;b&lt;c&gt;&quot;d&quot;")
        #expect(GraphvizEscaping.identifier("line\nbreak\ttab") == "line\u{FFFD}break\u{FFFD}tab")
        #expect(GraphvizEscaping.identifier(#"back\slash"#) == #"back\slash"#)
    }

    @Test("no escaped plain value contains a line feed; every HTML body does", arguments: Fixtures.hostileNames + ["", "\n", "<TABLE>\n</TABLE>"])
    func plainAndHTMLNeverShareText(_ name: String) {
        for plain in [GraphvizEscaping.plainText(name), GraphvizEscaping.tooltip(name), GraphvizEscaping.identifier(name)] {
            #expect(!plain.contains("\n"))
        }
        let bodies = [
            HTMLLabel.text([HTMLRun(name)]).markup,
            HTMLLabel.text([]).markup,
            HTMLLabel.table(HTMLTable(rows: [[HTMLCell([HTMLRun(name)])]])).markup,
            HTMLLabel.table(HTMLTable(rows: [])).markup,
        ]
        for body in bodies {
            #expect(body.contains("\n"))
        }
    }

    @Test("HTML markup of runs, cells and tables")
    func markup() {
        let run = HTMLRun("R&D", bold: true, italic: true, color: Color(rgb: 0x112233), pointSize: 9.5)
        #expect(run.markup() == ##"<FONT COLOR="#112233" POINT-SIZE="9.5"><B><I>R&amp;D</I></B></FONT>"##)
        #expect(HTMLRun("", bold: true).markup() == "")
        let cell = HTMLCell([HTMLRun("x\ny")], backgroundColor: .white, borderColor: .black, border: 1, columnSpan: 2, alignment: .left, width: 24)
        #expect(cell.markup == ##"<TD BGCOLOR="#ffffff" COLOR="#000000" BORDER="1" COLSPAN="2" ALIGN="LEFT" WIDTH="24">x<BR ALIGN="LEFT"/>y</TD>"##)
        let table = HTMLTable(rows: [[HTMLCell([HTMLRun("a")])], []])
        #expect(table.markup == "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">\n<TR><TD>a</TD></TR>\n</TABLE>")
    }

    @Test("colours, styles and numbers in Graphviz spelling")
    func spelling() {
        #expect(Color(rgb: 0x0A0B0C).graphvizValue == "#0a0b0c")
        #expect(Color(red: 255, green: 0, blue: 0, alpha: 128).graphvizValue == "#ff000080")
        #expect(NodeStyle([.bold, .filled, .dashed]).graphvizValue == "filled,dashed,bold")
        #expect(GraphvizNumber.format(2) == "2")
        #expect(GraphvizNumber.format(1.25) == "1.25")
        #expect(GraphvizNumber.format(41.666666666666664) == "41.666666666666664")
    }
}
