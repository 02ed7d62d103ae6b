/// The report's stylesheet, inline so the page needs nothing else. The print part makes
/// "print to PDF" give A4 landscape pages: navigation hidden, sections on new pages, rows and
/// figures never split, colours kept.
enum ReportStyle {
    static let css = """
    :root { --error: #b3261e; --warning: #b25e00; --info: #1f5fa8; --ink: #1d2330; --muted: #5b6472; --line: #d9dde3; --soft: #f4f6f8; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
    header.page { padding: 24px 32px 16px; border-bottom: 4px solid var(--ink); }
    header.page h1 { margin: 0 0 4px; font-size: 28px; }
    .meta { color: var(--muted); font-size: 13px; }
    .meta code { font-size: 12px; }
    nav.toc { padding: 8px 32px; background: var(--soft); border-bottom: 1px solid var(--line); font-size: 13px; }
    nav.toc a { margin-right: 14px; color: var(--ink); }
    main { padding: 8px 32px 32px; }
    section { margin-top: 28px; }
    h2 { font-size: 22px; border-bottom: 2px solid var(--line); padding-bottom: 4px; margin: 0 0 12px; }
    h3 { font-size: 17px; margin: 20px 0 6px; }
    p.lead { color: var(--muted); margin: 0 0 10px; }
    p.answer { font-size: 17px; font-weight: 600; margin: 0 0 14px; padding: 10px 14px; border-left: 5px solid var(--ink); background: var(--soft); }
    p.more, p.none, .kind, .about { color: var(--muted); font-size: 13px; }
    h4 { font-size: 15px; margin: 16px 0 4px; }
    table.breakdown { width: auto; min-width: 50%; }
    tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
    table.matrix td.cell { text-align: center; }
    table.matrix tr.duplicated th, table.matrix tr.duplicated td.cell { background: #fdecd2; font-weight: 700; }
    .appendix { font-size: 13px; }
    .pictures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; }
    .pictures figure svg { max-height: 320px; }
    .pictures h3 { font-size: 14px; }
    .print-only { display: none; }
    .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; margin-bottom: 18px; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: #fff; }
    .card .label { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
    .card .value { font-size: 30px; font-weight: 700; line-height: 1.15; }
    .card .note { font-size: 13px; color: var(--muted); }
    .bar { height: 10px; background: var(--soft); border-radius: 5px; overflow: hidden; margin-top: 6px; }
    .bar span { display: block; height: 100%; }
    .band-good { color: #1b7a3a; } .band-good .bar span, .bar .band-good { background: #1b7a3a; }
    .band-fair { color: var(--warning); } .bar .band-fair { background: var(--warning); }
    .band-poor { color: var(--error); } .bar .band-poor { background: var(--error); }
    table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 6px 0 14px; }
    th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
    th { background: var(--soft); font-weight: 600; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    .sev { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
    .sev-error { background: var(--error); } .sev-warning { background: var(--warning); } .sev-info { background: var(--info); }
    .score { font-weight: 700; }
    .rule-id, code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); }
    ol.decisions li { margin-bottom: 6px; }
    table.heat td.cell { text-align: center; font-weight: 600; min-width: 44px; }
    table.heat th.rule { font-size: 12px; font-weight: 600; }
    .heat-0 { color: #b8bec7; } .heat-1 { background: #fde9e5; } .heat-2 { background: #f8c5b9; } .heat-3 { background: #ef9479; } .heat-4 { background: #d9573a; color: #fff; }
    figure { margin: 10px 0 20px; border: 1px solid var(--line); border-radius: 8px; padding: 10px; overflow: auto; }
    figure svg { display: block; margin: 0 auto; max-width: 100%; max-height: 85vh; width: auto; height: auto; }
    figcaption { color: var(--muted); font-size: 13px; margin-top: 6px; }
    .changes { display: grid; grid-template-columns: repeat(3, 1fr); gap: 14px; }
    dl.glossary { display: grid; grid-template-columns: 240px 220px 1fr; gap: 4px 16px; }
    dl.glossary dt { font-weight: 600; }
    dl.glossary dd { margin: 0; }
    footer.page { padding: 16px 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); }
    a { color: var(--info); }
    :target { outline: 3px solid #f2c200; }
    @page { size: A4 landscape; margin: 12mm; }
    @media print {
      /* A4 landscape, a question per page where it fits: the sample prints on at most 12 pages
         (checked by scripts/check-report-in-browser.sh). */
      body { font-size: 8pt; line-height: 1.3; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      .card .value { font-size: 15pt; }
      .card { padding: 6px 10px; }
      h2 { font-size: 13pt; margin: 0 0 4px; }
      h3 { font-size: 11pt; margin: 5px 0 2px; }
      p { margin: 2px 0 4px; }
      section { margin-top: 0; }
      p.lead { margin-bottom: 4px; }
      table { font-size: 7pt; line-height: 1.25; margin: 3px 0 5px; }
      th, td { padding: 1px 4px; }
      nav.toc { display: none; }
      header.page, main, footer.page { padding-left: 0; padding-right: 0; }
      section.page-break, .decisions-page { break-before: page; }
      tr, figure, .card, p.answer, dl.glossary dt, dl.glossary dd { break-inside: avoid; }
      p.answer { font-size: 9.5pt; padding: 4px 8px; margin-bottom: 4px; }
      /* Figures get the boxes BoardDiagrams.frame(of:) fits them to, so printed text stays large
         enough: the three risk pictures in a row under the decisions, each view the page's width. */
      .pictures { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 4mm; align-items: start; }
      .pictures figure svg { max-height: 70mm; }
      #diagram-risks { break-before: page; }
      .risk-pictures figcaption { font-size: 7pt; }
      .diagram figure svg { max-height: 130mm; }
      #diagram-roadmap figure svg { max-height: 110mm; }
      #diagram-units, #diagram-landscape { display: inline-block; width: 49%; vertical-align: top; }
      #diagram-units figure svg, #diagram-landscape figure svg { max-height: 150mm; }
      dl.glossary { font-size: 7pt; grid-template-columns: 150px 130px 1fr; gap: 1px 12px; }
      .appendix table { font-size: 7.5pt; }
      .screen-only, .appendix > :not(.print-only) { display: none; }
      section.appendix { break-before: auto; }
      .print-only { display: block; color: var(--muted); }
      thead { display: table-header-group; }
      h2, h3 { break-after: avoid; }
      a { color: inherit; text-decoration: none; }
      figure { overflow: visible; border: none; padding: 0; }
      figure svg { max-height: 165mm; }
    }
    """
}
