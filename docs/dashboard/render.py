"""Draws the panels of docs/grafana-dashboard.json from real /metrics scrapes, as an HTML page.

    python3 docs/dashboard/render.py SCRAPE_DIR OUT.html

SCRAPE_DIR holds <unix seconds>.prom files (Prometheus text, as capture.sh saves them). The panels' PromQL
is evaluated here by a small evaluator that knows exactly the forms the dashboard uses (sum/min/max [by],
rate, increase, histogram_quantile, one division); $__rate_interval is one minute. This is not Grafana:
the layout, titles, queries, units and value mappings are the dashboard's, the drawing is ours.
"""
import html
import json
import math
import os
import re
import sys

RATE_WINDOW = 60.0
SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def load(directory):
    scrapes = []
    for name in sorted(os.listdir(directory), key=lambda n: int(n.split(".")[0])):
        if not name.endswith(".prom"):
            continue
        samples = {}
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            for line in f:
                m = SAMPLE.match(line)
                if not m or line.startswith("#"):
                    continue
                labels = tuple(sorted((k, v) for k, v in LABEL.findall(m.group(2) or "") if k != "otel_scope_name"))
                value = {"+Inf": math.inf, "-Inf": -math.inf, "NaN": math.nan}.get(m.group(3))
                samples[(m.group(1), labels)] = float(m.group(3)) if value is None else value
        scrapes.append((float(name.split(".")[0]), samples))
    return scrapes


def select(samples, metric, matchers):
    wanted = dict(LABEL.findall(matchers or ""))
    return {labels: v for (name, labels), v in samples.items()
            if name == metric and all(dict(labels).get(k) == v for k, v in wanted.items())}


def evaluate(expr, scrapes, i):
    """Returns {labels: value} at scrape i."""
    expr = expr.strip().replace("$__rate_interval", "1m")
    m = re.fullmatch(r'histogram_quantile\(([\d.]+), (.*)\)', expr)
    if m:
        return quantile(float(m.group(1)), evaluate(m.group(2), scrapes, i))
    depth, split = 0, None
    for pos, ch in enumerate(expr):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and expr[pos:pos + 3] == " / ":
            split = pos
    if split is not None:
        a, b = evaluate(expr[:split], scrapes, i), evaluate(expr[split + 3:], scrapes, i)
        return {k: a[k] / b[k] for k in a if k in b and b[k]}
    m = re.fullmatch(r'(sum|min|max)(?: by \(([^)]*)\))? ?\((.*)\)', expr)
    if m:
        keep = [l.strip() for l in (m.group(2) or "").split(",") if l.strip()]
        groups = {}
        for labels, v in evaluate(m.group(3), scrapes, i).items():
            key = tuple((k, val) for k, val in labels if k in keep)
            groups.setdefault(key, []).append(v)
        f = {"sum": sum, "min": min, "max": max}[m.group(1)]
        return {k: f(vs) for k, vs in groups.items()}
    m = re.fullmatch(r'(rate|increase)\((\w+)(\{[^}]*\})?\[(\d+)([mh])\]\)', expr)
    if m:
        window = RATE_WINDOW if m.group(1) == "rate" else int(m.group(4)) * (60 if m.group(5) == "m" else 3600)
        t, now = scrapes[i][0], select(scrapes[i][1], m.group(2), m.group(3))
        j = min(k for k in range(i + 1) if t - scrapes[k][0] <= window)
        if j == i:
            return {}
        then = select(scrapes[j][1], m.group(2), m.group(3))
        span = t - scrapes[j][0]
        return {l: (v - then.get(l, 0.0)) / (span if m.group(1) == "rate" else 1.0) for l, v in now.items()}
    m = re.fullmatch(r'(\w+)(\{[^}]*\})?', expr)
    if m:
        return select(scrapes[i][1], m.group(1), m.group(2))
    raise ValueError("unsupported query: " + expr)


