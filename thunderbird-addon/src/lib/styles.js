// One stylesheet for the panel (in its shadow root), the popup, the search tab and the options
// page. Kept as a string so the display script can put it into the shadow root without fetching.
(function (root) {
  "use strict";
  const D = (root.Dealwire = root.Dealwire || {});
  D.styles = `
:host { all: initial; display: block; }
.dw {
  --bg: #f7f9fb; --fg: #1d2733; --muted: #5b6877; --line: #d5dde6; --accent: #1f6feb;
  --chip: #e6edf5; --warn: #9a5b00; --warn-bg: #fff4e0; --bad: #b42318; --bad-bg: #fdecea;
  --ok: #14703a; --ok-bg: #e3f5ea; --mark: #ffe58f;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg);
  background: var(--bg); border: 1px solid var(--line); border-radius: 6px;
  padding: 6px 10px; margin: 0 0 10px 0; box-sizing: border-box;
}
@media (prefers-color-scheme: dark) {
  .dw {
    --bg: #1e242c; --fg: #e3e8ee; --muted: #9aa7b5; --line: #3a4452; --accent: #6ea8ff;
    --chip: #2c3540; --warn: #ffc46b; --warn-bg: #3a2e1a; --bad: #ff8f85; --bad-bg: #3d2221;
    --ok: #7fd49b; --ok-bg: #1d3526; --mark: #6b5a12;
  }
}
.dw * { box-sizing: border-box; }
.dw-head { display: flex; align-items: center; gap: 8px; min-height: 24px; }
.dw-brand { font-weight: 700; color: var(--accent); }
.dw-summary { flex: 1; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.dw-body { margin-top: 6px; display: grid; gap: 6px; }
.dw-contact { font-weight: 600; }
.dw-muted, .dw-contact small { color: var(--muted); font-weight: 400; }
.dw-deals { display: flex; flex-wrap: wrap; gap: 4px; }
.dw-chip { display: inline-block; padding: 0 6px; border-radius: 10px; background: var(--chip); font-size: 12px; }
.dw-stage { background: var(--accent); color: var(--bg); }
.dw-stage-won { background: var(--ok); }
.dw-stage-lost { background: var(--bad); }
.dw-stage-parked { background: var(--muted); }
.dw-warn { background: var(--warn-bg); color: var(--warn); }
.dw-bad { background: var(--bad-bg); color: var(--bad); }
.dw-okc { background: var(--ok-bg); color: var(--ok); }
.dw-deal { border-top: 1px solid var(--line); padding-top: 6px; display: grid; gap: 4px; }
.dw-deal-line { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.dw-deal-title { font-weight: 600; color: var(--fg); }
.dw-evidence, .dw-timeline { margin: 0; padding-left: 16px; }
.dw-timeline li { color: var(--muted); }
.dw-timeline b { color: var(--fg); font-weight: 500; }
.dw-actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.dw-error { background: var(--bad-bg); color: var(--bad); border-radius: 4px; padding: 4px 8px; }
.dw-notice { background: var(--ok-bg); color: var(--ok); border-radius: 4px; padding: 4px 8px; }
.dw button, .dw select, .dw input {
  font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line);
  border-radius: 4px; padding: 2px 8px;
}
.dw button { cursor: pointer; }
.dw button[aria-pressed="true"] { border-color: var(--accent); box-shadow: inset 0 -2px 0 var(--accent); }
.dw button:disabled { opacity: .6; cursor: default; }
.dw a { color: var(--accent); }
.dw mark { background: var(--mark); color: inherit; padding: 0 1px; }
.dw-toggle { border: none !important; background: transparent !important; }
.dw-search-form { display: flex; gap: 6px; }
.dw-search-form input { flex: 1; }
.dw-search { display: grid; grid-template-columns: 220px 1fr; gap: 12px; }
.dw-facets h3 { font-size: 12px; text-transform: uppercase; color: var(--muted); margin: 8px 0 2px; }
.dw-facets button { display: block; width: 100%; text-align: left; border: none; margin: 1px 0; }
.dw-hits { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.dw-hit { border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; cursor: pointer; }
.dw-hit:hover { border-color: var(--accent); }
.dw-field { display: grid; gap: 2px; margin-bottom: 8px; }
.dw-field input { width: 100%; }
`;
})(globalThis);
