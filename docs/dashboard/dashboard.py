"""Writes docs/grafana-dashboard.json: the router's Grafana dashboard, built on the metrics of docs/operations.md.

Kept as code so that the panels, their queries and the rendered picture (render.py) come from one list.
Run: python3 docs/dashboard/dashboard.py
"""
import json
import os

DS = {"type": "prometheus", "uid": "${DS_PROMETHEUS}"}

# (title, type, [(query, legend)], grid (x, y, w, h), unit, value mappings)
PANELS = [
    ("Calls per second by outcome and reason", "timeseries",
     [("sum by (crmrouter_call_outcome, crmrouter_call_reason) (rate(crmrouter_calls_total[$__rate_interval]))",
       "{{crmrouter_call_outcome}} / {{crmrouter_call_reason}}")], (0, 0, 12, 8), "reqps", None),
    ("Calls by rule (last hour)", "bargauge",
     [("sum by (crmrouter_rule) (increase(crmrouter_calls_total[1h]))", "{{crmrouter_rule}}")], (12, 0, 12, 8), "short", None),
    ("Calls in Stasis", "stat", [("sum(crmrouter_calls_active)", "calls")], (0, 8, 4, 4), "short", None),
    ("ARI", "stat", [("min(crmrouter_ari_connection_state)", "connection")], (4, 8, 4, 4), "short",
     {"0": ("down", "red"), "1": ("connected", "green")}),
    ("ARI reconnects (1h)", "stat", [("sum(increase(crmrouter_ari_reconnects_total[1h]))", "reconnects")], (8, 8, 4, 4), "short", None),
    ("Rule set version", "stat", [("max(crmrouter_rules_version)", "version")], (12, 8, 4, 4), "none", None),
    ("Rule set age", "stat", [("max(crmrouter_rules_age_seconds)", "age")], (16, 8, 4, 4), "s", None),
    ("Rules from Redis", "stat", [("max(crmrouter_rules_stale)", "stale")], (20, 8, 4, 4), "short",
     {"0": ("current", "green"), "1": ("last good (Redis unreadable)", "orange")}),
    ("CRM lookup latency by CRM", "timeseries",
     [("histogram_quantile(0.5, sum by (le, crmrouter_crm) (rate(crmrouter_crm_lookup_duration_seconds_bucket[$__rate_interval])))", "p50 {{crmrouter_crm}}"),
      ("histogram_quantile(0.95, sum by (le, crmrouter_crm) (rate(crmrouter_crm_lookup_duration_seconds_bucket[$__rate_interval])))", "p95 {{crmrouter_crm}}")],
     (0, 12, 12, 8), "s", None),
    ("Lookups per second by CRM and result", "timeseries",
     [("sum by (crmrouter_crm, crmrouter_lookup_result) (rate(crmrouter_crm_lookup_duration_seconds_count[$__rate_interval]))",
       "{{crmrouter_crm}} {{crmrouter_lookup_result}}")], (12, 12, 12, 8), "reqps", None),
    ("Answer cache hit ratio", "stat",
     [("sum(rate(crmrouter_crm_cache_requests_total{crmrouter_cache_result=\"hit\"}[$__rate_interval])) / sum(rate(crmrouter_crm_cache_requests_total[$__rate_interval]))", "hit ratio")],
     (0, 20, 6, 6), "percentunit", None),
    ("Circuit breakers", "stat", [("max by (crmrouter_crm) (crmrouter_crm_circuit_breaker_state)", "{{crmrouter_crm}}")], (6, 20, 9, 6), "short",
     {"0": ("closed", "green"), "1": ("half-open", "orange"), "2": ("open", "red")}),
    ("Redis errors per second", "timeseries",
     [("sum by (error_type) (rate(crmrouter_redis_errors_total[$__rate_interval]))", "{{error_type}}")], (15, 20, 9, 6), "reqps", None),
]


def panel(index, title, kind, targets, grid, unit, mappings):
    x, y, w, h = grid
    result = {
        "id": index + 1,
        "title": title,
        "type": kind,
        "datasource": DS,
        "gridPos": {"x": x, "y": y, "w": w, "h": h},
        "targets": [{"refId": chr(65 + i), "datasource": DS, "expr": q, "legendFormat": legend} for i, (q, legend) in enumerate(targets)],
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "options": {},
    }
    if mappings:
        result["fieldConfig"]["defaults"]["mappings"] = [{
            "type": "value",
            "options": {value: {"text": text, "color": color, "index": i} for i, (value, (text, color)) in enumerate(mappings.items())},
        }]
        result["options"] = {"colorMode": "background", "graphMode": "none"}
    if kind == "bargauge":
        result["options"] = {"orientation": "horizontal", "displayMode": "gradient"}
    return result


def dashboard():
    return {
        "__inputs": [{"name": "DS_PROMETHEUS", "label": "Prometheus", "type": "datasource", "pluginId": "prometheus", "pluginName": "Prometheus"}],
        "title": "AriCrmRouter",
        "uid": "aricrmrouter",
        "tags": ["asterisk", "crmrouter"],
        "timezone": "browser",
        "schemaVersion": 39,
        "version": 1,
        "refresh": "30s",
        "time": {"from": "now-1h", "to": "now"},
        "panels": [panel(i, *p) for i, p in enumerate(PANELS)],
    }


if __name__ == "__main__":
    path = os.path.join(os.path.dirname(__file__), "..", "grafana-dashboard.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump(dashboard(), out, indent=2)
        out.write("\n")