def quantile(q, buckets):
    series = {}
    for labels, v in buckets.items():
        le = dict(labels)["le"]
        series.setdefault(tuple(l for l in labels if l[0] != "le"), []).append((float(le), v))
    result = {}
    for key, points in series.items():
        points.sort()
        total = points[-1][1]
        if total <= 0:
            continue
        rank, lower, below = q * total, 0.0, 0.0
        for upper, count in points:
            if count >= rank:
                if math.isinf(upper):
                    result[key] = lower
                else:
                    result[key] = lower + (upper - lower) * ((rank - below) / (count - below) if count > below else 0)
                break
            lower, below = upper, count
    return result


def legend(template, labels):
    return re.sub(r"\{\{(\w+)\}\}", lambda m: dict(labels).get(m.group(1), ""), template) or "value"


def fmt(value, unit):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "No data"
    if unit == "percentunit":
        return f"{value * 100:.1f}%"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else (f"{value:.1f} s" if value < 120 else f"{value / 60:.1f} min")
    if unit == "reqps":
        return f"{value:.2f}/s"
    return f"{value:.0f}" if abs(value - round(value)) < 1e-9 else f"{value:.2f}"


COLOURS = ["#73bf69", "#f2cc0c", "#8ab8ff", "#ff780a", "#f2495c", "#5794f2", "#b877d9", "#fade2a", "#ff9830", "#96d98d"]


def timeseries(panel, scrapes, w, h):
    lines = []
    for target in panel["targets"]:
        per_series = {}
        for i in range(len(scrapes)):
            for labels, v in evaluate(target["expr"], scrapes, i).items():
                per_series.setdefault(legend(target["legendFormat"], labels), []).append((scrapes[i][0], v))
        lines.extend(sorted(per_series.items()))
    t0, t1 = scrapes[0][0], scrapes[-1][0]
    top = max([v for _, pts in lines for _, v in pts if not math.isnan(v)] + [1e-9]) * 1.15
    unit = panel["fieldConfig"]["defaults"]["unit"]
    left, bottom, plot_w, plot_h = 64, 22, w - 84, h - 92
    svg = [f'<svg width="{w - 16}" height="{h - 40}">']
    for k in range(5):
        y = 8 + plot_h - plot_h * k / 4
        svg.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y}" y2="{y}" class="grid"/><text x="{left - 6}" y="{y + 4}" class="axis" text-anchor="end">{html.escape(fmt(top * k / 4, unit))}</text>')
    for k in range(5):
        x = left + plot_w * k / 4
        stamp = t0 + (t1 - t0) * k / 4
        ago = int(round(t1 - stamp))
        label = f"-{ago // 60}m{ago % 60:02d}s" if ago else "now"
        svg.append(f'<text x="{x}" y="{plot_h + bottom + 4}" class="axis" text-anchor="middle">{label}</text>')
    for n, (name, pts) in enumerate(lines):
        coords = " ".join(f"{left + plot_w * (t - t0) / max(t1 - t0, 1):.1f},{8 + plot_h - plot_h * v / top:.1f}" for t, v in pts if not math.isnan(v))
        svg.append(f'<polyline points="{coords}" fill="none" stroke="{COLOURS[n % len(COLOURS)]}" stroke-width="2"/>')
    svg.append("</svg>")
    keys = "".join(f'<span class="key"><i style="background:{COLOURS[n % len(COLOURS)]}"></i>{html.escape(name)}</span>' for n, (name, _) in enumerate(lines))
    return "".join(svg) + f'<div class="legend">{keys or "No data"}</div>'


def stat(panel, scrapes):
    unit = panel["fieldConfig"]["defaults"]["unit"]
    mappings = {}
    for mapping in panel["fieldConfig"]["defaults"].get("mappings", []):
        mappings.update(mapping["options"])
    cells = []
    for target in panel["targets"]:
        values = evaluate(target["expr"], scrapes, len(scrapes) - 1)
        for labels, v in sorted(values.items()) or [((), None)]:
            mapped = mappings.get(fmt(v, "short")) if v is not None else None
            text = mapped["text"] if mapped else fmt(v, unit)
            colour = {"green": "#37872d", "red": "#c4162a", "orange": "#e0752d"}.get(mapped["color"], "#1f60c4") if mapped else "#181b1f"
            name = legend(target["legendFormat"], labels) if len(values) > 1 else ""
            cells.append(f'<div class="stat" style="background:{colour}"><div class="value">{html.escape(text)}</div><div class="name">{html.escape(name)}</div></div>')
    return '<div class="stats">' + "".join(cells) + "</div>"


