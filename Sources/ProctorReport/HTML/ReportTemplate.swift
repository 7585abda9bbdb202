/// The page layout, as a Mustache template. Model text only ever appears through `{{ }}`, which
/// escapes `& < > " '`; the one raw insertion, `{{{svg}}}`, takes markup from ``SVG``. A test
/// holds the template to that rule. No script: the Content-Security-Policy forbids all of it,
/// so even an escaping bug cannot run injected code; filters are CSS.
enum ReportTemplate {
    static let page = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'">
    <meta name="referrer" content="no-referrer">
    {{#refreshes}}<meta http-equiv="refresh" content="{{refreshSeconds}}">{{/refreshes}}
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}}</title>
    <style>
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1180px;padding:16px 24px;color:#1b1b1b;background:#fff}
    h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
    table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
    th{background:#f4f6f8}td.num{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600;padding:4px 0}
    .cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:260px;font-size:12.5px}
    .card b{font-size:14px}.note{color:#555;margin:4px 0}.warn{color:#a04000}
    figure{margin:8px 16px 8px 0;display:inline-block;vertical-align:top}svg{max-width:100%;height:auto}
    nav a{margin-right:14px}
    .filters label{margin-right:12px;cursor:pointer}.filters input{margin-right:3px}
    details.sample{border-top:1px solid #eee;padding:3px 0}details.sample summary{cursor:pointer}
    .sample pre{white-space:pre-wrap;word-break:break-word;background:#f7f7f7;padding:6px;margin:4px 0;max-height:360px;overflow:auto}
    .st-correct,.st-judged{color:#00704a}.st-wrong{color:#b03000}.st-error{color:#7a00a0}.st-unscorable{color:#8a6d00}
    #f-wrong:checked~.samples .sample:not(.s-wrong){display:none}
    #f-flipped:checked~.samples .sample:not(.s-flipped){display:none}
    #f-error:checked~.samples .sample:not(.s-error){display:none}
    #f-correct:checked~.samples .sample:not(.s-correct){display:none}
    </style>
    </head>
    <body>
    {{#hasNavigation}}<nav>{{#navigation}}<a href="{{href}}">{{text}}</a>{{/navigation}}</nav>{{/hasNavigation}}
    <h1>{{title}}</h1>
    <p class="note">Generated {{generated}} by Proctor. Self-contained: no network, no script.</p>
    {{#notes}}<p class="note warn">{{.}}</p>{{/notes}}
    <div class="cards">
    {{#runs}}<div class="card" data-run="{{id}}"><b>{{id}}</b> · {{kind}} · {{status}}<br>{{benchmark}} ({{protocolName}})<br>model {{model}}<br>endpoint {{endpoint}}<br>created {{created}}<br>config {{configHash}} · dataset {{dataset}}</div>{{/runs}}
    </div>
    {{#sections}}
    <section>
    <h2>{{heading}}</h2>
    {{#notes}}<p class="note">{{.}}</p>{{/notes}}
    {{#compareForm}}<form method="get" action="/compare">base <select name="base">{{#runIds}}<option>{{.}}</option>{{/runIds}}</select> candidate <select name="candidate">{{#runIds}}<option>{{.}}</option>{{/runIds}}</select> <button type="submit">compare</button></form>{{/compareForm}}
    {{#figures}}<figure>{{{svg}}}</figure>{{/figures}}
    {{#tables}}
    <table><caption>{{caption}}</caption>
    <tr>{{#headers}}<th>{{.}}</th>{{/headers}}</tr>
    {{#rows}}<tr>{{#cells}}<td{{#hasKey}} data-key="{{key}}"{{/hasKey}}>{{#hasLink}}<a href="{{href}}">{{text}}</a>{{/hasLink}}{{^hasLink}}{{text}}{{/hasLink}}</td>{{/cells}}</tr>{{/rows}}
    </table>
    {{/tables}}
    </section>
    {{/sections}}
    {{#samples}}
    <section>
    <h2>Samples of run {{runId}}</h2>
    <p class="note">{{shown}} of {{total}} rows shown{{#truncated}}, from row {{first}} (flipped, failed and wrong rows first){{/truncated}}. Open a row for the prompt, the answer and every extractor's reading.</p>
    {{#pages}}<a href="{{href}}">{{text}}</a> {{/pages}}
    <div class="filters">
    <input type="radio" name="filter" id="f-all" checked><label for="f-all">all</label>
    <input type="radio" name="filter" id="f-wrong"><label for="f-wrong">wrong</label>
    <input type="radio" name="filter" id="f-correct"><label for="f-correct">correct</label>
    <input type="radio" name="filter" id="f-error"><label for="f-error">failed</label>
    {{#hasFlipped}}<input type="radio" name="filter" id="f-flipped"><label for="f-flipped">flipped</label>{{/hasFlipped}}
    <div class="samples">
    {{#rows}}<details class="sample {{classes}}" data-sample="{{sampleId}}"><summary><span class="st-{{status}}">{{status}}</span> {{flip}} · {{sampleId}} · turn {{turn}} · {{cost}}</summary>
    <div>prompt</div><pre>{{prompt}}</pre>
    <div>answer</div><pre>{{answer}}</pre>
    <div>reference</div><pre>{{reference}}</pre>
    {{#extractions}}<div>{{.}}</div>{{/extractions}}
    {{#judgments}}<pre>{{.}}</pre>{{/judgments}}
    </details>{{/rows}}
    </div>
    </div>
    </section>
    {{/samples}}
    </body>
    </html>
    """#
}
