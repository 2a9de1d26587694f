/**
 * The explorer's one stylesheet and one script, served as files: the Content-Security-Policy allows no
 * inline script or style, so nothing a customer's data puts in a page can run. The script only helps the
 * keyboard ("/" to search) and submits a filter when it changes; every page works without it.
 */
export const STYLESHEET = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d2330; background: #fafbfc; }
header { background: #1d2330; color: #fff; padding: 8px 16px; display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
header a { color: #cfe3ff; }
header .what { color: #9aa7bd; font-size: 12px; }
main { padding: 12px 16px 40px; max-width: 1200px; }
nav.crumbs { font-size: 13px; margin-bottom: 8px; }
h1 { font-size: 20px; margin: 8px 0 12px; word-break: break-all; }
h2 { font-size: 16px; margin: 20px 0 8px; }
table { border-collapse: collapse; background: #fff; margin: 4px 0 12px; }
th, td { border: 1px solid #dde2ea; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #eef1f6; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
a { color: #0b57d0; }
a:focus, input:focus, select:focus, button:focus, summary:focus { outline: 3px solid #f0a500; outline-offset: 1px; }
pre { background: #fff; border: 1px solid #dde2ea; padding: 8px; overflow: auto; max-height: 480px; font-size: 12px; }
.note { background: #fff6db; border: 1px solid #f0d58a; padding: 6px 10px; }
.bad { color: #b3261e; font-weight: 600; }
.good { color: #146c2e; font-weight: 600; }
.via { color: #555; }
.tag { font-size: 11px; border: 1px solid #b8c2d3; border-radius: 3px; padding: 0 4px; margin-left: 4px; }
form.filter { display: flex; gap: 8px; align-items: end; flex-wrap: wrap; margin: 8px 0; }
form.filter label { display: flex; flex-direction: column; font-size: 12px; }
.pager { display: flex; gap: 12px; align-items: center; }
svg.timeline rect.requests { fill: #9db7e8; } svg.timeline rect.errors { fill: #d9534f; }
svg.timeline rect.throttled { fill: #f0a500; } svg.timeline .retries { stroke: #6b3fa0; fill: #6b3fa0; }
svg.timeline polyline.retries { fill: none; } svg.timeline .axis { stroke: #555; } svg.timeline .label { font-size: 10px; fill: #333; }
tr:target { background: #fff6db; }
`;

export const SCRIPT = `
'use strict';
document.addEventListener('keydown', function (event) {
  var target = event.target;
  var typing = target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
  if (event.key === '/' && !typing) {
    var search = document.querySelector('[data-search]');
    if (search) { event.preventDefault(); search.focus(); search.select(); }
  } else if (event.key === 'Escape' && typing) {
    target.blur();
  }
});
document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
  select.addEventListener('change', function () { if (select.form) select.form.submit(); });
});
`;
