/**
 * The one script a webview preview runs (with the page's nonce). It never reads document text: it
 * swaps in HTML the extension rendered, keeps the preview and the editor scrolled in step through
 * the elements' `data-line` attributes, and asks the editor to open a line.
 *
 * Messages in:  { type: 'update', html, line? } · { type: 'scrollToLine', line }
 * Messages out: { type: 'revealLine', line } (preview scrolled) · { type: 'openLine', line } (go to source)
 */
export const webviewScript = String.raw`(function () {
  'use strict';
  var vscode = acquireVsCodeApi();
  var state = vscode.getState() || {};
  var ignoreScrollUntil = 0;
  var scrollTimer = 0;

  function anchors() {
    var out = [];
    var els = document.querySelectorAll('[data-line]');
    for (var i = 0; i < els.length; i++) {
      var line = Number(els[i].getAttribute('data-line'));
      if (!isNaN(line) && els[i].getClientRects().length) out.push({ el: els[i], line: line });
    }
    return out;
  }

  function topOf(el) { return el.getBoundingClientRect().top + window.scrollY; }

  function scrollToLine(line) {
    var list = anchors();
    if (!list.length) return;
    var prev = null, next = null;
    for (var i = 0; i < list.length; i++) {
      var a = list[i];
      if (a.line <= line) { if (!prev || a.line > prev.line) prev = a; }
      else if (!next || a.line < next.line) next = a;
    }
    var y;
    if (!prev) y = next ? topOf(next.el) - 8 : 0;
    else {
      y = topOf(prev.el);
      if (next && next.line > prev.line) {
        var nextTop = topOf(next.el);
        if (nextTop > y) y += (nextTop - y) * ((line - prev.line) / (next.line - prev.line));
      }
      y -= 8;
    }
    ignoreScrollUntil = Date.now() + 250;
    window.scrollTo(0, Math.max(0, y));
    state.line = line; vscode.setState(state);
  }

  function lineAtTop() {
    var list = anchors();
    if (!list.length) return undefined;
    var best = null;
    for (var i = 0; i < list.length; i++) {
      var r = list[i].el.getBoundingClientRect();
      if (r.top <= 10) best = { a: list[i], r: r, i: i };
      else break;
    }
    if (!best) return list[0].line;
    var nxt = list[best.i + 1];
    if (nxt && nxt.line > best.a.line) {
      var nr = nxt.el.getBoundingClientRect();
      var span = nr.top - best.r.top;
      if (span > 0) return best.a.line + Math.floor((nxt.line - best.a.line) * Math.min(1, (10 - best.r.top) / span));
    }
    return best.a.line;
  }

  window.addEventListener('scroll', function () {
    if (Date.now() < ignoreScrollUntil) return;
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(function () {
      var line = lineAtTop();
      if (line === undefined) return;
      state.line = line; vscode.setState(state);
      vscode.postMessage({ type: 'revealLine', line: line });
    }, 50);
  }, { passive: true });

  window.addEventListener('message', function (event) {
    var m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'update' && typeof m.html === 'string') {
      var main = document.getElementById('cs-main');
      if (!main) return;
      var y = window.scrollY;
      ignoreScrollUntil = Date.now() + 250;
      main.innerHTML = m.html;
      if (typeof m.title === 'string') document.title = m.title;
      if (typeof m.line === 'number') scrollToLine(m.line); else window.scrollTo(0, y);
    } else if (m.type === 'scrollToLine' && typeof m.line === 'number') {
      scrollToLine(m.line);
    }
  });

  document.addEventListener('click', function (event) {
    var t = event.target;
    var b = t && t.closest ? t.closest('[data-reveal-line]') : null;
    if (b) {
      event.preventDefault();
      vscode.postMessage({ type: 'openLine', line: Number(b.getAttribute('data-reveal-line')) });
    }
  });

  document.addEventListener('dblclick', function (event) {
    var t = event.target;
    var el = t && t.closest ? t.closest('[data-line], [data-ref-line]') : null;
    if (!el) return;
    var line = Number(el.getAttribute('data-line') || el.getAttribute('data-ref-line'));
    if (!isNaN(line)) vscode.postMessage({ type: 'openLine', line: line });
  });

  if (typeof state.line === 'number') scrollToLine(state.line);
})();`;