def bars(panel, scrapes):
    target = panel["targets"][0]
    values = sorted(evaluate(target["expr"], scrapes, len(scrapes) - 1).items(), key=lambda kv: -kv[1])
    top = max([v for _, v in values] + [1e-9])
    rows = "".join(
        f'<div class="bar"><span>{html.escape(legend(target["legendFormat"], l))}</span><b style="width:{70 * v / top:.1f}%"></b><em>{fmt(v, "short")}</em></div>'
        for l, v in values)
    return rows or "No data"


def render(dashboard, scrapes):
    unit_w, unit_h = 1600 / 24, 34
    panels = []
    for panel in dashboard["panels"]:
        g = panel["gridPos"]
        w, h = g["w"] * unit_w - 8, g["h"] * unit_h - 8
        body = {"timeseries": lambda: timeseries(panel, scrapes, w, h), "stat": lambda: stat(panel, scrapes), "bargauge": lambda: bars(panel, scrapes)}[panel["type"]]()
        panels.append(f'<div class="panel" style="left:{g["x"] * unit_w + 4:.0f}px;top:{g["y"] * unit_h + 44:.0f}px;width:{w:.0f}px;height:{h:.0f}px">'
                      f'<h2>{html.escape(panel["title"])}</h2>{body}</div>')
    span = scrapes[-1][0] - scrapes[0][0]
    return f"""<!doctype html><meta charset="utf-8"><style>
body{{margin:0;background:#111217;color:#ccccdc;font:13px Inter,Helvetica,Arial,sans-serif;width:1600px;height:940px;position:relative}}
header{{position:absolute;left:12px;top:10px;font-size:17px;color:#fff}} header small{{color:#8e8e9e;font-size:12px;margin-left:12px}}
.panel{{position:absolute;background:#181b1f;border:1px solid #2c3235;border-radius:3px;overflow:hidden}}
h2{{font-size:13px;font-weight:500;margin:8px 10px;color:#ccccdc}}
.grid{{stroke:#2c3235}} .axis{{fill:#8e8e9e;font-size:11px}}
.legend{{padding:0 10px;font-size:11px}} .key{{margin-right:12px;white-space:nowrap}} .key i{{display:inline-block;width:12px;height:3px;margin-right:4px;vertical-align:middle}}
.stats{{display:flex;gap:4px;padding:0 8px;height:calc(100% - 40px)}} .stat{{flex:1;border-radius:3px;display:flex;flex-direction:column;justify-content:center;align-items:center;color:#fff}}
.value{{font-size:28px;font-weight:500}} .name{{font-size:11px;opacity:.85}}
.bar{{display:flex;align-items:center;margin:6px 10px;gap:8px}} .bar span{{width:130px;text-align:right}} .bar b{{height:18px;background:linear-gradient(90deg,#37872d,#73bf69);display:block}} .bar em{{font-style:normal}}
</style>
<header>{html.escape(dashboard["title"])}<small>panels of docs/grafana-dashboard.json drawn from {len(scrapes)} real /metrics scrapes over {span / 60:.1f} min (not a Grafana screenshot)</small></header>
{"".join(panels)}"""


def main():
    scrapes = load(sys.argv[1])
    if len(scrapes) < 2:
        sys.exit("render: need at least two scrapes")
    with open(os.path.join(os.path.dirname(__file__), "..", "grafana-dashboard.json"), encoding="utf-8") as f:
        dashboard = json.load(f)
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write(render(dashboard, scrapes))


if __name__ == "__main__":
    main()
